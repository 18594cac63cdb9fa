import { normalizeIndicatorName } from '../domain/catalog/index.js';
import type { PlanIndicatorRow } from '../domain/plan/types.js';

/**
 * The stable key of a plan row across re-imports: its catalog id, else its normalised printed name. Positions
 * change when a plan is re-read; these do not, and two plans of one region printing the same indicator share it.
 */
export function rowKey(row: Pick<PlanIndicatorRow, 'indicatorId' | 'name'>): string {
  return row.indicatorId ?? `name:${normalizeIndicatorName(row.name)}`;
}

/** The region a plan's values belong to: its GB/T 2260 code, else its name. */
export function regionKey(plan: { region: { code: string | null; name: string } }): string {
  return plan.region.code ?? plan.region.name;
}
