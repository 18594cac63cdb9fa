import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../api/indicator-values';
import type { AssessmentStatus } from '../api/monitoring-types';
import type { RegionCounty } from '../api/region-tree';
import type { PlanListEntry } from '../api/types';
import { attentionOrder, defaultRegion, findRegion, keyFigures, regionChoices } from './overview';

const row = (position: number, status: AssessmentStatus, singledOut = false) => ({
  position,
  assessment: { status, singledOut },
});

describe('attentionOrder', () => {
  it('lists binding rows off track first, then by severity, then in plan order', () => {
    const rows = [
      row(0, 'achieved'),
      row(1, 'off-track'),
      row(2, 'not-assessable'),
      row(3, 'at-risk'),
      row(4, 'off-track', true),
      row(5, 'no-data'),
      row(6, 'on-track'),
      row(7, 'off-track'),
    ];
    expect(attentionOrder(rows).map((r) => r.position)).toEqual([4, 1, 7, 3, 5, 6, 0, 2]);
  });
});

const plan = (id: number, code: string, name: string): PlanListEntry => ({
  id,
  title: `${name}规划`,
  region: { code, name },
  period: { start: 2021, end: 2025 },
  issuedOn: null,
  indicatorCount: 1,
  mappedCount: 1,
  updatedAt: '2025-01-01',
});
const tongzhou: RegionCounty = {
  countyCode: '320612',
  code: '320612000000',
  name: '通州区',
  covered: true,
  towns: [{ code: '320612001000', name: '金沙街道', covered: true, villages: [] }],
};
const plans = [plan(1, '320281', '江阴市'), plan(2, '320612', '通州区'), plan(3, '150271', '包头稀土高新区')];

describe('region choices', () => {
  it('offers the counties on record with their towns, then the counties that only have a plan', () => {
    const choices = regionChoices([tongzhou], plans, null);
    expect(choices.map((c) => [c.code, c.onRecord, c.towns.length])).toEqual([
      ['320612000000', true, 1],
      ['320281000000', false, 0],
      ['150271000000', false, 0],
    ]);
    expect(findRegion(choices, '320612001000')).toMatchObject({
      name: '金沙街道',
      level: 'town',
      countyCode: '320612',
      countyName: '通州区',
    });
    expect(findRegion(choices, '999999000000')).toBeUndefined();
  });

  it('offers plan-only counties within the scope alone', () => {
    expect(regionChoices([tongzhou], plans, '320600').map((c) => c.name)).toEqual(['通州区']);
    expect(regionChoices([], plans, '320000').map((c) => c.name)).toEqual(['江阴市', '通州区']);
  });

  it('opens on the first county on record that has a plan', () => {
    const choices = regionChoices([tongzhou], plans, null);
    expect(defaultRegion(choices, plans)?.name).toBe('通州区');
    expect(defaultRegion(regionChoices([], plans, null), plans)?.name).toBe('江阴市');
    expect(defaultRegion([], plans)).toBeUndefined();
  });

  it('opens on the town of a user whose scope is one town of the county', () => {
    const partly: RegionCounty = {
      ...tongzhou,
      covered: false,
      towns: [{ code: '320612101000', name: '西亭镇', covered: true, villages: [] }],
    };
    expect(defaultRegion(regionChoices([partly], plans, '320612101'), plans)).toMatchObject({
      code: '320612101000',
      level: 'town',
      covered: true,
    });
  });
});

const value = (indicatorId: string, year: number, v: number | null): IndicatorValue =>
  ({ indicatorId, name: { zh: indicatorId, en: indicatorId }, unit: '人', year, value: v }) as IndicatorValue;

describe('keyFigures', () => {
  it('gives each key indicator a point per year and its latest value, leaving out those never computed', () => {
    const figures = keyFigures(
      [
        value('beds-per-1000', 2021, 5.6),
        value('beds-per-1000', 2020, 5.4),
        value('beds-per-1000', 2023, null),
        value('physicians-per-1000', 2022, 2.2),
      ],
      [2020, 2021, 2022, 2023],
      ['physicians-per-1000', 'life-expectancy', 'beds-per-1000'],
    );
    expect(figures.map((f) => f.indicatorId)).toEqual(['physicians-per-1000', 'beds-per-1000']);
    expect(figures[1]!.points).toEqual([
      { year: 2020, value: 5.4 },
      { year: 2021, value: 5.6 },
      { year: 2022, value: null },
      { year: 2023, value: null },
    ]);
    // 2023 is suppressed: the latest value is 2021's.
    expect(figures[1]!.latest?.year).toBe(2021);
  });
});
