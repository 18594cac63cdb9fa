import { describe, expect, it } from 'vitest';
import type { PlanRow } from '../api/types';
import { en } from '../i18n/en';
import { translate, type Translate } from '../i18n/translate';
import { tableRows } from './plan-rows';
import { planTableSheet } from './plan-table-sheet';

const t: Translate = (key, params) => translate(en, key, params);

describe('planTableSheet', () => {
  it('writes the columns on screen with the baseline as a number and the target as printed and as read', () => {
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
});
