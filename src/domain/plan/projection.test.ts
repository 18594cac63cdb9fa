import { describe, expect, it } from 'vitest';
import { fitLinearTrend, projectTo, trendValue } from './projection.js';

describe('fitLinearTrend', () => {
  it('fits a noisy series by least squares (worked by hand)', () => {
    // x̄ = 2021.5, ȳ = 2.75; Sxx = 5, Sxy = 5.5 → slope 1.1; Syy = 8.75, SSres = 8.75 − 1.1·5.5 = 2.7 → r² = 121/175.
    const t = fitLinearTrend([
      { year: 2020, value: 1 },
      { year: 2021, value: 3 },
      { year: 2022, value: 2 },
      { year: 2023, value: 5 },
    ])!;
    expect(t.slope).toBeCloseTo(1.1, 12);
    expect(t.intercept).toBeCloseTo(2.75 - 1.1 * 2021.5, 8);
    expect(t.r2).toBeCloseTo(121 / 175, 12);
    expect(t.points).toBe(4);
    expect([t.from, t.to]).toEqual([2020, 2023]);
    expect(trendValue(t, 2025)).toBeCloseTo(6.6, 12); // 2.75 + 1.1 × 3.5
  });

  it('gives r² = 1 for a flat series and null for one year only', () => {
    const flat = fitLinearTrend([
      { year: 2020, value: 7 },
      { year: 2022, value: 7 },
      { year: 2024, value: 7 },
    ])!;
    expect(flat.slope).toBe(0);
    expect(flat.r2).toBe(1);
    expect(fitLinearTrend([{ year: 2021, value: 3 }])).toBeNull();
    expect(
      fitLinearTrend([
        { year: 2021, value: 3 },
        { year: 2021, value: 4 },
      ]),
    ).toBeNull();
    expect(fitLinearTrend([])).toBeNull();
  });

  it('leaves non-finite values out', () => {
    const t = fitLinearTrend([
      { year: 2020, value: 1 },
      { year: 2021, value: NaN },
      { year: 2022, value: 3 },
    ])!;
    expect(t.points).toBe(2);
    expect(t.slope).toBe(1);
  });
});

describe('projectTo', () => {
  it('projects with the number of points and method', () => {
    const p = projectTo(
      [
        { year: 2020, value: 0.8 },
        { year: 2021, value: 0.9 },
        { year: 2022, value: 1.0 },
      ],
      2025,
    );
    expect(p.method).toBe('least-squares');
    expect(p.points).toBe(3);
    expect(p.value).toBeCloseTo(1.3, 12);
    expect(p.slope).toBeCloseTo(0.1, 12);
    expect(p.r2).toBeCloseTo(1, 12);
    expect(p.note).toBeNull();
  });

  it('says when two points make a weak projection and one point none', () => {
    const two = projectTo(
      [
        { year: 2020, value: 104 },
        { year: 2022, value: 108 },
      ],
      2025,
    );
    expect(two.value).toBe(114);
    expect(two.note?.en).toMatch(/two points/);
    const one = projectTo([{ year: 2022, value: 58 }], 2025);
    expect(one).toMatchObject({ value: null, points: 1, method: 'none', slope: null, r2: null });
    expect(one.note).toEqual({ zh: '仅有1个数据点，无法拟合趋势', en: 'one point: no trend can be fitted' });
  });
});
