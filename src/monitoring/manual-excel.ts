/**
 * The Excel template for hand-entered values (one row per plan indicator, one column per year) and its import.
 * The hidden first column carries the row key, so a planner may reorder or delete rows freely. An import
 * creates drafts or edits existing values through the same workflow as the API; a cell the workflow refuses
 * (a submitted value, an approved one without the admin role) is reported with its line and year, the rest
 * is stored.
 */
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { WeijianError } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import { manualValues } from '../store/schema/index.js';
import { isComputable } from './actuals.js';
import { createManualValue, editManualValue, type ManualValueSubject } from './manual-values.js';
import { loadPlan } from './plan-monitoring.js';
import { regionKey, rowKey } from './row-key.js';
import type { Actor } from './workflow.js';

export const TEMPLATE_SHEET = '手工填报';
const KEY = '行键';
const SOURCE = '数据来源说明';
const MAX_BYTES = 5 * 1024 * 1024;

export async function manualTemplate(db: Db, planId: number): Promise<{ fileName: string; body: Buffer }> {
  const plan = await loadPlan(db, planId);
  const years = Array.from(
    { length: plan.period.end - plan.period.start + 2 },
    (_, i) => plan.period.start - 1 + i,
  );
  const existing = await db
    .select()
    .from(manualValues)
    .where(eq(manualValues.regionCode, regionKey(plan)));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  ws.addRow([
    KEY,
    '序号',
    '指标',
    '单位',
    `${plan.period.end}年目标`,
    '取值方式',
    ...years.map(String),
    SOURCE,
  ]).font = {
    bold: true,
  };
  for (const row of plan.indicators) {
    const key = rowKey(row);
    const mine = existing.filter((v) => v.rowKey === key);
    ws.addRow([
      key,
      row.seq,
      row.name,
      row.unit,
      row.target.text,
      isComputable(row.indicatorId) ? '系统计算（手工值仅作对照）' : '手工填报',
      ...years.map((y) => mine.find((v) => v.year === y)?.value ?? null),
      mine.find((v) => v.source)?.source ?? null,
    ]);
  }
  ws.getColumn(1).hidden = true;
  ws.getColumn(3).width = 40;
  ws.getColumn(6).width = 24;
  ws.getColumn(years.length + 7).width = 30;
  return {
    fileName: `weijian-manual-values-plan-${plan.id}.xlsx`,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

export interface ManualImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; year: number | null; code: string; message: string }[];
}

export async function importManualValues(
  db: Db,
  actor: Actor,
  planId: number,
  bytes: Buffer,
  fileName: string,
  reason: string | null = null,
): Promise<ManualImportReport> {
  if (bytes.length > MAX_BYTES)
    throw new WeijianError(
      'manual-import.too-large',
      `the workbook is over ${MAX_BYTES / 1048576} MB`,
      { file: fileName },
      413,
    );
  const plan = await loadPlan(db, planId);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WeijianError('manual-import.not-xlsx', 'not an .xlsx workbook', { file: fileName });
  }
  const ws = wb.getWorksheet(TEMPLATE_SHEET) ?? wb.worksheets[0];
  const header = ws ? (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? '').trim()) : [];
  const keyCol = header.indexOf(KEY);
  if (!ws || keyCol < 0)
    throw new WeijianError('manual-import.no-key-column', `no column ${KEY}: start from the template`, {
      file: fileName,
    });
  const sourceCol = header.indexOf(SOURCE);
  const yearCols = header.flatMap((h, col) => (/^\d{4}$/.test(h) ? [{ col, year: Number(h) }] : []));
  const rows = new Map(plan.indicators.map((r) => [rowKey(r), r]));

  const report: ManualImportReport = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  for (let line = 2; line <= ws.rowCount; line++) {
    const cells = ws.getRow(line);
    const key = text(cells.getCell(keyCol).value);
    if (!key) continue;
    const row = rows.get(key);
    if (!row) {
      report.rejected.push({
        line,
        year: null,
        code: 'manual-import.unknown-row',
        message: `no row ${key} in plan ${plan.id}`,
      });
      continue;
    }
    const subject = { regionCode: regionKey(plan), rowKey: key, indicatorId: row.indicatorId };
    // An empty source cell gives no source: it neither stores '' nor counts as a change of a value entered elsewhere.
    const source = (sourceCol >= 0 && text(cells.getCell(sourceCol).value)) || null;
    for (const { col, year } of yearCols) {
      const raw = cells.getCell(col).value;
      if (raw === null || raw === undefined || text(raw) === '') continue;
      const value = typeof raw === 'number' ? raw : Number(text(raw));
      try {
        report[await enter(db, actor, subject, year, value, source, reason)]++;
      } catch (error) {
        if (!(error instanceof WeijianError)) throw error;
        report.rejected.push({ line, year, code: error.code, message: error.message });
      }
    }
  }
  return report;
}

async function enter(
  db: Db,
  actor: Actor,
  subject: ManualValueSubject,
  year: number,
  value: number,
  source: string | null,
  reason: string | null,
): Promise<'created' | 'updated' | 'unchanged'> {
  const [existing] = await db
    .select()
    .from(manualValues)
    .where(
      and(
        eq(manualValues.regionCode, subject.regionCode),
        eq(manualValues.rowKey, subject.rowKey),
        eq(manualValues.year, year),
      ),
    );
  if (!existing) {
    await createManualValue(db, actor, subject, { year, value, source });
    return 'created';
  }
  if (existing.value === value && (source === null || existing.source === source)) return 'unchanged';
  await editManualValue(db, actor, existing.id, { value, source: source ?? existing.source, reason });
  return 'updated';
}

function text(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  return String(value).trim();
}
