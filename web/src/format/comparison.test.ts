import { describe, expect, it } from 'vitest';
import type { ComparisonEntry } from '../api/comparison';
import type { PlanRow } from '../api/types';
import { comparedRegions, indicatorChoices, regionTrends, targetNumbers } from './comparison';

const description = { zh: '', en: '' };
const entry = (region: string, name: string, over: Partial<ComparisonEntry> = {}): ComparisonEntry => ({
  planId: 1,
  planTitle: `${region}规划`,
  region: { code: null, name: region },
  period: { start: 2021, end: 2025 },
  position: 0,
  name,
  unit: '张',
  nature: 'expected',
  baseline: null,
  target: { kind: 'exact', text: '6', value: 6, percent: false, description },
  latest: null,
  actuals: [],
  ...over,
});

describe('targetNumbers', () => {
  it('reads the numbers a target names and none from the others', () => {
    expect(
      targetNumbers({ kind: 'bound', op: '<=', text: '≤6.6', value: 6.6, percent: false, description }),
    ).toEqual({ min: 6.6, max: 6.6 });
    expect(
      targetNumbers({ kind: 'range', text: '103-107', min: 103, max: 107, percent: false, description }),
    ).toEqual({ min: 103, max: 107 });
    expect(
      targetNumbers({
        kind: 'relative',
        text: '增长50%',
        baseYear: 2020,
        baseValue: null,
        direction: 'increase',
        percent: 50,
        description,
      }),
    ).toBeNull();
  });
});

describe('comparedRegions', () => {
  it('labels regions, and tells two rows of one region apart by their names', () => {
    const regions = comparedRegions([
      entry('江阴市', '毎千人口床位数', { baseline: { text: '5.5', value: 5.5, year: 2020 } }),
      entry('通州区', '每千人口医疗卫生机构床位数', {
        latest: { year: 2025, value: 7.01, source: 'computed' },
      }),
      entry('某县', '床位数甲'),
      entry('某县', '床位数乙', { target: { kind: 'notSet', text: '—', description } }),
    ]);
    expect(regions).toEqual([
      { label: '江阴市', baseline: 5.5, target: { min: 6, max: 6 }, latest: null },
      { label: '通州区', baseline: null, target: { min: 6, max: 6 }, latest: 7.01 },
      { label: '某县·床位数甲', baseline: null, target: { min: 6, max: 6 }, latest: null },
      { label: '某县·床位数乙', baseline: null, target: null, latest: null },
    ]);
  });
});

describe('indicatorChoices', () => {
  const row = (indicatorId: string | null, name: string) => ({ indicatorId, name }) as PlanRow;
  it('lists the catalog indicators of the plans, most widely planned first', () => {
    const choices = indicatorChoices([
      {
        id: 1,
        indicators: [
          row('life-expectancy', '人均预期寿命'),
          row(null, '自定义'),
          row('beds-per-1000', '床位'),
        ],
      },
      { id: 2, indicators: [row('beds-per-1000', '每千人口床位数'), row('beds-per-1000', '其中：公立')] },
    ]);
    expect(choices).toEqual([
      { indicatorId: 'beds-per-1000', name: '床位', plans: 2 },
      { indicatorId: 'life-expectancy', name: '人均预期寿命', plans: 1 },
    ]);
  });
});

describe('regionTrends', () => {
  it('keeps the entries with actuals, with their targets', () => {
    const actuals = [{ year: 2025, value: 7.01, source: 'computed' as const }];
    expect(regionTrends([entry('江阴市', '床位'), entry('通州区', '床位', { actuals })])).toEqual([
      { label: '通州区', points: actuals, target: { min: 6, max: 6 } },
    ]);
  });
});
