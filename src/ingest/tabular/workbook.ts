import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from './cell.js';
import { NOTES_SHEET } from './kinds.js';
import type { ColumnSpec, SheetKind } from './sheet-kind.js';

export interface SheetContent {
  kind: SheetKind<unknown>;
  rows: Iterable<CellValue[]>;
}

/**
 * Writes a workbook with one sheet per kind — Chinese headers in bold, first row frozen, column widths
 * and formats of the templates — and, when `notes` is set, a 填表说明 sheet explaining every column.
 * Written with exceljs's streaming writer: rows are committed one by one, not held as a workbook model.
 */
export async function writeWorkbook(
  target: { filename: string } | { stream: Writable },
  sheets: readonly SheetContent[],
  options: { notes: boolean },
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...target,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'Weijian 卫健';
  for (const { kind, rows } of sheets) {
    const sheet = workbook.addWorksheet(kind.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = kind.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      style: styleOf(c),
    }));
    boldHeader(sheet.getRow(1), kind.columns.length);
    for (const row of rows) sheet.addRow(row.map((value, i) => toExcel(value, kind.columns[i]))).commit();
    sheet.commit();
  }
  if (options.notes) writeNotes(workbook, sheets);
  await workbook.commit();
}

/** The workbook as bytes (templates, HTTP responses). */
export async function workbookBuffer(
  sheets: readonly SheetContent[],
  options: { notes: boolean },
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeWorkbook({ stream }, sheets, options);
  return Buffer.concat(chunks);
}

function styleOf(column: ColumnSpec): Partial<ExcelJS.Style> {
  if (column.format === 'text') return { numFmt: '@' };
  if (column.format === 'date') return { numFmt: 'yyyy-mm-dd' };
  return {};
}

function boldHeader(row: ExcelJS.Row, columns: number): void {
  for (let i = 1; i <= columns; i++) {
    const cell = row.getCell(i);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  }
  row.commit();
}

/** Dates go in as real dates (so Excel can sort and filter them), read back by the importer either way. */
function toExcel(value: CellValue, column: ColumnSpec | undefined): ExcelJS.CellValue {
  if (column?.format === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  return value;
}

function writeNotes(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheets: readonly SheetContent[]): void {
  const notes = workbook.addWorksheet(NOTES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  notes.columns = [
    { header: '表', width: 8 },
    { header: '列', width: 24 },
    { header: '必填', width: 6 },
    { header: '说明', width: 90 },
  ];
  boldHeader(notes.getRow(1), 4);
  for (const { kind } of sheets) {
    notes.addRow([kind.sheetName, '', '', kind.description]).commit();
    for (const column of kind.columns) {
      const also = column.aliases.length ? `（也可写作 ${column.aliases.join(' / ')}）` : '';
      notes.addRow(['', column.header, column.required ? '是' : '', `${column.note}${also}`]).commit();
    }
  }
  const general = [
    '每个工作表第一行为表头，从第二行起每行一条记录；表名或表头决定表的种类，可只保留需要的表。',
    '默认整个文件有任何错误即不导入；--skip-invalid 导入有效行，错误行写入错误文件（文件、行号、列、原因）。',
    '再次导入同一数据按编码（自然键）更新，不会重复。CSV 可用 UTF-8 或 GBK 编码保存。',
  ];
  notes.addRow([]).commit();
  for (const line of general) notes.addRow(['', '', '', line]).commit();
  notes.commit();
}
