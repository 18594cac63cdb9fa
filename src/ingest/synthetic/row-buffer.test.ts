import { describe, expect, it } from 'vitest';
import { RowBuffer, type TableChunk } from './row-buffer.js';

const text = (chunk: TableChunk) => Buffer.concat(chunk.data).toString('utf8');

describe('RowBuffer', () => {
  it('encodes COPY text: nulls, booleans, arrays, escapes', () => {
    const buffer = new RowBuffer();
    buffer.add('childcare_places', ['320612', '320612000000', 2020, 12]);
    buffer.add('regions', ['320612', '320612000000', null, 'county', 'a\tb\\c', true]);
    buffer.add('childcare_places', ['320612', '320612001000', 2020, 3]);
    const chunks = buffer.take();
    expect(chunks.map((c) => [c.table, c.rows])).toEqual([
      ['regions', 1],
      ['childcare_places', 2],
    ]);
    expect(text(chunks[0]!)).toBe('320612\t320612000000\t\\N\tcounty\ta\\tb\\\\c\tt\n');
    expect(text(chunks[1]!)).toBe('320612\t320612000000\t2020\t12\n320612\t320612001000\t2020\t3\n');
    expect(buffer.take()).toEqual([]);
  });

  it('writes text arrays in braces', () => {
    const buffer = new RowBuffer();
    buffer.add('population', ['x', ['elderly', 'hypertension']]);
    expect(text(buffer.take()[0]!)).toBe('x\t{elderly,hypertension}\n');
  });
});
