import { describe, expect, it } from 'vitest';
import { parseResidentQuery, queryFields } from './resident-query.js';

const today = '2025-06-30';
const none = { platformId: null, idNumber: null, idNumberSuffix: null, phone: null };

describe('parseResidentQuery', () => {
  it('reads an empty box as every resident and letters as the start of a name', () => {
    expect(parseResidentQuery(undefined, today)).toEqual({ kind: 'all' });
    expect(parseResidentQuery('   ', today)).toEqual({ kind: 'all' });
    expect(parseResidentQuery(' 张三 ', today)).toEqual({ kind: 'name', prefix: '张三' });
    expect(parseResidentQuery('X', today)).toEqual({ kind: 'name', prefix: 'X' });
    expect(parseResidentQuery('张3', today)).toEqual({ kind: 'name', prefix: '张3' });
  });

  it('looks digits up as platform id, ID number (full or last digits) and phone', () => {
    expect(parseResidentQuery('42', today)).toEqual({ kind: 'number', ...none, platformId: 42 });
    expect(parseResidentQuery('0', today)).toEqual({ kind: 'number', ...none });
    expect(parseResidentQuery('1234', today)).toEqual({
      kind: 'number',
      ...none,
      platformId: 1234,
      idNumberSuffix: '1234',
    });
    expect(parseResidentQuery('123x', today)).toEqual({ kind: 'number', ...none, idNumberSuffix: '123X' });
    expect(parseResidentQuery('138 1234 5678', today)).toEqual({
      kind: 'number',
      platformId: 13812345678,
      idNumber: null,
      idNumberSuffix: '13812345678',
      phone: '13812345678',
    });
    expect(parseResidentQuery('32061219550308123x', today)).toEqual({
      kind: 'number',
      ...none,
      idNumber: '32061219550308123X',
    });
  });

  it('converts a valid 15-digit ID number to 18 characters and keeps it as last digits too', () => {
    // 320612 550308 123 → 320612 19550308 123 + check digit: weighted sum 230, 230 mod 11 = 10 → '2'.
    const q = parseResidentQuery('320612550308123', today);
    expect(q).toMatchObject({
      kind: 'number',
      idNumber: '320612195503081232',
      idNumberSuffix: '320612550308123',
    });
  });

  it('refuses an overlong search naming the field', () => {
    expect(() => parseResidentQuery('张'.repeat(51), today)).toThrow(/at most 50/);
  });

  it('names the fields searched, never the query', () => {
    expect(queryFields(parseResidentQuery('', today))).toEqual(['all']);
    expect(queryFields(parseResidentQuery('李', today))).toEqual(['name']);
    expect(queryFields(parseResidentQuery('13812345678', today))).toEqual([
      'platform-id',
      'id-number-suffix',
      'phone',
    ]);
  });
});
