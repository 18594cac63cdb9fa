import { TABLE_NAMES, TABLES, type TableName, type Value } from './tables.js';

/** Rows of one table in PostgreSQL's COPY text format, as UTF-8 byte blocks. */
export interface TableChunk {
  table: TableName;
  columns: readonly string[];
  data: Buffer[];
  rows: number;
  bytes: number;
}

const special = /[\\\t\n\r]/;

function field(value: Value): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return special.test(value) ? escape(value) : value;
  return `{${value.join(',')}}`;
}

function escape(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

const BLOCK = 1 << 20;

interface TableBytes {
  blocks: Buffer[];
  current: Buffer;
  used: number;
  rows: number;
  bytes: number;
}

/**
 * Collects generated rows as COPY text bytes, per table, until the loader takes them. Each row is encoded
 * into large off-heap blocks at once, so millions of rows cost neither objects nor garbage collection.
 */
export class RowBuffer {
  private readonly tables = new Map<TableName, TableBytes>();
  private pending = 0;

  add(table: TableName, values: readonly Value[]): void {
    let line = field(values[0]!);
    for (let i = 1; i < values.length; i++) line += '\t' + field(values[i]!);
    line += '\n';
    let t = this.tables.get(table);
    if (!t)
      this.tables.set(
        table,
        (t = { blocks: [], current: Buffer.allocUnsafe(BLOCK), used: 0, rows: 0, bytes: 0 }),
      );
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (t.used + line.length * 3 > t.current.length) {
      t.blocks.push(t.current.subarray(0, t.used));
      t.current = Buffer.allocUnsafe(Math.max(BLOCK, line.length * 3));
      t.used = 0;
    }
    const n = t.current.write(line, t.used);
    t.used += n;
    t.bytes += n;
    t.rows++;
    this.pending += n;
  }

  /** Bytes waiting to be taken. */
  get size(): number {
    return this.pending;
  }

  /** The buffered rows per table in load order, and an empty buffer. */
  take(): TableChunk[] {
    const chunks: TableChunk[] = [];
    for (const table of TABLE_NAMES) {
      const t = this.tables.get(table);
      if (!t?.rows) continue;
      const data = t.used ? [...t.blocks, t.current.subarray(0, t.used)] : t.blocks;
      chunks.push({ table, columns: TABLES[table], data, rows: t.rows, bytes: t.bytes });
    }
    this.tables.clear();
    this.pending = 0;
    return chunks;
  }
}
