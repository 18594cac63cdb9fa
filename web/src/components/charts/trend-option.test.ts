import { describe, expect, it } from 'vitest';
import { niceBounds, targetShape, trendOption, type TrendInput } from './trend-option';

const labels = { actual: 'A', pending: 'N', expected: 'E', projection: 'P', target: 'T' };

// 婴儿死亡率 of the demo county: baseline 1.59 (2020), target ≤ 4, actuals 0 … 0 and 40 in 2025.
const input: TrendInput = {
  from: 2020,
  to: 2025,
  actuals: [
    { year: 2021, value: 0, source: 'computed' },
    { year: 2022, value: 0, source: 'computed' },
    { year: 2023, value: 2, source: 'manual' },
    { year: 2025, value: 40, source: 'computed' },
  ],
  pending: [],
  expected: [
    { year: 2020, value: 1.59 },
    { year: 2025, value: 1.59 },
  ],
  // value(2025) = 20, slope 5: value(2021) = 0.
  projection: { year: 2025, value: 20, slope: 5, from: 2021 },
  target: { min: null, max: 4 },
  targetText: '≤ 4',
};

type Series = {
  name: string;
  data: unknown[];
  markLine?: { data: unknown[] };
  markArea?: { data: unknown[] };
};

describe('targetShape', () => {
  it('draws a one-sided or exact target as a line and a two-sided one as a band', () => {
    expect(targetShape({ min: null, max: 4 })).toEqual({ kind: 'line', value: 4 });
    expect(targetShape({ min: 95, max: null })).toEqual({ kind: 'line', value: 95 });
    expect(targetShape({ min: 6, max: 6 })).toEqual({ kind: 'line', value: 6 });
    expect(targetShape({ min: 103, max: 107 })).toEqual({ kind: 'band', min: 103, max: 107 });
    expect(targetShape({ min: null, max: null })).toBeNull();
    expect(targetShape(null)).toBeNull();
  });
});

describe('niceBounds', () => {
  it('rounds the bounds out to a round step with some room', () => {
    // Beds per 1 000, 5.37–7.01 with the target 6: span 1.64, step 0.5.
    expect(niceBounds(5.37, 7.01)).toEqual({ min: 5, max: 7.5 });
    // Health literacy 27.52–36: span 8.48, step 2.
    expect(niceBounds(27.52, 36)).toEqual({ min: 26, max: 38 });
    expect(niceBounds(-3, 2)).toEqual({ min: -4, max: 3 });
    // All zero: a span of 1 is assumed, step 0.2.
    expect(niceBounds(0, 0)).toEqual({ min: 0, max: 0.2 });
  });
});

describe('trendOption', () => {
  it('lays actuals, path, projection and target on the years of the period', () => {
    const option = trendOption(input, labels);
    expect(option.xAxis).toMatchObject({ data: ['2020', '2021', '2022', '2023', '2024', '2025'] });
    const [actual, expected, projection, target] = option.series as Series[];
    expect(actual!.data).toEqual([null, 0, 0, { value: 2, itemStyle: { color: '#d48806' } }, null, 40]);
    expect(expected!.data).toEqual([1.59, null, null, null, null, 1.59]);
    expect(projection!.data).toEqual([null, 0, 5, 10, 15, 20]);
    expect(target!.markLine!.data).toEqual([{ yAxis: 4 }]);
    // 0 … 40: steps of 10, room above, nothing below 0.
    expect(option.yAxis).toMatchObject({ min: 0, max: 50 });
  });

  it('draws a range as a band and leaves out what is missing', () => {
    const option = trendOption(
      { ...input, actuals: [], projection: null, target: { min: 103, max: 107 }, targetText: '103-107' },
      labels,
    );
    const series = option.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['A', 'E', 'T']);
    expect(series[2]!.markArea!.data).toEqual([[{ yAxis: 103 }, { yAxis: 107 }]]);
    expect(trendOption({ ...input, target: null }, labels).series as Series[]).toHaveLength(3);
  });
});
