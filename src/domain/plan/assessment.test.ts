import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getIndicator } from '../catalog/index.js';
import { assessPlan, assessRow, baselineOf, type AssessRowInput, type Observation } from './assessment.js';
import { parseTarget } from './target.js';
import type { ParsedPlan, PlanIndicatorRow } from './types.js';

const period = { start: 2021, end: 2025 };

function plan(name: string): ParsedPlan {
  return JSON.parse(readFileSync(new URL(`../../../samples/plans/${name}.json`, import.meta.url), 'utf8'));
}

function row(planName: string, name: string): PlanIndicatorRow {
  const r = plan(planName).indicators.find((x) => x.name === name);
  if (!r) throw new Error(`${planName}: no row ${name}`);
  return r;
}

/** A row of a sample plan with its catalog direction and printed baseline; the rest from `over`. */
function input(
  planName: string,
  name: string,
  actuals: [number, number][],
  over: Partial<AssessRowInput> = {},
): AssessRowInput {
  const r = row(planName, name);
  return {
    row: r,
    direction: r.indicatorId ? (getIndicator(r.indicatorId)?.direction ?? null) : null,
    baseline: baselineOf(r, 2020),
    actuals: actuals.map(([year, value]): Observation => ({ year, value, source: 'test' })),
    year: 2022,
    period,
    ...over,
  };
}

const made = (text: string, nature: PlanIndicatorRow['nature'] = 'expected'): PlanIndicatorRow => ({
  ...row('tongzhou', '居民健康素养水平'),
  name: `made: ${text}`,
  target: parseTarget(text),
  nature,
});

describe('assessRow', () => {
  it('通州 每千人口公共卫生人员数 +50% over 2020: base from data, path, gap, 3-point projection', () => {
    const a = assessRow(
      input(
        'tongzhou',
        '每千人口公共卫生人员数',
        [
          [2021, 0.9],
          [2022, 1.0],
        ],
        { baseValues: { 2020: 0.8 } },
      ),
    );
    // Goal 0.8 × 1.5 = 1.2; the plan prints no baseline, so the path starts at the 2020 data value.
    expect(a.goal?.value).toBeCloseTo(1.2, 12);
    expect(a.goal?.base).toEqual({ year: 2020, value: 0.8, source: 'data', printed: null });
    expect(a.pathStart).toEqual({ year: 2020, value: 0.8, source: 'data' });
    // 0.8 + 0.4 × (y − 2020) / 5
    expect(a.expectedPath.map((p) => p.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    [0.88, 0.96, 1.04, 1.12, 1.2].forEach((v, i) => expect(a.expectedPath[i]!.value).toBeCloseTo(v, 12));
    expect(a.actual).toEqual({ year: 2022, value: 1.0, source: 'test' });
    expect(a.expected).toBeCloseTo(0.96, 12);
    expect(a.gap).toBeCloseTo(0.04, 12);
    // Points 2020 0.8, 2021 0.9, 2022 1.0 → slope 0.1 → 2025: 1.3.
    expect(a.projection).toMatchObject({ points: 3, method: 'least-squares' });
    expect(a.projection.value).toBeCloseTo(1.3, 12);
    expect(a.projectionMeets).toBe(true);
    expect(a.status).toBe('on-track');
    expect(a.better).toBe('higher');
    expect(a.reason.zh).toBe(
      '2022年实际值 1，未达到目标（较2020年提高50% → ≥ 1.2（2020年基数 0.8，取自数据））' +
        '，期望路径 0.96，差距 +0.04；按3个数据点的线性趋势，2025年预计 1.3，可达到目标',
    );
    expect(a.reason.en).toBe(
      '2022 actual 1 does not meet the target (increase 50% over 2020 → ≥ 1.2 (2020 base 0.8, from data))' +
        ', expected 0.96 on the path, gap +0.04; the least-squares trend over 3 points projects 1.3 for 2025, which meets the target',
    );
    expect(a.binding).toBe(false);
  });

  it('the same relative target without any base value is not assessable', () => {
    const a = assessRow(input('tongzhou', '每千人口公共卫生人员数', [[2022, 1.0]]));
    expect(a.status).toBe('not-assessable');
    expect(a.noGoal).toBe('no-base-value');
    expect(a.reason.en).toMatch(/base-year value is missing/);
  });

  it('江阴 出生人口性别比 103–107 from 104: 108 is 1 outside the range, within 2% of the flat path → at risk', () => {
    const a = assessRow(
      input('jiangyin', '出生人口性别比', [
        [2021, 106],
        [2022, 108],
      ]),
    );
    expect(a.better).toBeNull(); // direction 'range': two-sided
    expect(a.pathStart).toEqual({ year: 2020, value: 104, source: 'baseline' });
    expect(a.pathEnd).toBe(104); // the baseline is inside the range: keep it there
    expect(a.expectedPath.every((p) => p.value === 104)).toBe(true);
    // gap = distance(104, range) − distance(108, range) = 0 − 1; band = max(0.5 × 0, 2% × 104) = 2.08.
    expect(a.gap).toBe(-1);
    expect(a.band).toBeCloseTo(2.08, 12);
    // 104, 106, 108 → slope 2 → 2025: 114, outside the range.
    expect(a.projection.value).toBeCloseTo(114, 9);
    expect(a.projectionMeets).toBe(false);
    expect(a.status).toBe('at-risk');

    const inside = assessRow(input('jiangyin', '出生人口性别比', [[2022, 105]]));
    expect(inside.status).toBe('achieved');
    const final = assessRow(input('jiangyin', '出生人口性别比', [[2025, 108]], { year: 2025 }));
    expect(final).toMatchObject({ stage: 'final', status: 'off-track' });
  });

  it('a range from outside: the path ends at the nearer edge', () => {
    const a = assessRow(
      input('jiangyin', '出生人口性别比', [[2022, 109]], { baseline: { year: 2020, value: 110 } }),
    );
    expect(a.pathEnd).toBe(107);
    // 2022: 110 − 3 × 2/5 = 108.8 (1.8 outside); actual 109 is 2 outside → gap −0.2.
    expect(a.expected).toBeCloseTo(108.8, 12);
    expect(a.gap).toBeCloseTo(-0.2, 12);
  });

  it('泗阳 人均预期寿命 80左右 (±1), higher is better: 79.3 is achieved within the tolerance', () => {
    const a = assessRow(
      input('siyang', '人均预期寿命', [
        [2021, 79.0],
        [2022, 79.3],
      ]),
    );
    expect(a.goal?.accept).toEqual({ min: 79, max: Infinity });
    expect(a.status).toBe('achieved');
    expect(a.reason.zh).toBe('2022年实际值 79.3，已达到目标（≥ 79（80 ± 1））');

    // From 78.5 in 2020 (data), aimed at 80: 2022 path 78.5 + 1.5 × 2/5 = 79.1; 78.9 is 0.2 behind, but the
    // trend (0.2 a year → 79.5 in 2025) meets 80左右 within the tolerance: on track.
    const b = assessRow(
      input('siyang', '人均预期寿命', [
        [2020, 78.5],
        [2022, 78.9],
      ]),
    );
    expect(b.pathStart).toEqual({ year: 2020, value: 78.5, source: 'data' });
    expect(b.pathEnd).toBe(80);
    expect(b.expected).toBeCloseTo(79.1, 12);
    expect(b.gap).toBeCloseTo(-0.2, 12);
    expect(b.projection).toMatchObject({ points: 2 });
    expect(b.projection.value).toBeCloseTo(79.5, 9);
    expect(b.status).toBe('on-track');
  });

  it('通州 婴儿死亡率 ≤ 4, lower is better: 4.6 trending down', () => {
    const base = { baseline: { year: 2020, value: 5.0 } };
    // Path 5.0 → 4.0: 2022 = 4.6. Actual 4.6 is on it; 5.0, 4.8, 4.6 → 2025: 4.0 meets ≤ 4.
    const onPath = assessRow(
      input(
        'tongzhou',
        '婴儿死亡率',
        [
          [2021, 4.8],
          [2022, 4.6],
        ],
        base,
      ),
    );
    expect(onPath.better).toBe('lower');
    expect(onPath.expected).toBeCloseTo(4.6, 12);
    expect(onPath.gap).toBeCloseTo(0, 12);
    expect(onPath.projection.value).toBeCloseTo(4.0, 9);
    expect(onPath.status).toBe('on-track');

    // 5.0, 4.9, 4.75: gap 4.6 − 4.75 = −0.15; band max(0.5 × 0.4, 2% × 4.6) = 0.2 → at risk.
    // Trend: x̄ 2021, ȳ 14.65 / 3 = 4.8833; Sxy = (−1)(0.1167) + (1)(−0.1333) = −0.25, Sxx = 2 → slope −0.125
    // → 2025: 4.8833 − 0.125 × 4 = 4.3833, misses ≤ 4.
    const behind = assessRow(
      input(
        'tongzhou',
        '婴儿死亡率',
        [
          [2021, 4.9],
          [2022, 4.75],
        ],
        base,
      ),
    );
    expect(behind.gap).toBeCloseTo(-0.15, 12);
    expect(behind.band).toBeCloseTo(0.2, 12);
    expect(behind.projection.value).toBeCloseTo(4.3833333333, 9);
    expect(behind.status).toBe('at-risk');

    // Flat at 5.0: gap −0.4 beyond the band 0.2 → off track (not binding: not singled out).
    const flat = assessRow(
      input(
        'tongzhou',
        '婴儿死亡率',
        [
          [2021, 5.0],
          [2022, 5.0],
        ],
        base,
      ),
    );
    expect(flat.gap).toBeCloseTo(-0.4, 12);
    expect(flat).toMatchObject({ status: 'off-track', binding: false, singledOut: false });
  });

  it('江阴 每万人口全科医生数 = 4.5 (binding), 3.71 → 3.72: off track and singled out', () => {
    const a = assessRow(
      input('jiangyin', '毎万人口全科医生数', [
        [2021, 3.7],
        [2022, 3.72],
      ]),
    );
    // Higher is better: 4.5 is a floor. Path 2022: 3.71 + 0.79 × 2/5 = 4.026; gap 3.72 − 4.026 = −0.306;
    // band max(0.5 × 0.316, 2% × 4.026) = 0.158. Trend 3.71, 3.70, 3.72: slope 0.005 → 2025: 3.73.
    expect(a.goal?.accept).toEqual({ min: 4.5, max: Infinity });
    expect(a.expected).toBeCloseTo(4.026, 12);
    expect(a.gap).toBeCloseTo(-0.306, 12);
    expect(a.band).toBeCloseTo(0.158, 12);
    expect(a.projection.value).toBeCloseTo(3.73, 9);
    expect(a).toMatchObject({ status: 'off-track', binding: true, singledOut: true });
    expect(a.reason.en).toMatch(/behind the path by more than the band 0\.158$/);
  });

  it('no actual up to the assessment year: no data', () => {
    const a = assessRow(input('jiangyin', '婴儿死亡率', [[2023, 2.5]]));
    expect(a.status).toBe('no-data');
    expect(a.actual).toBeNull();
    expect(a.reason).toEqual({ zh: '截至2022年无实际值', en: 'no actual value up to 2022' });
    expect(a.expectedPath).toHaveLength(5); // the path is still there
  });

  it('qualitative, not set and proportional targets are not assessable, data or not', () => {
    const q = assessRow({ ...input('tongzhou', '居民健康素养水平', [[2022, 30]]), row: made('持续提高') });
    expect(q).toMatchObject({ status: 'not-assessable', noGoal: 'qualitative', goal: null, gap: null });
    expect(q.reason.zh).toBe('定性目标，无法用数值评估');
    expect(q.projection.points).toBe(1); // still told
    expect(assessRow(input('baotou', '婴儿死亡率', [[2022, 3]])).noGoal).toBe('not-set');
    expect(assessRow(input('tongzhou', '健康预期寿命', [[2022, 70]])).noGoal).toBe('proportional');
  });

  it('a benchmark target is assessed only with the benchmark value', () => {
    const name = '基层医疗机构卫生技术人员占比';
    expect(assessRow(input('tongzhou', name, [[2022, 72]])).status).toBe('not-assessable');
    const a = assessRow(input('tongzhou', name, [[2022, 72]], { benchmarkValue: 70 }));
    expect(a.status).toBe('achieved');
    expect(a.target.description.zh).toBe('≥ 全省平均水平（70）');
  });

  it('包头 医护比 1:1.20 as nurses per physician: 1.1 is short of 1.2 but ahead of the path', () => {
    const a = assessRow(
      input(
        'baotou',
        '医护比',
        [
          [2021, 1.02],
          [2022, 1.1],
        ],
        { baseline: { year: 2020, value: 1.0 } },
      ),
    );
    // Path 1.0 → 1.2: 2022 = 1.08; gap +0.02. Trend 1.0, 1.02, 1.1: ȳ 1.04, slope 0.05 → 2025: 1.24.
    expect(a.goal?.value).toBeCloseTo(1.2, 12);
    expect(a.expected).toBeCloseTo(1.08, 12);
    expect(a.gap).toBeCloseTo(0.02, 12);
    expect(a.projection.value).toBeCloseTo(1.24, 9);
    expect(a.status).toBe('on-track');
    expect(assessRow(input('baotou', '医护比', [[2022, 1.25]])).status).toBe('achieved');
  });

  it('蓟州 医护比 baseline `1.34：1` (physicians : nurses) is read as 1 / 1.34 nurses per physician', () => {
    const r = row('jizhou', '医护比');
    expect(baselineOf(r, 2020)!.value).toBeCloseTo(1 / 1.34, 12);
    const a = assessRow(input('jizhou', '医护比', [[2022, 0.9]]));
    // Target 1:1 → 1. Path 0.746 → 1: 2022 = 0.7463 + 0.2537 × 2/5 = 0.8478; gap 0.9 − 0.8478 = +0.0522.
    expect(a.expected).toBeCloseTo(1 / 1.34 + ((1 - 1 / 1.34) * 2) / 5, 12);
    expect(a.gap).toBeCloseTo(0.9 - (1 / 1.34 + ((1 - 1 / 1.34) * 2) / 5), 12);
    expect(a.status).toBe('on-track');
  });

  it('包头 基层卫生机构建设达标率 100% with higher-is-better: 100 achieved, 98 on track, 99.5 at the end off track', () => {
    const name = '基层卫生机构建设达标率';
    const base = { baseline: { year: 2020, value: 90 } };
    expect(assessRow(input('baotou', name, [[2022, 100]], base)).status).toBe('achieved');
    // Path 90 → 100: 2022 = 94; 98 is 4 ahead.
    const a = assessRow(input('baotou', name, [[2022, 98]], base));
    expect(a.expected).toBe(94);
    expect(a.gap).toBe(4);
    expect(a.status).toBe('on-track');
    expect(a.target.description.en).toBe('≥ 100 (= 100%)');
    const end = assessRow(input('baotou', name, [[2025, 99.5]], { ...base, year: 2025 }));
    expect(end).toMatchObject({ stage: 'final', status: 'off-track' });
    expect(end.reason.en).toBe(
      '2025 actual 99.5 does not meet the target (≥ 100 (= 100%)) (final evaluation)',
    );
    expect(assessRow(input('baotou', name, [[2025, 100]], { ...base, year: 2025 })).status).toBe('achieved');
  });

  it('a points target: base + 5 percentage points, base from the baseline or from data', () => {
    const r = made('提高5个百分点');
    const mk = (over: Partial<AssessRowInput>) =>
      assessRow({
        ...input('tongzhou', '居民健康素养水平', [
          [2021, 61],
          [2022, 62],
        ]),
        row: r,
        baseline: { year: 2020, value: 60 },
        ...over,
      });
    const a = mk({});
    // 60 + 5 = 65; path 2022 = 62 → gap 0; trend 60, 61, 62 → 65 in 2025 meets.
    expect(a.goal?.base).toEqual({ year: 2020, value: 60, source: 'baseline', printed: null });
    expect(a.goal?.value).toBe(65);
    expect(a.gap).toBe(0);
    expect(a.projection.value).toBeCloseTo(65, 9);
    expect(a.status).toBe('on-track');
    expect(a.notes.map((n) => n.en)).toContain('no data for the 2020 base; the baseline 60 is used');
    // A 2020 value from data (59) is preferred over the printed baseline: goal 64.
    const b = mk({ baseValues: { 2020: 59 } });
    expect(b.goal?.base).toEqual({ year: 2020, value: 59, source: 'data', printed: null });
    expect(b.goal?.value).toBe(64);
  });

  it('蓟州 重大慢性病早死率 较2015年降低20%: base 2015 from data, path from 2020 data, 2015 left out of the trend', () => {
    const a = assessRow(
      input(
        'jizhou',
        '重大慢性病早死率',
        [
          [2015, 15],
          [2020, 13],
          [2021, 12.8],
          [2022, 12.4],
        ],
        {},
      ),
    );
    expect(a.goal?.base).toEqual({ year: 2015, value: 15, source: 'data', printed: null });
    expect(a.goal?.value).toBe(12); // 15 × 0.8
    expect(a.pathStart).toEqual({ year: 2020, value: 13, source: 'data' });
    // 2022: 13 − 1 × 2/5 = 12.6; lower is better → gap 12.6 − 12.4 = +0.2.
    expect(a.expected).toBeCloseTo(12.6, 12);
    expect(a.gap).toBeCloseTo(0.2, 12);
    // 13, 12.8, 12.4: ȳ 12.7333, Sxy = −0.6, slope −0.3 → 2025: 12.7333 − 1.2 = 11.5333; 3 points, not 4.
    expect(a.projection.points).toBe(3);
    expect(a.projection.value).toBeCloseTo(11.5333333333, 9);
    expect(a.status).toBe('on-track');
  });

  it('a stale actual is compared with the path in its own year', () => {
    const a = assessRow(input('jiangyin', '毎万人口全科医生数', [[2022, 4.1]], { year: 2023 }));
    expect(a.actual?.year).toBe(2022);
    expect(a.expected).toBeCloseTo(4.026, 12); // not the 2023 path value 4.184
    expect(a.gap).toBeCloseTo(0.074, 12);
    expect(a.notes.map((n) => n.en)).toContain('no 2023 value yet; the 2022 actual is used');
  });

  it('without a baseline: the trend alone decides; one value alone is at risk', () => {
    const name = '儿童青少年总体近视率'; // ≤ 55, binding, no baseline printed
    const down = assessRow(
      input('tongzhou', name, [
        [2021, 60],
        [2022, 58],
      ]),
    );
    expect(down.expectedPath).toEqual([]);
    expect(down.projection.value).toBeCloseTo(52, 9); // −2 a year
    expect(down.status).toBe('on-track');
    const up = assessRow(
      input('tongzhou', name, [
        [2021, 57],
        [2022, 58],
      ]),
    );
    expect(up.projection.value).toBeCloseTo(61, 9);
    expect(up).toMatchObject({ status: 'off-track', singledOut: true });
    const one = assessRow(input('tongzhou', name, [[2022, 58]]));
    expect(one.projection.method).toBe('none');
    expect(one).toMatchObject({ status: 'at-risk', singledOut: false });
    expect(one.reason.en).toMatch(
      /one point: no trend can be fitted; neither a path nor a trend to judge by$/,
    );
  });

  it('a ceiling on an indicator that improves upwards: the target orients the gap, with a note', () => {
    const a = assessRow(
      input('baotou', '每千人口医疗机构床位数', [[2022, 6]], { baseline: { year: 2020, value: 6.2 } }),
    );
    expect(a.better).toBe('lower');
    expect(a.status).toBe('achieved');
    expect(a.notes[0]?.en).toBe(
      'the target is a ceiling for an indicator whose direction is higher; the gap follows the target',
    );
  });
});

describe('assessPlan', () => {
  it('counts by status and puts binding rows off track first', () => {
    const inputs = [
      input('jiangyin', '人均预期寿命', [[2022, 82.9]]),
      input('jiangyin', '出生人口性别比', [[2022, 105]]),
      input('jiangyin', '艾滋病全人群感染率', [[2022, 40]]),
      input('jiangyin', '肺结核报告发病率', []),
      input('jiangyin', '毎万人口全科医生数', [
        [2021, 3.7],
        [2022, 3.72],
      ]),
      input('jiangyin', '国家卫生镇覆盖率', [[2022, 92.8]]),
    ];
    const p = assessPlan(inputs);
    // 人均预期寿命 83 from 82.4: path 2022 = 82.64, 82.9 ahead → on track. 国家卫生镇覆盖率 100 from 92.8: path 2022
    // = 95.68, 92.8 is 2.88 behind; band max(0.5 × 2.88, 2% × 95.68) = 1.9136 → off track; binding.
    expect(p.rows.map((r) => [r.name, r.status])).toEqual([
      ['毎万人口全科医生数', 'off-track'],
      ['国家卫生镇覆盖率', 'off-track'],
      ['人均预期寿命', 'on-track'],
      ['出生人口性别比', 'achieved'],
      ['艾滋病全人群感染率', 'not-assessable'],
      ['肺结核报告发病率', 'no-data'],
    ]);
    expect(p.counts).toEqual({
      achieved: 1,
      'on-track': 1,
      'at-risk': 0,
      'off-track': 2,
      'no-data': 1,
      'not-assessable': 1,
    });
    expect(p.singledOut).toBe(2);
    expect(p.binding).toEqual({ total: 2, offTrack: 2 });
  });
});
