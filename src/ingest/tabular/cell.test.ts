import { describe, expect, it } from 'vitest';
import { Invalid, readCode, readCount, readDate, readRegionCode, readYear } from './cell.js';

const reasonOf = (value: unknown) => (value instanceof Invalid ? value.code : value);

describe('cell readers', () => {
  it('reads counts as Excel and people write them', () => {
    expect(readCount(12)).toBe(12);
    expect(readCount('1,234')).toBe(1234);
    expect(readCount('１２')).toBe(12);
    expect(readCount('12.0')).toBe(12);
    expect(reasonOf(readCount('12.5'))).toBe('tabular.not-a-number');
    expect(reasonOf(readCount('abc'))).toBe('tabular.not-a-number');
    expect(reasonOf(readCount(-3))).toBe('tabular.negative');
    expect(reasonOf(readCount('3000000000'))).toBe('tabular.too-large');
  });

  it('reads years from 1949 to the current year', () => {
    const now = new Date('2024-06-01');
    expect(readYear('2023', now)).toBe(2023);
    expect(readYear(2024, now)).toBe(2024);
    expect(readYear('2023年', now)).toBe(2023);
    expect(reasonOf(readYear(2025, now))).toBe('tabular.invalid-year');
    expect(reasonOf(readYear('23', now))).toBe('tabular.invalid-year');
  });

  it('reads dates from Excel date cells, serial numbers and common spellings', () => {
    expect(readDate(new Date(Date.UTC(2020, 0, 5)))).toBe('2020-01-05');
    expect(readDate(43835)).toBe('2020-01-05');
    expect(readDate('2020/1/5')).toBe('2020-01-05');
    expect(readDate('2020年1月5日')).toBe('2020-01-05');
    expect(readDate('20200105')).toBe('2020-01-05');
    expect(reasonOf(readDate('2020-02-30'))).toBe('tabular.invalid-date');
  });

  it('reads region codes of the county levels as 12 digits', () => {
    expect(readRegionCode('320612')).toBe('320612000000');
    expect(readRegionCode('320612001')).toBe('320612001000');
    expect(readRegionCode(320612001001)).toBe('320612001001');
    expect(reasonOf(readRegionCode('320600'))).toBe('tabular.invalid-region-code');
    expect(reasonOf(readRegionCode('3206120010'))).toBe('tabular.invalid-region-code');
  });

  it('refuses codes Excel saved in scientific notation', () => {
    expect(readCode(' A1 ')).toBe('A1');
    expect(reasonOf(readCode('3.20612E+11'))).toBe('tabular.scientific-notation');
  });
});
