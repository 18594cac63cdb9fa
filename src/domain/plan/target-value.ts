/**
 * The numeric goal a parsed target implies: which values meet it, which value the plan aims at, and — for targets
 * relative to a base year — which base value it was computed from. Pure: no I/O, never throws.
 *
 * - bound `≥ X` / `> X` → [X, ∞), `≤ X` / `< X` → (−∞, X]. Whether the edge itself meets a strict bound is
 *   `meetsTarget`'s business; intervals here always include their edges.
 * - exact `X` → X; approx `X左右` → X ± tolerance. With a direction (`better`) they are one-sided, as in
 *   `meetsTarget`: life expectancy `80左右` is met by ≥ 79 and aimed at ≥ 80.
 * - range `A-B` → [A, B].
 * - ratio `1:1.20` → right / left (1.2 nurses per physician), at least that unless `better` is `lower`.
 * - relative `增长50%` → base × (1 ± 50/100); points `提高5个百分点` → base ± 5. The base year is the one printed,
 *   else the plan's baseline year, else `defaultBaseYear` (the year before the plan period). The base value is
 *   taken from data for that year (`baseValues`), else from the baseline when it is of that year, else the value
 *   printed in the cell (`比2015年（12.93）`): `base.source` says which, `base.printed` keeps the printed one.
 * - benchmark `达到全省平均水平` → the benchmark's value when supplied, on the side its comparison names.
 * - proportional, notSet and qualitative targets imply no value.
 */
import { describeTarget } from './target.js';
import type { Bilingual } from './projection.js';
import type { Target } from './types.js';

export interface Interval {
  /** −Infinity when open below. */
  min: number;
  /** Infinity when open above. */
  max: number;
}

export interface GoalBase {
  year: number;
  value: number;
  /** `data`: a value the caller took from records or statistics; `baseline`: the plan's baseline column; `printed`: the target cell. */
  source: 'data' | 'baseline' | 'printed';
  /** The base value printed in the target cell, if any (shown beside a data value that differs). */
  printed: number | null;
}

export interface TargetGoal {
  /** The value the target names or implies; null for a range. */
  value: number | null;
  /** Tolerance of an approximate target; 0 otherwise. */
  tolerance: number;
  /** Values that meet the target (edges included). */
  accept: Interval;
  /** Values the plan aims at: `accept` without the tolerance of `左右`. The expected path ends in it. */
  aim: Interval;
  /** For relative and points targets: the base the value was computed from. */
  base: GoalBase | null;
  /** For benchmark targets: the benchmark value used. */
  benchmark: number | null;
}

/** Why a target implies no value. */
export type NoGoalReason =
  'qualitative' | 'not-set' | 'proportional' | 'no-benchmark-value' | 'no-base-value';

export type GoalResult = { goal: TargetGoal; reason: null } | { goal: null; reason: NoGoalReason };

export interface GoalContext {
  /** Which way the indicator improves: makes exact, approximate and ratio targets one-sided. */
  better?: 'higher' | 'lower' | null;
  /** Values from data by year (2015, 2020…), for the base of relative and points targets. */
  baseValues?: Readonly<Record<number, number>>;
  /** The plan's baseline: the base when it is of the base year, and the base year when the target names none. */
  baseline?: { year: number; value: number } | null;
  /** Base year when neither the target nor the baseline names one (the year before the plan period). */
  defaultBaseYear?: number | null;
  benchmarkValue?: number | null;
}

const ALL: Interval = { min: -Infinity, max: Infinity };

export function targetGoal(target: Target, ctx: GoalContext = {}): GoalResult {
  const ok = (goal: Partial<TargetGoal> & Pick<TargetGoal, 'accept'>): GoalResult => ({
    goal: { value: null, tolerance: 0, aim: goal.accept, base: null, benchmark: null, ...goal },
    reason: null,
  });
  switch (target.kind) {
    case 'bound':
      return ok({ value: target.value, accept: side(target.op === '>=' || target.op === '>', target.value) });
    case 'exact':
    case 'approx': {
      const v = target.value;
      const tol = target.kind === 'approx' ? target.tolerance : 0;
      if (ctx.better === 'higher')
        return ok({ value: v, tolerance: tol, accept: side(true, v - tol), aim: side(true, v) });
      if (ctx.better === 'lower')
        return ok({ value: v, tolerance: tol, accept: side(false, v + tol), aim: side(false, v) });
      return ok({
        value: v,
        tolerance: tol,
        accept: { min: v - tol, max: v + tol },
        aim: { min: v, max: v },
      });
    }
    case 'range':
      return ok({ accept: { min: target.min, max: target.max } });
    case 'ratio': {
      const v = target.right / target.left;
      return ok({ value: v, accept: side(ctx.better !== 'lower', v) });
    }
    case 'relative':
    case 'points': {
      const base = resolveBase(target, ctx);
      if (!base) return { goal: null, reason: 'no-base-value' };
      const sign = target.direction === 'increase' ? 1 : -1;
      const value =
        target.kind === 'relative'
          ? base.value * (1 + (sign * target.percent) / 100)
          : base.value + sign * target.points;
      return ok({ value, accept: side(sign > 0, value), base });
    }
    case 'benchmark': {
      const b = ctx.benchmarkValue;
      if (b === null || b === undefined || !Number.isFinite(b))
        return { goal: null, reason: 'no-benchmark-value' };
      return ok({ value: b, accept: side(target.op === '>=' || target.op === '>', b), benchmark: b });
    }
    case 'proportional':
      return { goal: null, reason: 'proportional' };
    case 'notSet':
      return { goal: null, reason: 'not-set' };
    case 'qualitative':
      return { goal: null, reason: 'qualitative' };
  }
}

function side(atLeast: boolean, value: number): Interval {
  return atLeast ? { ...ALL, min: value } : { ...ALL, max: value };
}

function resolveBase(target: Target & { kind: 'relative' | 'points' }, ctx: GoalContext): GoalBase | null {
  const year = target.baseYear ?? ctx.baseline?.year ?? ctx.defaultBaseYear ?? null;
  const printed = target.baseValue;
  if (year === null) return null;
  const data = ctx.baseValues?.[year];
  if (data !== undefined && Number.isFinite(data)) return { year, value: data, source: 'data', printed };
  const baseline = ctx.baseline;
  if (baseline && baseline.year === year && Number.isFinite(baseline.value))
    return { year, value: baseline.value, source: 'baseline', printed };
  if (printed !== null) return { year, value: printed, source: 'printed', printed };
  return null;
}

/** The orientation an interval gives: open above → higher is better, open below → lower, closed → two-sided. */
export function goalOrientation(accept: Interval): 'higher' | 'lower' | null {
  if (accept.max === Infinity && accept.min !== -Infinity) return 'higher';
  if (accept.min === -Infinity && accept.max !== Infinity) return 'lower';
  return null;
}

/** Distance from a value to an interval; 0 inside. */
export function distanceTo(interval: Interval, value: number): number {
  if (value < interval.min) return interval.min - value;
  if (value > interval.max) return value - interval.max;
  return 0;
}

/** The point of an interval nearest to a value (the value itself when inside). */
export function clampTo(interval: Interval, value: number): number {
  return Math.min(interval.max, Math.max(interval.min, value));
}

/** Rounded for reading: at most 3 decimals, no `-0`. */
export function fmt(x: number): string {
  const r = Math.round(x * 1000) / 1000;
  return String(r === 0 ? 0 : r);
}

const BASE_SOURCE: Record<GoalBase['source'], Bilingual> = {
  data: { zh: '取自数据', en: 'from data' },
  baseline: { zh: '取自基期值', en: 'from the baseline' },
  printed: { zh: '取自规划所印基数', en: 'as printed in the plan' },
};

/**
 * The target as printed in meaning, with the value it implies where that was computed:
 * `较2020年提高50% → ≥ 1.2（基数 0.8，取自数据）`, `比例 1 : 1.2 → ≥ 1.2`, `≥ 全省平均水平（75）`.
 */
export function describeGoal(target: Target, goal: TargetGoal | null, lang: 'zh' | 'en'): string {
  const text = describeTarget(target, lang);
  if (!goal) return text;
  const zh = lang === 'zh';
  const bound = (i: Interval): string =>
    i.max === Infinity
      ? `≥ ${fmt(i.min)}`
      : i.min === -Infinity
        ? `≤ ${fmt(i.max)}`
        : i.min === i.max
          ? `= ${fmt(i.min)}`
          : `${fmt(i.min)}–${fmt(i.max)}`;
  switch (target.kind) {
    case 'relative':
    case 'points': {
      const base = goal.base!;
      const differs = base.printed !== null && base.source !== 'printed' && base.printed !== base.value;
      const printed = differs ? (zh ? `；规划所印 ${base.printed}` : `; printed ${base.printed}`) : '';
      const src = BASE_SOURCE[base.source][lang];
      return zh
        ? `${text} → ${bound(goal.accept)}（${base.year}年基数 ${fmt(base.value)}，${src}${printed}）`
        : `${text} → ${bound(goal.accept)} (${base.year} base ${fmt(base.value)}, ${src}${printed})`;
    }
    case 'ratio':
      return `${text} → ${bound(goal.accept)}`;
    case 'benchmark':
      return zh ? `${text}（${fmt(goal.benchmark!)}）` : `${text} (${fmt(goal.benchmark!)})`;
    case 'exact':
    case 'approx':
      // One-sided by the indicator's direction: say so, the printed `= 100` alone would mislead.
      if (goal.accept.min !== -Infinity && goal.accept.max !== Infinity) return text;
      return zh ? `${bound(goal.accept)}（${text}）` : `${bound(goal.accept)} (${text})`;
    default:
      return text;
  }
}
