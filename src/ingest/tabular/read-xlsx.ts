import { stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { WeijianError } from '../../domain/errors.js';
import type { CellValue } from './cell.js';
import type { SourceRow, SourceSheet } from './parse-sheet.js';

/**
 * Aggregate workbooks are small (a county's population by village, sex, age group and year is some
 * 10 MB); the limit keeps memory bounded, since the workbook is read whole.
 */
const MAX_XLSX_BYTES = 50 * 1024 * 1024;

/**
 * The sheets of an .xlsx workbook. Read whole rather than with exceljs's streaming WorkbookReader:
 * in exceljs 4.4 that reader fails ("reading 'sheets'") on workbooks whose xl/workbook.xml comes after
 * the sheets and shared strings in the zip — as exceljs's own writer orders them.
 */
export async function xlsxSheets(path: string, fileName: string): Promise<SourceSheet[]> {
  const { size } = await stat(path);
  if (size > MAX_XLSX_BYTES) {
    throw new WeijianError(
      'tabular.too-large',
      `文件过大 the workbook has ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_XLSX_BYTES / 1048576} MB: split it`,
      { file: fileName },
      413,
    );
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((sheet) => ({
    label: `${fileName}[${sheet.name}]`,
    name: sheet.name,
    rows: rowsOf(sheet),
  }));
}

async function* rowsOf(worksheet: ExcelJS.Worksheet): AsyncGenerator<SourceRow> {
  const rows: SourceRow[] = [];
  worksheet.eachRow((row) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push({ line: row.number, cells: Array.from(values.slice(1), toCellValue) });
  });
  yield* rows;
}

/** Formulas give their cached result, rich text its text, hyperlinks their text, errors their code. */
export function toCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return value.error;
  if ('result' in value) return toCellValue(value.result as ExcelJS.CellValue);
  if ('text' in value) return toCellValue(value.text as ExcelJS.CellValue);
  return null;
}
