import type { ReportKind } from '../api/monitoring-types';
import type { Period } from '../api/types';
import { defaultAssessmentYear } from './years';

/**
 * The year a report kind looks at by default, as the server reads it: a mid-term review the period's middle
 * year, a final evaluation its last, an annual report the last complete year.
 */
export function reportYearFor(kind: ReportKind, period: Period, today: Date = new Date()): number {
  if (kind === 'midterm') return period.start + Math.floor((period.end - period.start) / 2);
  if (kind === 'final') return period.end;
  return defaultAssessmentYear(period, today);
}
