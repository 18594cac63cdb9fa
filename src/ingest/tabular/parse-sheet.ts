import type { Reject } from '../../domain/import-report.js';
import { cellText, isBlank, type CellValue } from './cell.js';
import { RowFields } from './fields.js';
import { allKinds, detectKind, NOTES_SHEET, type HeaderMatch } from './kinds.js';
import type { ColumnSpec, SheetKind } from './sheet-kind.js';

export interface SourceRow {
  /** Sheet row number or CSV line (1-based), as Excel and editors show it. */
  line: number;
  cells: CellValue[];
}

export interface SourceSheet {
  /** What rejects name as their file: `data.xlsx[床位]` for a sheet, `beds.csv` for a CSV file. */
  label: string;
  /** The sheet name, or the CSV file's name: it may select the kind. */
  name: string;
  rows: AsyncIterable<SourceRow>;
}

export interface Located<R> {
  file: string;
  line: number;
  record: R;
}

export interface ParsedSheet {
  kind: SheetKind<unknown> | null;
  /** Non-empty rows below the header. */
  read: number;
  records: Located<unknown>[];
  rejects: Reject[];
}

/** A title row or two may stand above the header ("2023年各机构床位情况"). */
const HEADER_SCAN_ROWS = 10;

/** Reads one sheet: finds its header and kind, then validates each row on its own. */
export async function parseSheet(sheet: SourceSheet): Promise<ParsedSheet> {
  const result: ParsedSheet = { kind: null, read: 0, records: [], rejects: [] };
  let header: HeaderMatch | null = null;
  let headerLine = 0;
  let firstLine = 0;
  let scanned = 0;
  for await (const row of sheet.rows) {
    if (sheet.name === NOTES_SHEET || row.cells.every(isBlank)) continue;
    if (!header && scanned < HEADER_SCAN_ROWS) {
      firstLine ||= row.line;
      scanned++;
      header = detectKind(sheet.name, row.cells.map(cellText));
      headerLine = row.line;
      continue;
    }
    result.read++;
    if (header && usable(header)) readRow(sheet.label, header, row, result);
  }
  if (!header) {
    if (scanned > 0) result.rejects.push(unknownSheet(sheet.label, firstLine, scanned + result.read));
    return result;
  }
  result.kind = header.kind;
  const notRead = `该表${result.read}行均未导入 none of the sheet's ${result.read} rows was read`;
  for (const field of header.missing) {
    result.rejects.push({
      file: sheet.label,
      line: headerLine,
      field,
      code: 'tabular.missing-column',
      reason: `缺少必填列 required column missing; ${notRead}`,
    });
  }
  for (const field of header.repeated) {
    result.rejects.push({
      file: sheet.label,
      line: headerLine,
      field,
      code: 'tabular.repeated-column',
      reason: `列名重复 the column appears twice; ${notRead}`,
    });
  }
  return result;
}

function usable(header: HeaderMatch): boolean {
  return header.missing.length === 0 && header.repeated.length === 0;
}

function readRow(file: string, header: HeaderMatch, row: SourceRow, into: ParsedSheet): void {
  const cells = new Map<string, CellValue>();
  header.keys.forEach((key, i) => key && cells.set(key, row.cells[i] ?? null));
  const fields = new RowFields(columnsOf(header.kind), cells);
  const record = header.kind.read(fields);
  if (fields.errors.length === 0) {
    into.records.push({ file, line: row.line, record });
    return;
  }
  for (const { field, code, reason } of fields.errors)
    into.rejects.push({ file, line: row.line, field, code, reason });
}

const columnMaps = new WeakMap<SheetKind<unknown>, Map<string, ColumnSpec>>();

function columnsOf(kind: SheetKind<unknown>): Map<string, ColumnSpec> {
  let map = columnMaps.get(kind);
  if (!map) columnMaps.set(kind, (map = new Map(kind.columns.map((c) => [c.key, c]))));
  return map;
}

function unknownSheet(file: string, line: number, rows: number): Reject {
  const expected = allKinds
    .map((k) => `${k.sheetName}(${k.columns.find((c) => c.required)?.header}…)`)
    .join('、');
  return {
    file,
    line,
    code: 'tabular.unknown-sheet',
    reason:
      `无法识别此表，其${rows}行未导入；表名或表头应为 ${expected} ` +
      `cannot tell what this sheet holds (its ${rows} rows were not read): name it or head it as one of the templates`,
  };
}
