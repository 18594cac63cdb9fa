import { describe, expect, it } from 'vitest';
import { reportYearFor } from './report-year';

describe('reportYearFor', () => {
  const period = { start: 2021, end: 2025 };
  it('takes the middle year for a mid-term review and the last for a final evaluation', () => {
    expect(reportYearFor('midterm', period)).toBe(2023);
    expect(reportYearFor('final', period)).toBe(2025);
  });

  it('takes the last complete year for an annual report', () => {
    expect(reportYearFor('annual', period, new Date(2024, 2, 1))).toBe(2023);
  });
});
