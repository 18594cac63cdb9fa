import { describe, expect, it } from 'vitest';
import { sparklineOption } from './sparkline-option';

describe('sparklineOption', () => {
  it('puts the years in order, keeps a missing year as a gap and marks the last value', () => {
    const option = sparklineOption(
      [
        { year: 2022, value: 3 },
        { year: 2020, value: 1 },
        { year: 2021, value: null },
        { year: 2023, value: null },
      ],
      '#123456',
    );
    expect(option.xAxis).toMatchObject({ data: ['2020', '2021', '2022', '2023'], show: false });
    const [series] = option.series as { data: unknown[]; connectNulls: boolean }[];
    expect(series!.data).toEqual([1, null, { value: 3, symbolSize: 5 }, null]);
    expect(series!.connectNulls).toBe(false);
  });

  it('draws nothing special for a series without values', () => {
    const [series] = sparklineOption([{ year: 2020, value: null }], '#000').series as { data: unknown[] }[];
    expect(series!.data).toEqual([null]);
  });
});
