import type { CellValue } from './cell.js';
import type { RowFields } from './fields.js';

export const KIND_IDS = ['regions', 'facilities', 'beds', 'staff', 'population', 'childcare'] as const;
export type KindId = (typeof KIND_IDS)[number];

export interface ColumnSpec {
  key: string;
  /** The Chinese header written in templates and exports, and used as the field of a reject. */
  header: string;
  /** Other headers accepted on import: English names and common Chinese variants. */
  aliases: readonly string[];
  required?: boolean;
  /** Excel column width in characters. */
  width: number;
  /** `text` keeps codes as typed (leading zeros, all 12 digits); `date` shows YYYY-MM-DD. */
  format?: 'text' | 'date';
  /** One line for the 填表说明 sheet: meaning and allowed values. */
  note: string;
}

/** A reference from a record to a region or facility, checked against the database and the file. */
export interface Reference<R> {
  /** The column key, whose header is the field of a reject. */
  column: string;
  code(record: R): string | null;
}

/** One kind of sheet: its columns and how a row becomes a record and back. */
export interface SheetKind<R> {
  id: KindId;
  /** Name of the sheet in templates and exports. */
  sheetName: string;
  /** Words in a sheet name or CSV file name that select this kind. */
  names: readonly string[];
  /** What a row is, for the 填表说明 sheet. */
  description: string;
  columns: readonly ColumnSpec[];
  /** Column keys of the natural key: one record per key and file. */
  keyColumns: readonly string[];
  read(fields: RowFields): R;
  key(record: R): string;
  /** Cells in column order, for export. */
  write(record: R): CellValue[];
  region?: Reference<R>;
  facility?: Reference<R>;
}

/** How headers are compared: width-folded, no spaces, `*` marks, units in brackets or case. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\(.*?\)$/, '')
    .replace(/[\s*_\-:：]/g, '')
    .toLowerCase();
}

/** Column key by normalized header and alias, for one kind. */
export function headerIndex(kind: SheetKind<unknown>): Map<string, string> {
  const index = new Map<string, string>();
  for (const column of kind.columns) {
    for (const name of [column.header, column.key, ...column.aliases])
      index.set(normalizeHeader(name), column.key);
  }
  return index;
}
