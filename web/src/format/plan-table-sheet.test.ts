import { describe, expect, it } from 'vitest';
import type { MonitoredRow } from '../api/monitoring-types';
import type { PlanRow } from '../api/types';
import { en } from '../i18n/en';
import { translate, type Translate } from '../i18n/translate';
import { tableRows } from './plan-rows';
import { planTableSheet } from './plan-table-sheet';

const t: Translate = (key, params) => translate(en, key, params);

const row: PlanRow = {
  domain: '健康水平',
  seq: '1',
  marks: ['#'],
  name: '人均预期寿命',
  indicatorId: 'life-expectancy',
  unmappedReason: null,
  unit: '岁',
  baseline: { text: '80.11', value: 80.11, year: 2020 },
  target: { text: '81.37', kind: 'exact', value: 81.37, percent: false },
  nature: 'expected',
  parent: null,
  sourceLines: [1, 2],
  warnings: [],
};

describe('planTableSheet', () => {
  it('writes the columns on screen with the baseline as a number and the target as printed and as read', () => {
    const sheet = planTableSheet(tableRows([row], { domains: [], natures: [] }), 2020, t);
    expect(sheet.header).toEqual([
      'Domain',
      'No.',
      'Indicator',
      'Unit',
      'Baseline',
      'Target',
      'Target read as',
      'Nature',
    ]);
    expect(sheet.body).toEqual([
      ['健康水平', '1', '人均预期寿命 #', '岁', 80.11, '81.37', 'reach 81.37岁', 'Expected'],
    ]);
  });

  it('adds the actual of each year shown, the status with its reason and the projection', () => {
    const monitored = {
      position: 0,
      name: '人均预期寿命',
      unit: '岁',
      indicatorId: 'life-expectancy',
      rowKey: 'life-expectancy',
      computable: true,
      baseline: null,
      actuals: [
        { year: 2021, chosen: { value: 80.51234567, source: 'computed' }, computed: null, manual: null },
        { year: 2023, chosen: null, computed: null, manual: null },
      ],
      assessment: {
        status: 'off-track',
        reason: { zh: '落后于进度', en: 'behind the path' },
        actual: { year: 2021, value: 80.51234567 },
        expected: 80.5,
        gap: 0.01,
        projection: { year: 2025, value: 81.0000004, note: null },
        binding: false,
        singledOut: false,
      },
    } satisfies MonitoredRow;
    const sheet = planTableSheet(tableRows([row], { domains: [], natures: [] }), 2020, t, {
      years: [2020, 2021, 2022, 2023],
      rows: new Map([[0, monitored]]),
      projectionYear: 2025,
      lang: 'en',
    });
    expect(sheet.header.slice(8)).toEqual([
      'Actual 2020',
      'Actual 2021',
      'Actual 2022',
      'Actual 2023',
      'Status',
      'Why',
      'Projected 2025',
    ]);
    expect(sheet.body[0]!.slice(8)).toEqual([null, 80.5123, null, null, 'Off track', 'behind the path', 81]);
  });
});
