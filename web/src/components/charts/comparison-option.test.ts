import { describe, expect, it } from 'vitest';
import { comparisonOption } from './comparison-option';

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
