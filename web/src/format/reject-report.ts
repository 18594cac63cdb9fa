import type { RecordImportReport } from '../api/types';

const quote = (value: string | number | undefined) => {
  const text = value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The rejected records of an import as CSV, one line per reject with its place. A BOM leads so that Excel
 * opens the Chinese text as UTF-8.
 */
export function rejectsCsv(reports: RecordImportReport[], header: string[]): string {
  const lines = [header.map(quote).join(',')];
  for (const report of reports) {
    for (const r of report.rejected) {
      lines.push([r.file ?? report.file, r.line, r.entry, r.field, r.code, r.reason].map(quote).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
