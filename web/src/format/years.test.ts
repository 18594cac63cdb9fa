import { describe, expect, it } from 'vitest';
import { defaultAssessmentYear, yearsBetween } from './years';

describe('yearsBetween', () => {
  it('lists both ends and nothing for a reversed span', () => {
    expect(yearsBetween(2020, 2023)).toEqual([2020, 2021, 2022, 2023]);
    expect(yearsBetween(2024, 2023)).toEqual([]);
  });
});

describe('defaultAssessmentYear', () => {
  const period = { start: 2021, end: 2025 };
  it('takes the last complete year inside the period', () => {
    expect(defaultAssessmentYear(period, new Date(2024, 5, 1))).toBe(2023);
    expect(defaultAssessmentYear(period, new Date(2027, 0, 1))).toBe(2025);
    expect(defaultAssessmentYear(period, new Date(2021, 3, 1))).toBe(2021);
  });
});
