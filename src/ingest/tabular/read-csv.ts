import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { WeijianError } from '../../domain/errors.js';
import type { SourceRow } from './parse-sheet.js';

/**
 * CSV text in UTF-8 (with or without BOM) or, when not valid UTF-8, GB18030: Excel in China saves
 * "CSV (逗号分隔)" in the ANSI code page, GBK, which GB18030 contains.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}

/** The records of a CSV text with the line each starts on (a quoted cell may span lines). */
export function csvRows(text: string, file: string): SourceRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const options = { info: true, relax_column_count: true, skip_empty_lines: false } as const;
    records = parse(text, options) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const reason = error instanceof Error ? error.message : String(error);
    throw new WeijianError('tabular.invalid-csv', `不是有效的 CSV not a valid CSV file: ${reason}`, {
      file,
      line,
    });
  }
  let previousEnd = 0;
  return records.map(({ record, info }) => {
    const row = { line: previousEnd + 1, cells: record };
    previousEnd = info.lines;
    return row;
  });
}
