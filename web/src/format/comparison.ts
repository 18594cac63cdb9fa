import type { ComparisonEntry } from '../api/comparison';
import type { Plan } from '../api/types';
import type { ComparedRegion, RegionTrend } from '../components/charts/comparison-option';

/** The numbers a target names, for the chart: one value, a range's two ends, or none (relative, qualitative…). */
export function targetNumbers(target: ComparisonEntry['target']): { min: number; max: number } | null {
  switch (target.kind) {
    case 'bound':
    case 'exact':
    case 'approx':
      return { min: target.value, max: target.value };
    case 'range':
      return { min: target.min, max: target.max };
    default:
      return null;
  }
}

/** The chart's bars and markers per entry; a region with two rows of the indicator is told apart by row name. */
export function comparedRegions(entries: readonly ComparisonEntry[]): ComparedRegion[] {
  const perRegion = new Map<string, number>();
  for (const e of entries) perRegion.set(e.region.name, (perRegion.get(e.region.name) ?? 0) + 1);
  return entries.map((e) => ({
    label: perRegion.get(e.region.name)! > 1 ? `${e.region.name}·${e.name}` : e.region.name,
    baseline: e.baseline?.value ?? null,
    target: targetNumbers(e.target),
    latest: e.latest?.value ?? null,
  }));
}

export interface IndicatorChoice {
  indicatorId: string;
  /** The name the first plan prints. */
  name: string;
  plans: number;
}

/** Catalog indicators that appear in the plans, the most widely planned first, then in order of appearance. */
export function indicatorChoices(plans: readonly Pick<Plan, 'id' | 'indicators'>[]): IndicatorChoice[] {
  const found = new Map<string, { name: string; plans: Set<number>; order: number }>();
  for (const plan of plans) {
    for (const row of plan.indicators) {
      if (!row.indicatorId) continue;
      const entry = found.get(row.indicatorId) ?? { name: row.name, plans: new Set(), order: found.size };
      entry.plans.add(plan.id);
      found.set(row.indicatorId, entry);
    }
  }
  return [...found]
    .sort(([, a], [, b]) => b.plans.size - a.plans.size || a.order - b.order)
    .map(([indicatorId, e]) => ({ indicatorId, name: e.name, plans: e.plans.size }));
}

/** The entries that have actuals, as trend lines labelled like the dot plot's regions. */
export function regionTrends(entries: readonly ComparisonEntry[]): RegionTrend[] {
  const labels = comparedRegions(entries).map((r) => r.label);
  return entries.flatMap((e, i) =>
    e.actuals.length ? [{ label: labels[i]!, points: e.actuals, target: targetNumbers(e.target) }] : [],
  );
}
