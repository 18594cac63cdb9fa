import { describe, expect, it } from 'vitest';
import { icd10Category, icd10InRanges } from './icd10.js';

describe('icd10Category', () => {
  it('reads the three-character category of WHO and Chinese-extension codes', () => {
    expect(icd10Category('C34.1')).toEqual({ letter: 'C', number: 34, code: 'C34' });
    expect(icd10Category('i10.x00x002')).toEqual({ letter: 'I', number: 10, code: 'I10' });
    expect(icd10Category('E11.5†')).toEqual({ letter: 'E', number: 11, code: 'E11' });
    expect(icd10Category('Ｊ０９')).toEqual({ letter: 'J', number: 9, code: 'J09' });
    expect(icd10Category('C341')?.code).toBe('C34');
  });

  it('returns null for text that is not one code', () => {
    for (const text of ['', 'C', 'C3', '34.1', 'CC34', 'I10-I15', 'I10/I11', 'I10 I11']) {
      expect(icd10Category(text), text).toBeNull();
    }
  });
});

describe('icd10InRanges', () => {
  it('is inclusive at both ends and keeps to the letter', () => {
    const ranges = [{ letter: 'J', from: 30, to: 98 }];
    expect(icd10InRanges('J30', ranges)).toBe(true);
    expect(icd10InRanges('J98.9', ranges)).toBe(true);
    expect(icd10InRanges('J29', ranges)).toBe(false);
    expect(icd10InRanges('J99', ranges)).toBe(false);
    expect(icd10InRanges('I50', ranges)).toBe(false);
    expect(icd10InRanges('not a code', ranges)).toBe(false);
  });
});
