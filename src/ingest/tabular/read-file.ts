import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WeijianError } from '../../domain/errors.js';
import type { Reject } from '../../domain/import-report.js';
import { sheetKinds, type TabularRecords } from './kinds.js';
import { parseSheet, type Located, type SourceSheet } from './parse-sheet.js';
import { csvRows, decodeCsv } from './read-csv.js';
import { xlsxSheets } from './read-xlsx.js';
import { KIND_IDS, type KindId, type SheetKind } from './sheet-kind.js';

export type LocatedRecords = { [K in KindId]: Located<TabularRecords[K]>[] };

export interface ParsedFile {
  format: 'xlsx' | 'csv';
  /** Non-empty data rows of all sheets. */
  read: number;
  records: LocatedRecords;
  rejects: Reject[];
}

const SUPPORTED = '支持 .xlsx 与 .csv (UTF-8/GBK) supported: .xlsx and .csv (UTF-8 or GBK)';

/**
 * Reads an .xlsx workbook (every sheet) or a .csv file (one sheet) into validated records and rejects.
 * Field rules and duplicates within the file are checked here; references to regions and facilities
 * need the database and are checked by `checkReferences`.
 */
export async function readTabularFile(file: { name: string; path: string }): Promise<ParsedFile> {
  const extension = path.extname(file.name).toLowerCase();
  const parsed: ParsedFile = { format: 'csv', read: 0, records: emptyRecords(), rejects: [] };
  if (extension === '.xlsx' || extension === '.xlsm') {
    parsed.format = 'xlsx';
    try {
      for (const sheet of await xlsxSheets(file.path, file.name)) await addSheet(parsed, sheet);
    } catch (error) {
      if (error instanceof WeijianError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new WeijianError(
        'tabular.unreadable-xlsx',
        `不是可读的 .xlsx 文件 not a readable .xlsx file (${reason})`,
        {
          file: file.name,
        },
      );
    }
  } else if (extension === '.csv') {
    const { text } = decodeCsv(await readFile(file.path));
    const rows = csvRows(text, file.name);
    await addSheet(parsed, {
      label: file.name,
      name: path.basename(file.name, extension),
      rows: iterate(rows),
    });
  } else {
    const hint = extension === '.xls' || extension === '.et' ? '请另存为 .xlsx save it as .xlsx; ' : '';
    throw new WeijianError('tabular.unsupported-format', `${hint}${SUPPORTED}`, { file: file.name }, 415);
  }
  rejectDuplicates(parsed);
  return parsed;
}

export function emptyRecords(): LocatedRecords {
  return Object.fromEntries(KIND_IDS.map((id) => [id, []])) as unknown as LocatedRecords;
}

async function addSheet(into: ParsedFile, sheet: SourceSheet): Promise<void> {
  const result = await parseSheet(sheet);
  into.read += result.read;
  into.rejects.push(...result.rejects);
  if (result.kind) (into.records[result.kind.id] as Located<unknown>[]).push(...result.records);
}

async function* iterate<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/** One record per natural key and file: later rows with the key of an earlier one are refused. */
function rejectDuplicates(parsed: ParsedFile): void {
  for (const id of KIND_IDS) {
    const kind = sheetKinds[id] as SheetKind<unknown>;
    const field = kind.keyColumns.map((key) => kind.columns.find((c) => c.key === key)!.header).join('+');
    const first = new Map<string, Located<unknown>>();
    const kept: Located<unknown>[] = [];
    for (const located of parsed.records[id] as Located<unknown>[]) {
      const key = kind.key(located.record);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, located);
        kept.push(located);
        continue;
      }
      const where =
        earlier.file === located.file ? `第${earlier.line}行` : `${earlier.file} 第${earlier.line}行`;
      parsed.rejects.push({
        file: located.file,
        line: located.line,
        field,
        code: 'tabular.duplicate',
        reason: `与${where}重复 duplicate of ${earlier.file}:${earlier.line}`,
      });
    }
    (parsed.records as Record<KindId, Located<unknown>[]>)[id] = kept;
  }
}
