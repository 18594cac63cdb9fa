import type { Db } from '../../store/db.js';
import { loadPlan, monitorPlan } from '../plan-monitoring.js';
import { reportHtml } from './html.js';
import { reportFileName, reportYear, type ReportFormat, type ReportKind } from './model.js';
import { htmlToPdf } from './pdf.js';
import { reportXlsx } from './xlsx.js';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

export interface RenderedReport {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** `weijian report` and `GET /api/plans/:id/report`: one plan, one kind, one format. */
export async function renderReport(
  db: Db,
  planId: number,
  options: { kind: ReportKind; format: ReportFormat; year?: number; today?: Date },
): Promise<RenderedReport> {
  const plan = await loadPlan(db, planId);
  const year = reportYear(options.kind, plan.period, options.year);
  const m = await monitorPlan(db, planId, year);
  const generatedOn = (options.today ?? new Date()).toISOString().slice(0, 10);
  const body =
    options.format === 'xlsx'
      ? await reportXlsx(m, options.kind, generatedOn)
      : options.format === 'pdf'
        ? await htmlToPdf(reportHtml(m, options.kind, generatedOn))
        : Buffer.from(reportHtml(m, options.kind, generatedOn), 'utf8');
  return {
    fileName: reportFileName(m, options.kind, options.format),
    contentType: CONTENT_TYPES[options.format],
    body,
  };
}
