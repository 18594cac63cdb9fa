/**
 * A plan's rows with their actuals and assessment in one year: what the assessment API, the CLI and the
 * reports show. The assessment itself is the pure core (src/domain/plan/assessment.ts); this gathers its inputs.
 *
 * Baseline: the row's printed baseline; else, when the plan prints the previous plan's review table (通州 表1),
 * that table's result of the same indicator for the year before the period; else none (the assessment then
 * starts the path at a data value of that year, if there is one).
 */
import { getIndicator } from '../domain/catalog/index.js';
import { WeijianError } from '../domain/errors.js';
import {
  assessRow,
  baselineOf,
  STATUSES,
  type AssessmentStatus,
  type RowAssessment,
} from '../domain/plan/assessment.js';
import type { Bilingual } from '../domain/plan/projection.js';
import type { PlanIndicatorRow } from '../domain/plan/types.js';
import type { Db } from '../store/db.js';
import { getPlan, type StoredPlan } from '../store/plan-repository.js';
import { ACTUALS_RULE, isComputable, selectActuals, type YearActual } from './actuals.js';
import { loadComputed, loadManual } from './actuals-store.js';
import { regionKey, rowKey } from './row-key.js';

/** Object types rather than interfaces: the API's loose response schemas need their implicit index signature. */
export type MonitoredRow = {
  /** Index in the plan's main table. */
  position: number;
  domain: string | null;
  seq: string | null;
  marks: string[];
  name: string;
  unit: string | null;
  indicatorId: string | null;
  rowKey: string;
  computable: boolean;
  baseline: { year: number; value: number; text: string; source: 'printed' | 'review-table' } | null;
  /** Every year with a candidate value, up to the period's end. */
  actuals: YearActual[];
  assessment: RowAssessment;
};

export type PlanMonitoring = {
  plan: {
    id: number;
    title: string;
    region: { code: string | null; name: string };
    period: { start: number; end: number };
  };
  year: number;
  rule: Bilingual;
  /** In plan order. */
  rows: MonitoredRow[];
  counts: Record<AssessmentStatus, number>;
  binding: { total: number; offTrack: number };
  /** Positions of binding rows off track. */
  singledOut: number[];
};

export async function loadPlan(db: Db, planId: number): Promise<StoredPlan> {
  const plan = await getPlan(db, planId);
  if (!plan) throw new WeijianError('plan.not-found', `no plan with id ${planId}`, {}, 404);
  return plan;
}

/** Actuals of each main-table row, by position. */
export async function loadPlanActuals(db: Db, plan: StoredPlan): Promise<Map<number, YearActual[]>> {
  const ids = [...new Set(plan.indicators.flatMap((r) => (r.indicatorId ? [r.indicatorId] : [])))];
  const computed = plan.region.code ? await loadComputed(db, plan.region.code, ids) : new Map();
  const manual = await loadManual(db, regionKey(plan), [...new Set(plan.indicators.map(rowKey))]);
  return new Map(
    plan.indicators.map((row, position) => [
      position,
      selectActuals(
        isComputable(row.indicatorId),
        (row.indicatorId && computed.get(row.indicatorId)) || [],
        manual.get(rowKey(row)) ?? [],
      ).filter((a) => a.year <= plan.period.end),
    ]),
  );
}

export async function monitorPlan(db: Db, planId: number, year: number): Promise<PlanMonitoring> {
  const plan = await loadPlan(db, planId);
  const actuals = await loadPlanActuals(db, plan);
  const rows = plan.indicators.map((row, position): MonitoredRow => {
    const yearActuals = actuals.get(position) ?? [];
    const baseline = baselineFor(plan, row);
    const assessment = assessRow({
      row,
      direction: row.indicatorId ? (getIndicator(row.indicatorId)?.direction ?? null) : null,
      baseline: baseline && { year: baseline.year, value: baseline.value },
      actuals: yearActuals.flatMap((a) =>
        a.chosen ? [{ year: a.year, value: a.chosen.value, source: a.chosen.source }] : [],
      ),
      year,
      period: plan.period,
    });
    return {
      position,
      domain: row.domain,
      seq: row.seq,
      marks: row.marks,
      name: row.name,
      unit: row.unit,
      indicatorId: row.indicatorId,
      rowKey: rowKey(row),
      computable: isComputable(row.indicatorId),
      baseline,
      actuals: yearActuals,
      assessment,
    };
  });
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<AssessmentStatus, number>;
  for (const r of rows) counts[r.assessment.status]++;
  const singledOut = rows.filter((r) => r.assessment.singledOut).map((r) => r.position);
  return {
    plan: { id: plan.id, title: plan.title, region: plan.region, period: plan.period },
    year,
    rule: ACTUALS_RULE,
    rows,
    counts,
    binding: { total: rows.filter((r) => r.assessment.binding).length, offTrack: singledOut.length },
    singledOut,
  };
}

function baselineFor(plan: StoredPlan, row: PlanIndicatorRow): MonitoredRow['baseline'] {
  const baseYear = plan.period.start - 1;
  const printed = baselineOf(row, baseYear);
  if (printed) return { ...printed, text: row.baseline!.text, source: 'printed' };
  const review = row.indicatorId && plan.reviewIndicators.find((r) => r.indicatorId === row.indicatorId);
  if (!review || !review.baseline || (review.baseline.year ?? baseYear) !== baseYear) return null;
  // Read as this row's target reads it (a ratio as right per one left).
  const value = baselineOf({ ...review, target: row.target }, baseYear);
  return value && { ...value, text: review.baseline.text, source: 'review-table' };
}
