import type { AssessmentStatus, MonitoredRow } from '../api/monitoring-types';
import type { Nature, PlanRow } from '../api/types';

export interface RowFilter {
  domains: string[];
  natures: Nature[];
  /** Kept statuses; needs `statusOf`. */
  statuses?: AssessmentStatus[];
}

export interface TableRow extends PlanRow {
  /** Index in the plan's table: stable across filters. */
  key: number;
  /** Rows the domain cell spans: the first row of a run of one domain carries the run's length, the others 0. */
  domainSpan: number;
}

/** A year's assessment beside the printed table: the actual of each year shown, status and projection. */
export interface TableMonitoring {
  years: number[];
  /** By row index in the plan's table. */
  rows: Map<number, MonitoredRow>;
  /** The period's last year, which the projection reaches. */
  projectionYear: number;
}

export const NATURES: readonly Nature[] = ['binding', 'expected', 'guiding'];

export function domainsOf(rows: PlanRow[]): string[] {
  return [...new Set(rows.map((r) => r.domain).filter((d): d is string => d !== null))];
}

/**
 * The rows a filter keeps, in the plan's order, with the domain cell spans of the printed table. `statusOf`
 * answers a row's assessment status by its index (undefined while the assessment is loading: the row stays).
 */
export function tableRows(
  rows: PlanRow[],
  filter: RowFilter,
  statusOf?: (key: number) => AssessmentStatus | undefined,
): TableRow[] {
  const statuses = filter.statuses ?? [];
  const kept = rows
    .map((row, key) => ({ ...row, key, domainSpan: 0 }))
    .filter(
      (row) =>
        (!filter.domains.length || (row.domain !== null && filter.domains.includes(row.domain))) &&
        (!filter.natures.length || (row.nature !== null && filter.natures.includes(row.nature))) &&
        (!statuses.length || !statusOf || keepsStatus(statuses, statusOf(row.key))),
    );
  for (let start = 0; start < kept.length;) {
    let end = start + 1;
    while (end < kept.length && kept[end]!.domain === kept[start]!.domain) end++;
    kept[start]!.domainSpan = end - start;
    start = end;
  }
  return kept;
}

function keepsStatus(statuses: AssessmentStatus[], status: AssessmentStatus | undefined): boolean {
  return status === undefined || statuses.includes(status);
}
