import { describe, expect, it } from 'vitest';
import { WeijianError } from '../../domain/errors.js';
import type { PlanIndicatorRow } from '../../domain/plan/types.js';
import { readSeed, type SeedName } from '../../testing/seeds.js';
import { readIndicatorTables } from './indicator-table.js';

const seedLines = (name: SeedName) => readSeed(name).toString('utf8').split('\n');
const tablesOf = (name: SeedName) => readIndicatorTables(seedLines(name), `${name}.txt`);
const byName = (rows: PlanIndicatorRow[], name: string) => {
  const row = rows.find((r) => r.name === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
};
const rowWarnings = (rows: PlanIndicatorRow[]) =>
  rows.flatMap((r) => r.warnings.map((w) => `${r.name}: ${w}`));

function failure(lines: string[]): WeijianError {
  try {
    readIndicatorTables(lines, 'plan.txt');
  } catch (error) {
    if (error instanceof WeijianError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('readIndicatorTables on the five seeds', () => {
  it('reads every row of every main-indicator table', () => {
    expect(tablesOf('tongzhou').indicators).toHaveLength(27);
    expect(tablesOf('tongzhou').reviewIndicators).toHaveLength(20);
    expect(tablesOf('siyang').indicators).toHaveLength(24);
    expect(tablesOf('jiangyin').indicators).toHaveLength(31);
    expect(tablesOf('jizhou').indicators).toHaveLength(20);
    expect(tablesOf('baotou').indicators).toHaveLength(49);
    for (const name of ['siyang', 'jiangyin', 'jizhou', 'baotou'] as const) {
      expect(tablesOf(name).reviewIndicators).toEqual([]);
    }
  });

  it('通州 表2: marks, a relative target, a 其中 sub-row, a target split over lines, the note', () => {
    const { indicators, tableNotes, warnings } = tablesOf('tongzhou');
    expect(indicators[0]).toMatchObject({
      domain: '健康水平',
      seq: '1',
      marks: ['#'],
      name: '人均期望寿命',
      indicatorId: 'life-expectancy',
      unit: '岁',
      baseline: null,
      target: { kind: 'exact', value: 83.5 },
      nature: 'expected',
      parent: null,
      sourceLines: [234, 241],
      warnings: [],
    });
    expect(byName(indicators, '每千人口公共卫生人员数')).toMatchObject({
      seq: '15',
      marks: ['#'],
      indicatorId: 'public-health-staff-per-1000',
      unit: '人',
      target: { kind: 'relative', baseYear: 2020, direction: 'increase', percent: 50 },
      nature: 'expected',
    });
    const sub = indicators[11];
    expect(sub).toMatchObject({
      domain: '健康服务',
      seq: null,
      marks: [],
      name: '每千人口中医类别执业（助理）医师数',
      indicatorId: 'tcm-physicians-per-1000',
      unit: '人',
      target: { kind: 'exact', value: 0.57 },
      nature: 'expected',
      parent: 10,
      sourceLines: [317, 322],
    });
    expect(indicators[10]?.name).toBe('每千人口执业（助理）医师数');
    expect(byName(indicators, '基层医疗机构卫生技术人员占比')).toMatchObject({
      target: { kind: 'benchmark', text: '达到全省平均水平' },
      sourceLines: [352, 359],
    });
    expect(byName(indicators, '每千人口药师（士）数')).toMatchObject({ seq: '13', nature: 'binding' });
    expect(byName(indicators, '每千人口注册护士数')).toMatchObject({ seq: '12', marks: [] });
    expect(indicators.filter((r) => r.marks.includes('#'))).toHaveLength(21);
    expect(tableNotes).toEqual(['注：标#者为省、市规划指标、未标的为区规划指标。']);
    expect(warnings).toEqual([]);
    expect(rowWarnings(indicators)).toEqual([]);
  });

  it('通州 表1 (the 十三五 review): 2020 result as baseline, 2020 target as target', () => {
    const { reviewIndicators } = tablesOf('tongzhou');
    expect(reviewIndicators[0]).toMatchObject({
      domain: '健康水平',
      seq: '1',
      name: '人口平均期望寿命',
      indicatorId: 'life-expectancy',
      unit: '岁',
      baseline: { text: '83.19', value: 83.19, year: 2020 },
      target: { kind: 'bound', op: '>=', value: 80 },
      nature: null,
    });
    expect(reviewIndicators[6]).toMatchObject({
      domain: '疾病防控与爱国卫生',
      seq: '7',
      name: '因心脑血管疾病、癌症、慢性呼吸系统疾病和糖尿病导致的过早死亡率',
      unit: '%',
      baseline: { text: '8.94', value: 8.94, year: 2020 },
      target: { kind: 'relative', baseYear: 2015, baseValue: 12.93, direction: 'decrease', percent: 10 },
    });
    expect(reviewIndicators[19]).toMatchObject({
      domain: '智慧健康',
      seq: '20',
      baseline: { value: 100, year: 2020 },
      target: { kind: 'exact', value: 90 },
      sourceLines: [183, 190],
    });
    expect(rowWarnings(reviewIndicators)).toEqual([]);
  });

  it('泗阳: 80左右, units in their own column, the 其中 sub-row', () => {
    const { indicators, warnings, tableNotes } = tablesOf('siyang');
    expect(indicators[0]).toMatchObject({
      domain: '健康水平',
      seq: '1',
      name: '人均预期寿命',
      indicatorId: 'life-expectancy',
      unit: '岁',
      target: { kind: 'approx', value: 80 },
      nature: 'expected',
    });
    expect(byName(indicators, '孕产妇死亡率')).toMatchObject({
      unit: '/10万',
      target: { kind: 'bound', op: '<=', value: 7 },
    });
    expect(indicators[11]).toMatchObject({
      seq: null,
      name: '每千常住人口中医类别执业（助理）医师数',
      parent: 10,
      target: { kind: 'exact', value: 0.45 },
    });
    expect(byName(indicators, '国家卫生乡镇数量占比')).toMatchObject({
      nature: 'binding',
      domain: '健康生活',
    });
    expect(indicators.at(-1)).toMatchObject({
      seq: '23',
      domain: '健康产业',
      target: { kind: 'approx', value: 8.5 },
    });
    expect([warnings, tableNotes, rowWarnings(indicators)]).toEqual([[], [], []]);
  });

  it('江阴: a 2020 column as baseline, a range, an empty unit, the 毎 typo', () => {
    const { indicators, warnings } = tablesOf('jiangyin');
    expect(byName(indicators, '出生人口性别比')).toMatchObject({
      seq: '5',
      indicatorId: 'sex-ratio-at-birth',
      unit: null,
      baseline: { text: '104', value: 104, year: 2020 },
      target: { kind: 'range', min: 103, max: 107 },
      nature: 'expected',
    });
    expect(byName(indicators, '毎千人口床位数')).toMatchObject({
      domain: '资源配置',
      indicatorId: 'beds-per-1000',
      unit: '张',
      baseline: { value: 5.5, year: 2020 },
      target: { kind: 'exact', value: 7.6 },
    });
    expect(byName(indicators, '人均每日食盐摄入量')).toMatchObject({
      unit: 'g',
      baseline: { text: '-', value: null, year: 2020 },
      target: { kind: 'bound', op: '<=', value: 10 },
    });
    expect(byName(indicators, '艾滋病全人群感染率').target.kind).toBe('notSet');
    expect(indicators.at(-1)).toMatchObject({
      seq: '31',
      baseline: { text: '21%', value: 21 },
      target: { kind: 'exact', value: 20 },
      nature: 'binding',
    });
    expect([warnings, rowWarnings(indicators)]).toEqual([[], []]);
  });

  it('蓟州: units in the name, 1.34：1, 较2015年降低20％, no sequence column', () => {
    const { indicators, warnings } = tablesOf('jizhou');
    expect(byName(indicators, '医护比')).toMatchObject({
      domain: '健康服务资源',
      seq: null,
      indicatorId: 'doctor-nurse-ratio',
      unit: null,
      baseline: { text: '1.34：1', value: 1.34, year: 2020 },
      target: { kind: 'ratio', left: 1, right: 1 },
      nature: 'expected',
    });
    expect(byName(indicators, '重大慢性病早死率')).toMatchObject({
      domain: '健康服务结果',
      indicatorId: 'premature-ncd-mortality',
      baseline: { text: '较2015年下降10.37%', value: null, year: 2020 },
      target: { kind: 'relative', baseYear: 2015, direction: 'decrease', percent: 20 },
    });
    expect(byName(indicators, '婴儿死亡率')).toMatchObject({
      unit: '‰',
      baseline: { text: '6‰', value: 6 },
      target: { kind: 'exact', value: 5 },
    });
    expect(byName(indicators, '居民健康素养水平')).toMatchObject({ unit: '%', baseline: { value: 17.8 } });
    expect(byName(indicators, '15岁以上人群吸烟率')).toMatchObject({
      baseline: null,
      target: { kind: 'relative', baseYear: null, direction: 'decrease', percent: 15 },
    });
    expect(indicators.every((r) => r.seq === null && r.marks.length === 0)).toBe(true);
    expect([warnings, rowWarnings(indicators)]).toEqual([[], []]);
  });

  it('包头: 1:1.20, the 人 / 100% disagreement, the provisional caveat', () => {
    const { indicators, warnings, tableNotes } = tablesOf('baotou');
    expect(byName(indicators, '医护比')).toMatchObject({
      domain: '卫生资源配置',
      indicatorId: 'doctor-nurse-ratio',
      target: { kind: 'ratio', left: 1, right: 1.2 },
      nature: 'guiding',
    });
    expect(byName(indicators, '存活艾滋病病毒感染者和病人数')).toMatchObject({
      domain: '疾病预防控制',
      indicatorId: 'people-living-with-hiv',
      unit: '人',
      target: { kind: 'exact', value: 100, percent: true },
    });
    expect(byName(indicators, '孕产妇死亡率')).toMatchObject({ unit: '/10万', target: { kind: 'notSet' } });
    expect(byName(indicators, '重大慢性病过早死亡率').unit).toBe('%');
    expect(byName(indicators, '因病致贫率').nature).toBe('binding');
    expect(rowWarnings(indicators)).toEqual([
      '存活艾滋病病毒感染者和病人数: unit is 人 but the target 100% is a percentage',
    ]);
    const caveat = '（以上指标建议等国家、自治区和包头市相关指标确定后再确定）';
    expect(tableNotes).toEqual([caveat]);
    expect(warnings).toEqual([
      `包头稀土高新区“十四五”期间卫生健康事业发展指标: the plan calls its indicators provisional (line 301): ${caveat}`,
    ]);
  });
});

describe('readIndicatorTables on broken tables', () => {
  const header = ['主要指标', '', '\t序号', '\t指标', '\t单位', '\t2025年', '\t性质', ''];
  const row = (seq: string, name: string, unit: string, target: string, nature: string) => [
    `\t${seq}`,
    `\t${name}`,
    `\t${unit}`,
    `\t${target}`,
    `\t${nature}`,
    '',
  ];

  it('fails with file and line when there is no indicator table', () => {
    const error = failure(['某县卫生健康规划', '', '一、主要指标', '到2025年，人均预期寿命达到80岁。']);
    expect(error.code).toBe('plan.no-indicator-table');
    expect(error.place).toEqual({ file: 'plan.txt', line: 3, field: 'indicators' });
  });

  it('fails at the first line of the row a cut-off file ends in', () => {
    const cut = seedLines('tongzhou').slice(0, 347);
    const error = failure(cut);
    expect(error.code).toBe('plan.truncated-table');
    expect(error.place).toEqual({ file: 'plan.txt', line: 345, field: 'indicators' });
    expect(error.message).toContain('表2');
  });

  it('fails for a header without rows', () => {
    expect(failure([...header, '', '二、重点任务']).code).toBe('plan.empty-indicator-table');
  });

  it('keeps a row whose cells cannot be aligned, with a warning', () => {
    const lines = [
      ...header,
      ...row('1', '婴儿死亡率', '‰', '≤3', '预期性'),
      ...['\t2', '\t孕产妇死亡率', ''],
      ...row('3', '居民健康素养水平', '%', '≥36', '预期性'),
    ];
    const { indicators } = readIndicatorTables(lines, 'plan.txt');
    expect(indicators.map((r) => r.seq)).toEqual(['1', '2', '3']);
    expect(indicators[1]?.warnings[0]).toBe(
      'the row has 2 cells but the header has 5 (序号 | 指标 | 单位 | 2025年 | 性质); ' +
        'cells were read left to right: 2 | 孕产妇死亡率',
    );
  });

  it('warns about a numbering gap, an unexplained mark and a unit disagreement', () => {
    const lines = [
      ...header,
      ...row('1', '婴儿死亡率', '‰', '≤3', '预期性'),
      ...row('*3', '居民健康素养水平', '人', '≥36%', '约束'),
      ...row('4', '医护比', '', '1：1', '预计'),
    ];
    const { indicators, warnings } = readIndicatorTables(lines, 'plan.txt');
    expect(warnings).toEqual([
      '主要指标: numbering goes from 1 to 3 (line 15)',
      '主要指标: rows are marked * but no note under the table says what it means',
    ]);
    expect(indicators[1]).toMatchObject({ seq: '3', marks: ['*'], nature: 'binding' });
    expect(indicators[1]?.warnings).toEqual(['unit is 人 but the target ≥36% is a percentage']);
    expect(indicators[2]).toMatchObject({ nature: null, warnings: ['unknown nature 预计'] });
  });

  it('warns about a target kept as text and an empty target cell; 其中 without a number', () => {
    const lines = [
      ...header,
      ...row('1', '每千人口执业（助理）医师数', '人', '逐步提高', '预期性'),
      ...row('', '其中：每千人口中医类别执业（助理）医师数', '人', '', '预期性'),
    ];
    const { indicators } = readIndicatorTables(lines, 'plan.txt');
    expect(indicators[0]?.warnings).toEqual([
      'the target 逐步提高 is not a number, bound, range or ratio; kept as text',
    ]);
    expect(indicators[1]).toMatchObject({ seq: null, parent: 0, warnings: ['the target cell is empty'] });
  });
});
