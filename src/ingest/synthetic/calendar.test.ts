import { describe, expect, it } from 'vitest';
import { ageOn, dayOf, isoDate, yearOf } from './calendar.js';

describe('calendar', () => {
  it('converts day numbers to ISO dates and years', () => {
    expect(isoDate(dayOf(2020, 2, 29))).toBe('2020-02-29');
    expect(isoDate(dayOf(1900, 1, 1))).toBe('1900-01-01');
    expect(yearOf(dayOf(2024, 12, 31))).toBe(2024);
  });

  it('counts completed years at a date', () => {
    const born = dayOf(1960, 3, 8);
    expect(ageOn(born, dayOf(2020, 3, 7))).toBe(59);
    expect(ageOn(born, dayOf(2020, 3, 8))).toBe(60);
    expect(ageOn(dayOf(2000, 2, 29), dayOf(2021, 2, 28))).toBe(20);
    expect(ageOn(dayOf(2000, 2, 29), dayOf(2021, 3, 1))).toBe(21);
  });
});
