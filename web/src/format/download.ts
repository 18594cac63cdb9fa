import type { Cell } from './plan-table-sheet';

/** Saves a blob under a name through a temporary link: the browser's own download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** One-sheet workbook. exceljs is large, so it is loaded only when someone exports. */
export async function downloadXlsx(fileName: string, sheetName: string, header: string[], body: Cell[][]) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Excel caps sheet names at 31 characters and forbids a few.
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  sheet.addRow(header).font = { bold: true };
  for (const row of body) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(
      60,
      Math.max(8, ...[header, ...body].map((r) => String(r[i] ?? '').length * 1.6)),
    );
  });
  const buffer = await workbook.xlsx.writeBuffer();
  downloadBlob(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    fileName,
  );
}
