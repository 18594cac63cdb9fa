import { describe, expect, it } from 'vitest';
import { rejectsCsv } from './reject-report';

describe('rejectsCsv', () => {
  it('writes one quoted line per reject after a BOM and the header, the report file standing in for a missing one', () => {
    const csv = rejectsCsv(
      [
        {
          file: 'a.ndjson',
          format: 'ndjson',
          read: 3,
          written: 1,
          byType: {},
          rejected: [
            { line: 2, code: 'json.invalid', reason: 'Unexpected token, "x"' },
            { file: 'b.csv', line: 7, field: '床位数', code: 'cell.number', reason: 'not a number' },
          ],
        },
      ],
      ['file', 'line', 'entry', 'field', 'code', 'reason'],
    );
    expect(csv).toBe(
      '\uFEFFfile,line,entry,field,code,reason\r\n' +
        'a.ndjson,2,,,json.invalid,"Unexpected token, ""x"""\r\n' +
        'b.csv,7,,床位数,cell.number,not a number\r\n',
    );
  });
});
