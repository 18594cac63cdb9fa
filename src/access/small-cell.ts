import { covers, type Scope } from './scope.js';

/**
 * Small-cell rule: an aggregate over people whose numerator or denominator is 1–4 could single a person out.
 * It is suppressed (value, numerator and denominator null) when the caller could not see those people one by
 * one: the scope does not cover the whole region of the cell, or the scope is a facility's (whose users see
 * only its patients) and the cell is not that facility's own value. 0 is shown (it singles no one out); a
 * caller who may read the records themselves sees every figure.
 * Complementary suppression (a county total minus the towns shown) is not done: a town-scoped user sees
 * county and town aggregates, and differencing them is left to the review of published tables.
 */
export const SMALL_CELL = { min: 1, max: 4 };

const isSmallCell = (n: number | null): boolean => n !== null && n >= SMALL_CELL.min && n <= SMALL_CELL.max;

export interface Cell {
  region: { code: string };
  /** Set on a facility's value. */
  facility?: { id: number } | null;
  numerator: number | null;
  denominator: number | null;
}

/** Whether the small-cell rule hides this cell from a caller with `scope`. */
export function mustSuppress(scope: Scope, cell: Cell): boolean {
  if (!isSmallCell(cell.numerator) && !isSmallCell(cell.denominator)) return false;
  if (!covers(scope, cell.region.code)) return true;
  return scope.facilityId !== null && cell.facility?.id !== scope.facilityId;
}
