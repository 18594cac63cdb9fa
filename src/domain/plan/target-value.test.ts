import { describe, expect, it } from 'vitest';
import { meetsTarget, parseTarget } from './target.js';
import { describeGoal, targetGoal, type GoalContext, type TargetGoal } from './target-value.js';

const goalOf = (text: string, ctx: GoalContext = {}): TargetGoal => {
  const r = targetGoal(parseTarget(text), ctx);
  if (!r.goal) throw new Error(`no goal for ${text}: ${r.reason}`);
  return r.goal;
};
const I = Infinity;

describe('targetGoal', () => {
  it('reads bounds, exact, approximate values and ranges', () => {
    expect(goalOf('≤ 4')).toMatchObject({ value: 4, accept: { min: -I, max: 4 }, aim: { min: -I, max: 4 } });
    expect(goalOf('30以上').accept).toEqual({ min: 30, max: I });
    expect(goalOf('100%')).toMatchObject({ value: 100, accept: { min: 100, max: 100 } });
    expect(goalOf('100%', { better: 'higher' }).accept).toEqual({ min: 100, max: I });
    // 80左右 ±1: two-sided 79–81 without a direction; with higher-is-better met from 79 on, aimed at 80.
    expect(goalOf('80左右')).toMatchObject({ value: 80, tolerance: 1, accept: { min: 79, max: 81 } });
    expect(goalOf('80左右', { better: 'higher' })).toMatchObject({
      accept: { min: 79, max: I },
      aim: { min: 80, max: I },
    });
    expect(goalOf('24左右', { better: 'lower' }).accept).toEqual({ min: -I, max: 25 });
    expect(goalOf('103-107')).toMatchObject({ value: null, accept: { min: 103, max: 107 } });
  });

  it('reads a ratio as right per one left', () => {
    expect(goalOf('1:1.20')).toMatchObject({ value: 1.2, accept: { min: 1.2, max: I } });
    expect(goalOf('2:1', { better: 'lower' }).accept).toEqual({ min: -I, max: 0.5 });
  });

  it('takes the base of a relative target from data, else the baseline, else the printed value', () => {
    const t = '比2015年（12.93）降低10%';
    expect(goalOf(t, { baseValues: { 2015: 15 } })).toMatchObject({
      accept: { min: -I, max: 13.5 }, // 15 × 0.9
      base: { year: 2015, value: 15, source: 'data', printed: 12.93 },
    });
    const printed = goalOf(t);
    expect(printed.value).toBeCloseTo(11.637, 12); // 12.93 × 0.9
    expect(printed.base).toEqual({ year: 2015, value: 12.93, source: 'printed', printed: 12.93 });
    // 在2020年基础上增长50% with 0.8 for 2020 → 1.2.
    const tz = goalOf('在2020年基础上增长50%', { baseline: { year: 2020, value: 0.8 } });
    expect(tz.value).toBeCloseTo(1.2, 12);
    expect(tz.base?.source).toBe('baseline');
    // 减少15% names no year: the baseline's, else the default base year.
    expect(goalOf('减少15%', { baseValues: { 2020: 20 }, defaultBaseYear: 2020 }).value).toBeCloseTo(17, 12);
    expect(targetGoal(parseTarget('减少15%'), { baseValues: { 2020: 20 } })).toEqual({
      goal: null,
      reason: 'no-base-value',
    });
  });

  it('adds or subtracts percentage points', () => {
    expect(goalOf('提高5个百分点', { baseline: { year: 2020, value: 60 } })).toMatchObject({
      value: 65,
      accept: { min: 65, max: I },
    });
    expect(goalOf('降低2个百分点', { baseValues: { 2020: 30 }, defaultBaseYear: 2020 }).accept).toEqual({
      min: -I,
      max: 28,
    });
  });

  it('uses a benchmark value when supplied, and names why other targets imply none', () => {
    expect(goalOf('达到全省平均水平', { benchmarkValue: 70 })).toMatchObject({
      value: 70,
      benchmark: 70,
      accept: { min: 70, max: I },
    });
    const none = (text: string) => targetGoal(parseTarget(text)).reason;
    expect(none('达到全省平均水平')).toBe('no-benchmark-value');
    expect(none('同比例提高')).toBe('proportional');
    expect(none('——')).toBe('not-set');
    expect(none('持续提高')).toBe('qualitative');
    expect(none('在2020年基础上增长50%')).toBe('no-base-value');
  });

  it('agrees with meetsTarget at the edges of the accepted values', () => {
    const cases: [string, GoalContext, number][] = [
      ['≥ 95', {}, 95],
      ['80左右', { better: 'higher' }, 79],
      ['24左右', { better: 'lower' }, 25],
      ['103-107', {}, 107],
      ['1:1.20', {}, 1.2],
      ['在2020年基础上增长50%', { baseValues: { 2020: 0.8 } }, 1.2],
    ];
    for (const [text, ctx, edge] of cases) {
      const target = parseTarget(text);
      const goal = goalOf(text, ctx);
      const m = { better: ctx.better, baseValue: goal.base?.value };
      expect(meetsTarget(target, edge, m), text).toBe(true);
      const outside = goal.accept.max === I ? edge - 0.01 : edge + 0.01;
      expect(meetsTarget(target, outside, m), text).toBe(false);
    }
  });
});

describe('describeGoal', () => {
  it('shows the computed value and where the base came from', () => {
    const t = parseTarget('在2020年基础上增长50%');
    const g = goalOf('在2020年基础上增长50%', { baseValues: { 2020: 0.8 } });
    expect(describeGoal(t, g, 'zh')).toBe('较2020年提高50% → ≥ 1.2（2020年基数 0.8，取自数据）');
    expect(describeGoal(t, g, 'en')).toBe('increase 50% over 2020 → ≥ 1.2 (2020 base 0.8, from data)');
    const p = parseTarget('比2015年（12.93）降低10%');
    expect(describeGoal(p, goalOf(p.text, { baseValues: { 2015: 15 } }), 'en')).toBe(
      'decrease 10% from 2015 (12.93) → ≤ 13.5 (2015 base 15, from data; printed 12.93)',
    );
    expect(describeGoal(parseTarget('1:1.20'), goalOf('1:1.20'), 'zh')).toBe('比例 1 : 1.2 → ≥ 1.2');
    expect(describeGoal(parseTarget('80左右'), goalOf('80左右', { better: 'higher' }), 'zh')).toBe(
      '≥ 79（80 ± 1）',
    );
    expect(describeGoal(parseTarget('80左右'), goalOf('80左右'), 'en')).toBe('80 ± 1');
    expect(describeGoal(parseTarget('≤ 4'), goalOf('≤ 4'), 'en')).toBe('≤ 4');
    expect(describeGoal(parseTarget('持续提高'), null, 'en')).toBe('qualitative, increasing: 持续提高');
  });
});
