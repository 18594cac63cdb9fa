/**
 * The Excel report: sheet 1 the indicator table (baseline, target, actual per year, expected, gap, projection,
 * status with its colour), sheet 2 where every actual came from (computed: numerator, denominator, population
 * basis, period basis, definition version, computed at; manual: value, status, who entered and approved, when,
 * source), sheet 3 the rules. Numbers stay numbers so the table can be re-used.
 */
import ExcelJS from 'exceljs';
import type { PlanMonitoring } from '../plan-monitoring.js';
import {
  actualOf,
  NATURE_LABELS,
  reportTitle,
  SOURCE_LABELS,
  STATUS_COLOURS,
  statusLabel,
  type ReportKind,
} from './model.js';

export const SHEETS = { table: '指标监测', provenance: '数据来源', notes: '说明' } as const;

export async function reportXlsx(m: PlanMonitoring, kind: ReportKind, generatedOn: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Weijian';
  const { start, end } = m.plan.period;
  const years = Array.from({ length: end - start + 1 }, (_, i) => start + i);

  const table = wb.addWorksheet(SHEETS.table, { views: [{ state: 'frozen', ySplit: 2, xSplit: 3 }] });
  table.addRow([reportTitle(m, kind)]).font = { bold: true, size: 14 };
  const header = table.addRow([
    '领域',
    '序号',
    '指标',
    '单位',
    '性质',
    '基期值',
    '基期年份',
    `${end}年目标`,
    ...years.map((y) => `${y}年实际`),
    '期望值',
    '差距',
    `${end}年预测`,
    '状态',
    '说明',
  ]);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = solid('DCE6F1')));
  for (const r of m.rows) {
    const a = r.assessment;
    const row = table.addRow([
      r.domain,
      r.seq,
      r.name + r.marks.join(''),
      r.unit,
      a.nature ? NATURE_LABELS[a.nature] : null,
      r.baseline?.value ?? null,
      r.baseline?.year ?? null,
      a.target.text,
      ...years.map((y) => (y <= m.year ? actualOf(r, y) : null)),
      round(a.expected),
      round(a.gap),
      round(a.projection.value),
      statusLabel(a.status),
      a.reason.zh,
    ]);
    const status = row.getCell(header.cellCount - 1);
    const colour = STATUS_COLOURS[a.status];
    status.fill = solid(colour.fill);
    status.font = { color: { argb: `FF${colour.text}` }, bold: a.singledOut };
  }
  table.columns.forEach((col, i) => (col.width = i === 2 ? 36 : i === header.cellCount - 1 ? 60 : 11));

  const prov = wb.addWorksheet(SHEETS.provenance, { views: [{ state: 'frozen', ySplit: 1 }] });
  prov.addRow([
    '序号',
    '指标',
    '年份',
    '采用值',
    '来源',
    '计算值',
    '分子',
    '分母',
    '人口口径',
    '统计口径',
    '定义版本',
    '计算时间',
    '手工值',
    '填报状态',
    '填报人',
    '填报时间',
    '最后处理人',
    '处理时间',
    '数据来源说明',
  ]).font = { bold: true };
  for (const r of m.rows) {
    for (const y of r.actuals) {
      const c = y.computed;
      const man = y.manual;
      prov.addRow([
        r.seq,
        r.name,
        y.year,
        y.chosen?.value ?? null,
        y.chosen ? SOURCE_LABELS[y.chosen.source] : '未采用',
        c?.value ?? null,
        c?.numerator ?? null,
        c?.denominator ?? null,
        c?.populationBasis ?? null,
        c ? (c.periodBasis === 'mch' ? '妇幼统计年度' : '日历年度') : null,
        c?.definitionVersion ?? null,
        c?.computedAt ?? null,
        man?.value ?? null,
        man?.status ?? null,
        man?.createdBy ?? null,
        man?.createdAt ?? null,
        man?.updatedBy ?? null,
        man?.updatedAt ?? null,
        man?.source ?? null,
      ]);
    }
  }
  prov.columns.forEach((col, i) => (col.width = i === 1 ? 36 : 13));

  const notes = wb.addWorksheet(SHEETS.notes);
  notes.addRows([
    ['报告', reportTitle(m, kind)],
    ['评估年度', m.year],
    ['生成日期', generatedOn],
    ['实际值取值规则', m.rule.zh],
    ['Actuals rule', m.rule.en],
  ]);
  notes.getColumn(1).width = 16;
  notes.getColumn(2).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function solid(rgb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } };
}

/** Three decimals: what the table shows; the assessment keeps full precision. */
function round(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1000) / 1000;
}
