import type { Period } from '../api/types';

/** The years from `from` to `to`, both included. */
export function yearsBetween(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/**
 * The year a plan is assessed in by default: the last complete year (the one before today's), kept inside the
 * plan's period.
 */
export function defaultAssessmentYear(period: Period, today: Date = new Date()): number {
  return Math.max(period.start, Math.min(period.end, today.getFullYear() - 1));
}
