import { describe, expect, it } from 'vitest';
import { formatValue } from './numbers';

describe('formatValue', () => {
  it('rounds to two decimals below 100 and one from 100, dropping trailing zeros', () => {
    expect(formatValue(79.97499068336752)).toBe('79.97');
    expect(formatValue(0.2178649237472767)).toBe('0.22');
    expect(formatValue(2.1)).toBe('2.1');
    expect(formatValue(100)).toBe('100');
    expect(formatValue(123.456)).toBe('123.5');
    expect(formatValue(-4.005)).toBe('-4');
  });

  it('leaves a missing figure empty', () => {
    expect(formatValue(null)).toBe('');
    expect(formatValue(undefined)).toBe('');
    expect(formatValue(Number.NaN)).toBe('');
  });
});
