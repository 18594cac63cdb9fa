/**
 * One indicator across every loaded plan: each region's printed row, baseline, target (as printed and as
 * parsed), actuals by year and the latest one — how far apart counties set the same goal (health literacy: 36,
 * 36, 36.5, 31…).
 */
import { getIndicator } from '../domain/catalog/index.js';
import { WeijianError } from '../domain/errors.js';
import type { Bilingual } from '../domain/plan/projection.js';
import { describeTarget } from '../domain/plan/target.js';
import type { PrintedValue, Target } from '../domain/plan/types.js';
import type { Db } from '../store/db.js';
import { getPlan, listPlans } from '../store/plan-repository.js';
import { loadPlanActuals } from './plan-monitoring.js';

export type ComparisonEntry = {
  planId: number;
  planTitle: string;
  region: { code: string | null; name: string };
  period: { start: number; end: number };
  position: number;
  /** The row's name as the plan prints it. */
  name: string;
  unit: string | null;
  nature: string | null;
  baseline: PrintedValue | null;
  target: Target & { description: Bilingual };
  latest: { year: number; value: number; source: 'computed' | 'manual' } | null;
  /** Every year's actual as the assessment uses it (computed, else approved manual), in year order. */
  actuals: { year: number; value: number; source: 'computed' | 'manual' }[];
};

export type Comparison = {
  indicator: { id: string; nameZh: string; nameEn: string; unit: string };
  entries: ComparisonEntry[];
};

export async function compareIndicator(db: Db, indicatorId: string): Promise<Comparison> {
  const indicator = getIndicator(indicatorId);
  if (!indicator) {
    throw new WeijianError(
      'indicator.not-found',
      `no catalog indicator "${indicatorId}"`,
      { field: 'indicator' },
      404,
    );
  }
  const entries: ComparisonEntry[] = [];
  for (const listed of await listPlans(db)) {
    const plan = (await getPlan(db, listed.id))!;
    const positions = plan.indicators.flatMap((r, i) => (r.indicatorId === indicatorId ? [i] : []));
    if (!positions.length) continue;
    const actuals = await loadPlanActuals(db, plan);
    for (const position of positions) {
      const row = plan.indicators[position]!;
      const chosen = (actuals.get(position) ?? []).flatMap((a) =>
        a.chosen ? [{ year: a.year, ...a.chosen }] : [],
      );
      const latest = chosen.at(-1) ?? null;
      entries.push({
        planId: plan.id,
        planTitle: plan.title,
        region: plan.region,
        period: plan.period,
        position,
        name: row.name,
        unit: row.unit,
        nature: row.nature,
        baseline: row.baseline,
        target: {
          ...row.target,
          description: { zh: describeTarget(row.target, 'zh'), en: describeTarget(row.target, 'en') },
        },
        latest,
        actuals: chosen,
      });
    }
  }
  return {
    indicator: { id: indicator.id, nameZh: indicator.nameZh, nameEn: indicator.nameEn, unit: indicator.unit },
    entries,
  };
}
