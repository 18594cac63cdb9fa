/**
 * What every report format shares: the kinds, the year each kind is about, the title, and the rows the summary
 * singles out. Formats (xlsx.ts, html.ts) only lay this out.
 */
import { STATUS_LABELS, type AssessmentStatus } from '../../domain/plan/assessment.js';
import { WeijianError } from '../../domain/errors.js';
import type { MonitoredRow, PlanMonitoring } from '../plan-monitoring.js';

export const REPORT_KINDS = ['annual', 'midterm', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['xlsx', 'pdf', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const KIND_LABELS: Record<ReportKind, string> = {
  annual: '年度监测报告',
  midterm: '中期评估报告',
  final: '总结评估报告',
};

/** Colours of the status cells and badges (fill, text), the usual traffic light of Chinese monitoring tables. */
export const STATUS_COLOURS: Record<AssessmentStatus, { fill: string; text: string }> = {
  achieved: { fill: 'C6EFCE', text: '006100' },
  'on-track': { fill: 'DDEBF7', text: '1F4E78' },
  'at-risk': { fill: 'FFEB9C', text: '9C5700' },
  'off-track': { fill: 'FFC7CE', text: '9C0006' },
  'no-data': { fill: 'EDEDED', text: '595959' },
  'not-assessable': { fill: 'F2F2F2', text: '7F7F7F' },
};

/** Counted in the summary, in this order. */
export const SUMMARY_STATUSES: readonly AssessmentStatus[] = ['achieved', 'on-track', 'at-risk', 'off-track'];

/**
 * The year a report is about: an annual report needs one; a mid-term review defaults to the period's middle
 * year (2023 of 2021–2025), a final evaluation to its last.
 */
export function reportYear(kind: ReportKind, period: { start: number; end: number }, year?: number): number {
  if (year !== undefined) return year;
  if (kind === 'midterm') return period.start + Math.floor((period.end - period.start) / 2);
  if (kind === 'final') return period.end;
  throw new WeijianError('report.year-required', 'an annual report needs --year (the year it monitors)', {
    field: 'year',
  });
}

export function reportTitle(m: PlanMonitoring, kind: ReportKind): string {
  return kind === 'annual'
    ? `${m.plan.title} ${m.year}年度监测报告`
    : `${m.plan.title}${KIND_LABELS[kind]}（${m.year}年）`;
}

export function reportFileName(m: PlanMonitoring, kind: ReportKind, format: ReportFormat): string {
  return `weijian-plan-${m.plan.id}-${kind}-${m.year}.${format}`;
}

/** Rows the summary names: binding rows off track first, then other off-track and at-risk rows, in plan order. */
export function attentionRows(m: PlanMonitoring): MonitoredRow[] {
  const behind = (r: MonitoredRow) =>
    r.assessment.status === 'off-track' || r.assessment.status === 'at-risk';
  return [
    ...m.rows.filter((r) => r.assessment.singledOut),
    ...m.rows.filter((r) => behind(r) && !r.assessment.singledOut),
  ];
}

/** Rows that get a chart: at risk or off track (a chart shows how far and which way). */
export function chartedRows(m: PlanMonitoring): MonitoredRow[] {
  return m.rows.filter((r) => r.assessment.status === 'at-risk' || r.assessment.status === 'off-track');
}

export function statusLabel(status: AssessmentStatus): string {
  return STATUS_LABELS[status].zh;
}

/** The chosen actual of a year, if any. */
export function actualOf(row: MonitoredRow, year: number): number | null {
  return row.actuals.find((a) => a.year === year)?.chosen?.value ?? null;
}

export const NATURE_LABELS: Record<string, string> = {
  expected: '预期性',
  binding: '约束性',
  guiding: '指导性',
};

export const SOURCE_LABELS = { computed: '系统计算', manual: '手工填报' } as const;
