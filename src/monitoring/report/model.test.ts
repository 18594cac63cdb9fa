import { describe, expect, it } from 'vitest';
import { reportYear } from './model.js';

describe('report year', () => {
  const period = { start: 2021, end: 2025 };
  it('defaults a mid-term review to the middle year and a final evaluation to the last', () => {
    expect(reportYear('midterm', period)).toBe(2023);
    expect(reportYear('final', period)).toBe(2025);
    expect(reportYear('final', period, 2024)).toBe(2024);
  });
  it('needs the year of an annual report', () => {
    expect(reportYear('annual', period, 2022)).toBe(2022);
    expect(() => reportYear('annual', period)).toThrow(
      expect.objectContaining({ code: 'report.year-required' }),
    );
  });
});
