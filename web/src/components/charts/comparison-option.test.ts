import { describe, expect, it } from 'vitest';
import { comparisonOption, comparisonTrendOption } from './comparison-option';

describe('comparisonOption', () => {
  it('puts baseline and latest as bars per region and the target as markers, both ends of a range', () => {
    const option = comparisonOption(
      [
        { label: '江阴市', baseline: 5.5, target: { min: 7.6, max: 7.6 }, latest: null },
        { label: '通州区', baseline: null, target: { min: 6, max: 6 }, latest: 7.01 },
        { label: '某县', baseline: 100, target: { min: 103, max: 107 }, latest: null },
        { label: '另县', baseline: null, target: null, latest: null },
      ],
      { baseline: 'B', target: 'T', latest: 'L' },
    );
    expect(option.xAxis).toMatchObject({ data: ['江阴市', '通州区', '某县', '另县'] });
    const [baseline, latest, target] = option.series as { name: string; data: unknown[] }[];
    expect(baseline).toMatchObject({ name: 'B', data: [5.5, null, 100, null] });
    expect(latest).toMatchObject({ name: 'L', data: [null, 7.01, null, null] });
    expect(target).toMatchObject({
      name: 'T',
      data: [
        [0, 7.6],
        [1, 6],
        [2, 103],
        [2, 107],
      ],
    });
  });
});

describe('comparisonTrendOption', () => {
  it('draws each region’s actuals by year with its target as a dashed line, both ends of a range', () => {
    const option = comparisonTrendOption(
      [
        {
          label: '通州区',
          points: [
            { year: 2021, value: 30 },
            { year: 2022, value: 32 },
          ],
          target: { min: 36, max: 36 },
        },
        { label: '某县', points: [{ year: 2020, value: 101 }], target: { min: 103, max: 107 } },
        { label: '另县', points: [{ year: 2023, value: 5 }], target: null },
      ],
      [2020, 2021, 2022, 2023],
    );
    const series = option.series as { name: string; data: unknown[]; markLine?: { data: unknown[] } }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['通州区', [null, 30, 32, null]],
      ['某县', [101, null, null, null]],
      ['另县', [null, null, null, 5]],
    ]);
    expect(series[0]!.markLine!.data).toEqual([{ yAxis: 36 }]);
    expect(series[1]!.markLine!.data).toEqual([{ yAxis: 103 }, { yAxis: 107 }]);
    expect(series[2]!.markLine).toBeUndefined();
  });
});
