import { describe, expect, it } from 'vitest';
import { withUnit } from './value-text.js';

describe('withUnit', () => {
  it('writes a per-100 000 rate as value/10万, whatever the value', () => {
    expect(withUnit('0', '1/10万')).toBe('0/10万');
    expect(withUnit('10', '1/10万')).toBe('10/10万');
    expect(withUnit('18.5', '1/10万')).toBe('18.5/10万');
    expect(withUnit('7', '/10万')).toBe('7/10万');
  });

  it('appends other units as they are, and nothing without one', () => {
    expect(withUnit('33.33', '%')).toBe('33.33%');
    expect(withUnit('5.2', '‰')).toBe('5.2‰');
    expect(withUnit('2.67', '人')).toBe('2.67人');
    expect(withUnit('80.1', '')).toBe('80.1');
    expect(withUnit('1', null)).toBe('1');
  });
});
