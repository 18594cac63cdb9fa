/**
 * Assessment of a plan row in a year (年度监测 / 中期评估 / 总结评估): the expected path from baseline to target,
 * the actual, the gap, a projection to the end of the period, and a status with its reason. Pure: no I/O.
 *
 * The path. It starts at the baseline (the input's, else the data value of the year before the period) and ends,
 * in the period's last year, at the point of the target's aim nearest to the baseline (`clampTo`): `≥ 95` from 90
 * ends at 95; from 99.7 it stays at 99.7 (a target already met asks only that it stay met, and a path that fell
 * to the bound would call a decline "expected"); a range `103-107` from 104 stays at 104, from 110 ends at 107;
 * `80左右` aims at 80, not at the tolerance edge 79. In between it is linear by year. No start, no path.
 *
 * The actual is the latest value of a year ≤ the assessment year (one per year; the last given wins). It is
 * compared with the path *in its own year*, so a county whose 2023 figure is not yet in is not judged against the
 * 2023 path with a 2022 value.
 *
 * The gap is signed so that positive is better. When the target is one-sided (its acceptable values are open
 * above or below: bounds, relative and points targets, ratios, exact and approximate values with the indicator's
 * direction) gap = ±(actual − expected). When it is two-sided (a range, or an exact value without direction) gap =
 * distance(expected, target) − distance(actual, target): how much nearer the target the actual is than the path.
 * A one-sided target's own side wins over the catalog's direction (`≤ 6.6` beds caps an indicator that otherwise
 * improves upwards); `notes` then says so.
 *
 * The projection is the least-squares line (projection.ts) through the baseline and the actuals from the baseline
 * year to the assessment year (earlier actuals, e.g. a 2015 base, belong to the previous plan), to the period's
 * last year; an actual replaces the baseline in its year.
 *
 * Status, in this order:
 * - not-assessable: the target implies no value (qualitative, notSet, proportional, benchmark without its value,
 *   relative or points without a base value);
 * - no-data: no actual of a year ≤ the assessment year (the baseline is not an actual);
 * - achieved: the actual meets the target (`meetsTarget`, with the indicator's direction as `better`);
 * - final evaluation (assessment year ≥ period end): otherwise off-track — at the end only the result counts;
 * - on-track: the projection meets the target, or the actual is at or better than the path (gap ≥ 0);
 * - at-risk: behind the path by no more than the tolerance band: max(half the change the path expected from the
 *   baseline to the actual's year, 2% of the expected value) — a county that has made at least half the progress
 *   due, or is within 2% of the path, is warned rather than condemned; also at-risk when neither a path nor a
 *   projection exists (one value, not meeting the target: nothing shows it is off course);
 * - off-track: otherwise.
 * Binding (约束性) rows off track are `singledOut`.
 */
import type { Direction } from '../catalog/types.js';
import { projectTo, type Bilingual, type Projection, type TrendPoint } from './projection.js';
import { meetsTarget, parseTarget, type MeetsContext } from './target.js';
import {
  clampTo,
  describeGoal,
  distanceTo,
  fmt,
  goalOrientation,
  targetGoal,
  type NoGoalReason,
  type TargetGoal,
} from './target-value.js';
import type { Nature, PlanIndicatorRow, TargetKind } from './types.js';

export type AssessmentStatus =
  'achieved' | 'on-track' | 'at-risk' | 'off-track' | 'no-data' | 'not-assessable';

export const STATUSES: readonly AssessmentStatus[] = [
  'achieved',
  'on-track',
  'at-risk',
  'off-track',
  'no-data',
  'not-assessable',
];

export const STATUS_LABELS: Record<AssessmentStatus, Bilingual> = {
  achieved: { zh: '已达标', en: 'achieved' },
  'on-track': { zh: '符合进度', en: 'on track' },
  'at-risk': { zh: '存在风险', en: 'at risk' },
  'off-track': { zh: '进度滞后', en: 'off track' },
  'no-data': { zh: '暂无数据', en: 'no data' },
  'not-assessable': { zh: '无法量化评估', en: 'not assessable' },
};

/** Share of the progress due by then that may be missing before a row is off track rather than at risk. */
export const AT_RISK_PROGRESS_SHARE = 0.5;
/** Distance from the path, relative to the expected value, within which a row is at risk rather than off track. */
export const AT_RISK_RELATIVE_BAND = 0.02;

export interface Observation {
  year: number;
  value: number;
  source?: string;
}

export interface AssessRowInput {
  row: PlanIndicatorRow;
  /** The catalog indicator's direction; null for an unmapped row. */
  direction: Direction | null;
  /** The path's start, in the target's unit (see `baselineOf`). */
  baseline: { year: number; value: number } | null;
  actuals: readonly Observation[];
  /** The assessment year. */
  year: number;
  period: { start: number; end: number };
  /** Base-year values from data (2015, 2020…) for relative and points targets. */
  baseValues?: Readonly<Record<number, number>>;
  benchmarkValue?: number | null;
}

export interface RowAssessment {
  name: string;
  seq: string | null;
  indicatorId: string | null;
  nature: Nature | null;
  year: number;
  /** `final` when the assessment year is the period's end (or later): only achieved or off-track then. */
  stage: 'annual' | 'final';
  target: { text: string; kind: TargetKind; description: Bilingual };
  goal: TargetGoal | null;
  /** Why the target implies no value (status not-assessable). */
  noGoal: NoGoalReason | null;
  /** Which way the gap counts as better; null for a two-sided target. */
  better: 'higher' | 'lower' | null;
  pathStart: { year: number; value: number; source: 'baseline' | 'data' } | null;
  /** The path's value in the period's last year. */
  pathEnd: number | null;
  expectedPath: TrendPoint[];
  actual: Observation | null;
  /** The path's value in the actual's year. */
  expected: number | null;
  /** Positive = better than the path. */
  gap: number | null;
  /** How far behind the path still counts as at risk (null without a path). */
  band: number | null;
  projection: Projection;
  /** Whether the projected value meets the target. */
  projectionMeets: boolean | null;
  status: AssessmentStatus;
  reason: Bilingual;
  binding: boolean;
  singledOut: boolean;
  notes: Bilingual[];
}

/**
 * The baseline of a row as a path start, in the target's unit: a ratio printed `1.34：1` (physicians : nurses) is
 * read as 1 / 1.34 nurses per physician, as the ratio target is; otherwise the printed value. The year defaults to
 * `defaultYear` (the year before the period) when the cell names none.
 */
export function baselineOf(
  row: PlanIndicatorRow,
  defaultYear: number,
): { year: number; value: number } | null {
  const b = row.baseline;
  if (!b) return null;
  const year = b.year ?? defaultYear;
  const printed = parseTarget(b.text);
  if (row.target.kind === 'ratio' && printed.kind === 'ratio')
    return { year, value: printed.right / printed.left };
  return b.value === null ? null : { year, value: b.value };
}

export function assessRow(input: AssessRowInput): RowAssessment {
  const { row, period, year } = input;
  const end = period.end;
  const stage = year >= end ? 'final' : 'annual';
  const notes: Bilingual[] = [];
  const catalogBetter = input.direction === 'higher' || input.direction === 'lower' ? input.direction : null;

  // One value per year; the last given wins.
  const byYear = new Map<number, Observation>();
  for (const a of input.actuals)
    if (Number.isFinite(a.value) && Number.isFinite(a.year)) byYear.set(a.year, a);
  const dataValues: Record<number, number> = {};
  for (const [y, a] of byYear) dataValues[y] = a.value;
  Object.assign(dataValues, input.baseValues ?? {});

  const baseYear = period.start - 1;
  const baseYearValue = dataValues[baseYear];
  const pathStart =
    input.baseline && Number.isFinite(input.baseline.value)
      ? { year: input.baseline.year, value: input.baseline.value, source: 'baseline' as const }
      : baseYearValue !== undefined
        ? { year: baseYear, value: baseYearValue, source: 'data' as const }
        : null;

  const { goal, reason: noGoal } = targetGoal(row.target, {
    better: catalogBetter,
    baseValues: dataValues,
    baseline: input.baseline,
    defaultBaseYear: baseYear,
    benchmarkValue: input.benchmarkValue,
  });
  const better = goal ? goalOrientation(goal.accept) : null;
  if (better && catalogBetter && better !== catalogBetter)
    notes.push({
      zh: `目标方向（${better === 'higher' ? '不低于' : '不高于'}）与指标方向不同，差距按目标方向计`,
      en: `the target is ${better === 'higher' ? 'a floor' : 'a ceiling'} for an indicator whose direction is ${catalogBetter}; the gap follows the target`,
    });
  if (goal?.base && goal.base.source !== 'data')
    notes.push({
      zh: `${goal.base.year}年基数无数据，使用${goal.base.source === 'baseline' ? '基期值' : '规划所印基数'} ${fmt(goal.base.value)}`,
      en: `no data for the ${goal.base.year} base; the ${goal.base.source === 'baseline' ? 'baseline' : 'printed base'} ${fmt(goal.base.value)} is used`,
    });

  const pathEnd = goal && pathStart && pathStart.year < end ? clampTo(goal.aim, pathStart.value) : null;
  const expectedAt = (y: number): number | null => {
    if (pathEnd === null || !pathStart || y < pathStart.year) return null;
    if (y >= end) return pathEnd;
    return pathStart.value + ((pathEnd - pathStart.value) * (y - pathStart.year)) / (end - pathStart.year);
  };
  const expectedPath: TrendPoint[] = [];
  for (let y = period.start; y <= end; y++) {
    const v = expectedAt(y);
    if (v !== null) expectedPath.push({ year: y, value: v });
  }

  const seen = [...byYear.values()].filter((a) => a.year <= year).sort((a, b) => a.year - b.year);
  const actual = seen.at(-1) ?? null;

  // Trend points: the path start, then actuals from its year (or the base year) on, an actual replacing it.
  const from = pathStart?.year ?? baseYear;
  const points = new Map<number, number>();
  if (pathStart) points.set(pathStart.year, pathStart.value);
  for (const a of seen) if (a.year >= from) points.set(a.year, a.value);
  const projection = projectTo(
    [...points].map(([y, value]) => ({ year: y, value })),
    end,
  );

  const ctx: MeetsContext = {
    baseValue: goal?.base?.value ?? null,
    benchmarkValue: input.benchmarkValue,
    better: catalogBetter,
  };
  const projectionMeets =
    goal && projection.value !== null ? meetsTarget(row.target, projection.value, ctx) : null;

  const expected = actual ? expectedAt(actual.year) : null;
  let gap: number | null = null;
  let band: number | null = null;
  if (goal && actual && expected !== null && pathStart) {
    gap =
      better === 'higher'
        ? actual.value - expected
        : better === 'lower'
          ? expected - actual.value
          : distanceTo(goal.accept, expected) - distanceTo(goal.accept, actual.value);
    band = Math.max(
      AT_RISK_PROGRESS_SHARE * Math.abs(expected - pathStart.value),
      AT_RISK_RELATIVE_BAND * Math.abs(expected),
    );
  }
  if (actual && actual.year < year)
    notes.push({
      zh: `${year}年尚无数据，使用${actual.year}年的实际值`,
      en: `no ${year} value yet; the ${actual.year} actual is used`,
    });

  const base = {
    name: row.name,
    seq: row.seq,
    indicatorId: row.indicatorId,
    nature: row.nature,
    year,
    stage,
    target: {
      text: row.target.text,
      kind: row.target.kind,
      description: { zh: describeGoal(row.target, goal, 'zh'), en: describeGoal(row.target, goal, 'en') },
    },
    goal,
    noGoal,
    better,
    pathStart,
    pathEnd,
    expectedPath,
    actual,
    expected,
    gap,
    band,
    projection,
    projectionMeets,
    binding: row.nature === 'binding',
    notes,
  } satisfies Omit<RowAssessment, 'status' | 'reason' | 'singledOut'>;

  const { status, reason } = decide(base, row, ctx);
  return { ...base, status, reason, singledOut: base.binding && status === 'off-track' };
}

type Decided = { status: AssessmentStatus; reason: Bilingual };

const NO_GOAL: Record<NoGoalReason, Bilingual> = {
  qualitative: { zh: '定性目标，无法用数值评估', en: 'qualitative target: no value to assess against' },
  'not-set': { zh: '规划未设定目标值', en: 'the plan sets no target value' },
  proportional: {
    zh: '目标随另一指标同比例变化，仅凭本指标数值无法评估',
    en: 'the target follows another indicator proportionally: this value alone cannot be assessed',
  },
  'no-benchmark-value': {
    zh: '缺少对标水平（如全省平均）的数值',
    en: 'the benchmark (e.g. provincial average) value is missing',
  },
  'no-base-value': {
    zh: '缺少基期数值，无法计算相对目标',
    en: 'the base-year value is missing: the relative target cannot be computed',
  },
};

function decide(
  a: Omit<RowAssessment, 'status' | 'reason' | 'singledOut'>,
  row: PlanIndicatorRow,
  ctx: MeetsContext,
): Decided {
  if (!a.goal) return { status: 'not-assessable', reason: NO_GOAL[a.noGoal!] };
  if (!a.actual) {
    return {
      status: 'no-data',
      reason: { zh: `截至${a.year}年无实际值`, en: `no actual value up to ${a.year}` },
    };
  }
  const target = a.target.description;
  const act = {
    zh: `${a.actual.year}年实际值 ${fmt(a.actual.value)}`,
    en: `${a.actual.year} actual ${fmt(a.actual.value)}`,
  };
  if (meetsTarget(row.target, a.actual.value, ctx)) {
    return {
      status: 'achieved',
      reason: {
        zh: `${act.zh}，已达到目标（${target.zh}）`,
        en: `${act.en} meets the target (${target.en})`,
      },
    };
  }
  const path =
    a.expected !== null && a.gap !== null
      ? {
          zh: `，期望路径 ${fmt(a.expected)}，差距 ${signed(a.gap)}`,
          en: `, expected ${fmt(a.expected)} on the path, gap ${signed(a.gap)}`,
        }
      : a.pathStart
        ? { zh: `，${a.actual.year}年不在期望路径上`, en: `, no expected value for ${a.actual.year}` }
        : { zh: '，无期望路径（缺基期值）', en: ', no expected path (no baseline)' };
  const p = a.projection;
  const proj =
    p.value !== null
      ? {
          zh: `；按${p.points}个数据点的线性趋势，${p.year}年预计 ${fmt(p.value)}，${a.projectionMeets ? '可' : '不能'}达到目标`,
          en: `; the least-squares trend over ${p.points} points projects ${fmt(p.value)} for ${p.year}, which ${a.projectionMeets ? 'meets' : 'misses'} the target`,
        }
      : { zh: `；${p.note!.zh}`, en: `; ${p.note!.en}` };
  const missed = {
    zh: `${act.zh}，未达到目标（${target.zh}）`,
    en: `${act.en} does not meet the target (${target.en})`,
  };

  if (a.stage === 'final') {
    return {
      status: 'off-track',
      reason: { zh: `${missed.zh}（总结评估）`, en: `${missed.en} (final evaluation)` },
    };
  }
  const eps = 1e-9;
  const say = (status: AssessmentStatus, zh = '', en = ''): Decided => ({
    status,
    reason: { zh: `${missed.zh}${path.zh}${proj.zh}${zh}`, en: `${missed.en}${path.en}${proj.en}${en}` },
  });
  if (a.projectionMeets === true || (a.gap !== null && a.gap >= -eps)) return say('on-track');
  if (a.gap !== null && a.band !== null) {
    return -a.gap <= a.band + eps
      ? say(
          'at-risk',
          `；落后路径在容差 ${fmt(a.band)} 以内`,
          `; behind the path within the band ${fmt(a.band)}`,
        )
      : say(
          'off-track',
          `；落后路径超过容差 ${fmt(a.band)}`,
          `; behind the path by more than the band ${fmt(a.band)}`,
        );
  }
  if (p.value === null)
    return say('at-risk', '；既无路径也无趋势可判断', '; neither a path nor a trend to judge by');
  return say('off-track');
}

function signed(x: number): string {
  const s = fmt(x);
  return x > 0 && s !== '0' ? `+${s}` : s;
}

export interface PlanAssessment {
  /** Binding rows off track first (singled out), then the others, each group in plan order. */
  rows: RowAssessment[];
  counts: Record<AssessmentStatus, number>;
  singledOut: number;
  binding: { total: number; offTrack: number };
}

export function assessPlan(inputs: readonly AssessRowInput[]): PlanAssessment {
  const assessed = inputs.map(assessRow);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<AssessmentStatus, number>;
  for (const r of assessed) counts[r.status]++;
  const singled = assessed.filter((r) => r.singledOut);
  return {
    rows: [...singled, ...assessed.filter((r) => !r.singledOut)],
    counts,
    singledOut: singled.length,
    binding: { total: assessed.filter((r) => r.binding).length, offTrack: singled.length },
  };
}
