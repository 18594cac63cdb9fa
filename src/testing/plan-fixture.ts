import type { ParsedPlan, PlanIndicatorRow } from '../domain/plan/types.js';

/** A small hand-made plan for storage and interface tests that must not depend on the parser. */
export function samplePlan(overrides: Partial<ParsedPlan> = {}): ParsedPlan {
  const row = (seq: string, name: string, extra: Partial<PlanIndicatorRow> = {}): PlanIndicatorRow => ({
    domain: '健康水平',
    seq,
    marks: [],
    name,
    indicatorId: null,
    unmappedReason: 'not in catalog',
    unit: null,
    baseline: null,
    target: { text: '——', kind: 'notSet' },
    nature: 'expected',
    parent: null,
    sourceLines: [10 + Number(seq), 10 + Number(seq)],
    warnings: [],
    ...extra,
  });
  return {
    title: '示例县“十四五”卫生健康发展规划',
    region: { code: '320612', name: '南通市通州区' },
    period: { start: 2021, end: 2025 },
    issuedOn: '2022-11-22',
    indicators: [
      row('1', '人均预期寿命', {
        indicatorId: 'life-expectancy',
        unmappedReason: null,
        unit: '岁',
        baseline: { text: '83.19', value: 83.19, year: 2020 },
        target: { text: '≥83.5', kind: 'bound', op: '>=', value: 83.5, percent: false },
      }),
      row('2', '婴儿死亡率', {
        marks: ['#'],
        unit: '‰',
        target: { text: '<3', kind: 'bound', op: '<', value: 3, percent: false },
        nature: 'binding',
      }),
    ],
    reviewIndicators: [
      row('1', '人均预期寿命', {
        target: { text: '≥ 80', kind: 'bound', op: '>=', value: 80, percent: false },
      }),
    ],
    tableNotes: ['注：标#者为省、市规划指标'],
    outline: [{ level: 1, number: '一', heading: '规划背景', lines: [5, 40] }],
    tasks: [
      { number: '（一）', heading: '完善公共卫生体系', chapter: '主要任务', lines: [50, 60], items: [] },
    ],
    projects: [
      { number: '专栏1', heading: '公共卫生工程', chapter: null, lines: [61, 70], items: ['疾控能力提升'] },
    ],
    warnings: [],
    source: { fileName: 'sample.txt', encoding: 'utf-8', sha256: 'abc', lineCount: 100 },
    ...overrides,
  };
}
