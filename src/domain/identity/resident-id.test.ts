import { describe, expect, it } from 'vitest';
import {
  convertLegacyResidentId,
  isValidResidentId,
  makeResidentId,
  parseResidentId,
  residentIdCheckDigit,
} from './resident-id.js';

const today = '2025-06-30';

// Check digits worked out by hand: S = Σ digit_i × W_i with W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
// check = "10X98765432"[S mod 11].
//
// 11010519491231002X (the standard's own example):
//   1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2
//   = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → X
// 440524188001010014:
//   4·7 + 4·9 + 0 + 5·5 + 2·8 + 4·4 + 1·2 + 8·1 + 8·6 + 0 + 0 + 1·9 + 0 + 1·5 + 0 + 0 + 1·2
//   = 28+36+25+16+16+2+8+48+9+5+2 = 195; 195 mod 11 = 8 → 4
// 32061219900101123?:
//   3·7 + 2·9 + 0 + 6·5 + 1·8 + 2·4 + 1·2 + 9·1 + 9·6 + 0 + 0 + 1·9 + 0 + 1·5 + 1·8 + 2·4 + 3·2
//   = 21+18+30+8+8+2+9+54+9+5+8+8+6 = 186; 186 mod 11 = 10 → 2
// 32061220200229002?:
//   3·7 + 2·9 + 0 + 6·5 + 1·8 + 2·4 + 2·2 + 0 + 2·6 + 0 + 0 + 2·9 + 2·10 + 9·5 + 0 + 0 + 2·2
//   = 21+18+30+8+8+4+12+18+20+45+4 = 188; 188 mod 11 = 1 → 0

describe('residentIdCheckDigit', () => {
  it('matches the hand-computed values', () => {
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(residentIdCheckDigit('44052418800101001')).toBe('4');
    expect(residentIdCheckDigit('32061219900101123')).toBe('2');
    expect(residentIdCheckDigit('32061220200229002')).toBe('0');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => residentIdCheckDigit('1101051949123100')).toThrow(/17 digits/);
  });
});

describe('parseResidentId', () => {
  it('reads the standard example', () => {
    expect(parseResidentId('11010519491231002X', today)).toEqual({
      ok: true,
      value: {
        number: '11010519491231002X',
        regionCode: '110105',
        birthDate: '1949-12-31',
        sex: 'female',
        sequence: '002',
        checkDigit: 'X',
      },
    });
  });

  it('takes the sex from the 17th digit: odd is male', () => {
    const result = parseResidentId('320612199001011232', today);
    expect(result.ok && result.value).toMatchObject({
      sex: 'male',
      birthDate: '1990-01-01',
      checkDigit: '2',
    });
    expect(isValidResidentId('440524188001010014', today)).toBe(true);
  });

  it('accepts a lower-case x and surrounding spaces, returning the normalised number', () => {
    const result = parseResidentId(' 11010519491231002x ', today);
    expect(result.ok && result.value.number).toBe('11010519491231002X');
  });

  it.each([
    ['1101051949123100', 'length'],
    ['110105194912310021X', 'length'],
    ['11010519491231002Y', 'format'],
    ['1101051949123100X2', 'format'],
    ['99010519491231002X', 'region'],
    ['00010519491231002X', 'region'],
    ['11000019491231002X', 'region'],
    ['11010519491331002X', 'birth-date'],
    ['11010519490229002X', 'birth-date'],
    ['11010517001231002X', 'birth-date'],
    ['110105194912310021', 'check-digit'],
  ])('%s → %s', (input, reason) => {
    const result = parseResidentId(input, today);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe(reason);
  });

  it('names the expected check digit', () => {
    const result = parseResidentId('110105194912310021', today);
    expect(!result.ok && result.message).toBe('check digit is 1, expected X');
  });

  it('hints at conversion for a 15-digit number', () => {
    const result = parseResidentId('110105491231002', today);
    expect(!result.ok && result.message).toMatch(/15-digit legacy/);
  });

  it('refuses a birth date after today, accepts today', () => {
    const born = makeResidentId('320612', '2025-07-01', 1);
    const result = parseResidentId(born, today);
    expect(!result.ok && result.reason).toBe('birth-date-future');
    expect(isValidResidentId(makeResidentId('320612', today, 1), today)).toBe(true);
  });
});

describe('makeResidentId', () => {
  it('computes the check digit', () => {
    expect(makeResidentId('110105', '1949-12-31', 2)).toBe('11010519491231002X');
    expect(makeResidentId('320612', '1990-01-01', '123')).toBe('320612199001011232');
    // 29 February of a leap year, even sequence → female.
    const id = makeResidentId('320612', '2020-02-29', 2);
    expect(id).toBe('320612202002290020');
    const parsed = parseResidentId(id, today);
    expect(parsed.ok && parsed.value.sex).toBe('female');
  });

  it('throws on malformed parts', () => {
    expect(() => makeResidentId('32061', '1990-01-01', 1)).toThrow(/region code/);
    expect(() => makeResidentId('990612', '1990-01-01', 1)).toThrow(/province/);
    expect(() => makeResidentId('320612', '1990-02-30', 1)).toThrow(/birth date/);
    expect(() => makeResidentId('320612', '19900101', 1)).toThrow(/birth date/);
    expect(() => makeResidentId('320612', '1990-01-01', 1000)).toThrow(/sequence/);
    expect(() => makeResidentId('320612', '1990-01-01', -1)).toThrow(/sequence/);
  });
});

describe('convertLegacyResidentId', () => {
  it('inserts 19 and adds the check digit', () => {
    const result = convertLegacyResidentId('110105491231002', today);
    expect(result.ok && result.value.number).toBe('11010519491231002X');
    expect(result.ok && result.value.birthDate).toBe('1949-12-31');
  });

  it('reports the wrong part', () => {
    const short = convertLegacyResidentId('11010549123100', today);
    expect(!short.ok && short.reason).toBe('length');
    const letters = convertLegacyResidentId('11010549123100X', today);
    expect(!letters.ok && letters.reason).toBe('format');
    const date = convertLegacyResidentId('110105490231002', today);
    expect(!date.ok && date.reason).toBe('birth-date');
  });
});
