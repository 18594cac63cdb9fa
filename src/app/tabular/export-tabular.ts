import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WeijianError } from '../../domain/errors.js';
import { regionLevel } from '../../domain/region/code.js';
import type { CellValue } from '../../ingest/tabular/cell.js';
import { allKinds } from '../../ingest/tabular/kinds.js';
import { csvCell } from '../../ingest/tabular/rejects.js';
import type { SheetKind } from '../../ingest/tabular/sheet-kind.js';
import { writeWorkbook } from '../../ingest/tabular/workbook.js';
import type { Database } from '../../store/db.js';
import { readCountyRecords } from './read-county.js';

/**
 * Writes a county's aggregate data to `dir`: one workbook `weijian-<county>.xlsx` with a sheet per kind
 * (the templates' headers and formats, so it imports back as is), and a CSV per kind
 * (`weijian-<county>-<kind>.csv`, UTF-8 with BOM). Returns the paths written.
 */
export async function exportTabular(database: Database, countyCode: string, dir: string): Promise<string[]> {
  if (regionLevel(countyCode) !== 'county') {
    throw new WeijianError('tabular.invalid-county', `不是县级区划代码 not a county code: "${countyCode}"`);
  }
  const records = await readCountyRecords(database.db, countyCode);
  const sheets = allKinds.map((kind) => {
    const list = records[kind.id] as unknown[];
    return { kind, rows: list.map((r) => kind.write(r)) };
  });
  await mkdir(dir, { recursive: true });
  const workbookPath = path.join(dir, `weijian-${countyCode}.xlsx`);
  await writeWorkbook({ filename: workbookPath }, sheets, { notes: false });
  const written = [workbookPath];
  for (const { kind, rows } of sheets) {
    const csvPath = path.join(dir, `weijian-${countyCode}-${kind.id}.csv`);
    await writeFile(csvPath, toCsv(kind, rows));
    written.push(csvPath);
  }
  return written;
}

function toCsv(kind: SheetKind<unknown>, rows: readonly (readonly CellValue[])[]): string {
  const lines = [kind.columns.map((c) => c.header), ...rows];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
