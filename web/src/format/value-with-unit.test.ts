import { describe, expect, it } from 'vitest';
import { formatWithUnit, withUnit } from './value-with-unit';

describe('withUnit', () => {
  it('writes a per-100 000 rate as value/10万, zero included', () => {
    expect(withUnit('0', '1/10万')).toBe('0/10万');
    expect(withUnit('18', '1/10万')).toBe('18/10万');
    expect(withUnit('7.5', '/10万')).toBe('7.5/10万');
  });

  it('appends other units as they are, and nothing to an empty value', () => {
    expect(withUnit('80', '%')).toBe('80%');
    expect(withUnit('3', '‰')).toBe('3‰');
    expect(withUnit('2.5', '人')).toBe('2.5人');
    expect(withUnit('79', null)).toBe('79');
    expect(withUnit('', '%')).toBe('');
  });

  it('rounds before it appends', () => {
    expect(formatWithUnit(0, '1/10万')).toBe('0/10万');
    expect(formatWithUnit(2.40858331508649, '人')).toBe('2.41人');
    expect(formatWithUnit(null, '%')).toBe('');
  });
});
