import { writeFile } from 'node:fs/promises';
import { WeijianError } from '../../domain/errors.js';
import type { ImportReport, Reject } from '../../domain/import-report.js';
import { regionLevel } from '../../domain/region/code.js';
import { readTabularFile } from '../../ingest/tabular/read-file.js';
import { checkReferences, inferCounty, referencedCodes } from '../../ingest/tabular/references.js';
import { formatRejects } from '../../ingest/tabular/rejects.js';
import type { Database } from '../../store/db.js';
import { countyFromDatabase, storedCodes } from './stored-codes.js';
import { upsertRecords } from './upsert.js';

export interface TabularImportOptions {
  /** Import the valid records and report the others; otherwise a file with any error writes nothing. */
  skipInvalid: boolean;
  /** Where to write the rejects (CSV, or NDJSON for .ndjson/.jsonl); default `<file>.rejects.csv` with skipInvalid. */
  rejectsPath?: string;
  /** The county the file is for; by default the county of its region codes (see docs/excel-templates.md). */
  countyCode?: string;
}

/**
 * Imports an .xlsx or .csv file of aggregate data (regions, facilities, beds, staff, population,
 * childcare places) into one county, in one transaction, upserting by natural key. Every refused record
 * is in the report's `rejected` with file, line, field and reason; with rejects and without `skipInvalid`
 * nothing is written (`written` is 0).
 */
export async function importTabularFile(
  database: Database,
  file: { name: string; path: string },
  options: TabularImportOptions,
): Promise<ImportReport> {
  const parsed = await readTabularFile(file);
  const referenced = referencedCodes(parsed.records);
  const county = await countyOf(
    database,
    file.name,
    parsed.records,
    referenced.facilities,
    options.countyCode,
  );
  const checked = county
    ? checkReferences(parsed.records, await storedCodes(database.db, county, referenced))
    : { records: parsed.records, rejects: [], divisionRegions: [] };
  const rejected = inFileOrder([...parsed.rejects, ...checked.rejects]);
  const report: ImportReport = {
    file: file.name,
    format: parsed.format,
    read: parsed.read,
    written: 0,
    rejected,
    byType: {},
  };
  const rejectsPath = options.rejectsPath ?? (options.skipInvalid ? `${file.path}.rejects.csv` : undefined);
  // Written even when empty, so that a rejects file left by an earlier run is not mistaken for this one's.
  if (rejectsPath) await writeFile(rejectsPath, formatRejects(rejected, rejectsPath));
  if ((rejected.length && !options.skipInvalid) || !county) return report;

  report.byType = await database.db.transaction((tx) =>
    upsertRecords(tx, county, checked.records, checked.divisionRegions),
  );
  report.written = Object.entries(report.byType)
    .filter(([type]) => type !== 'divisionRegions')
    .reduce((sum, [, n]) => sum + n, 0);
  return report;
}

async function countyOf(
  database: Database,
  fileName: string,
  records: Parameters<typeof inferCounty>[0],
  facilityCodes: string[],
  given: string | undefined,
): Promise<string | null> {
  if (given !== undefined) {
    if (regionLevel(given) !== 'county') {
      throw new WeijianError('tabular.invalid-county', `不是县级区划代码 not a county code: "${given}"`, {
        file: fileName,
      });
    }
    return given;
  }
  const hasRecords = Object.values(records).some((list) => list.length > 0);
  if (!hasRecords) return null;
  const county = inferCounty(records) ?? (await countyFromDatabase(database.db, facilityCodes));
  if (county) return county;
  throw new WeijianError(
    'tabular.county-unknown',
    '无法确定所属县：文件中没有地区代码，机构编码也不能确定县 cannot tell which county the file is for: ' +
      'give the county code, or include region codes or facilities already imported',
    { file: fileName },
    422,
  );
}

/** Sheet by sheet as they first appear, then by line (a row's field errors keep their column order). */
function inFileOrder(rejects: Reject[]): Reject[] {
  const sheets = new Map<string | undefined, number>();
  for (const r of rejects) if (!sheets.has(r.file)) sheets.set(r.file, sheets.size);
  return rejects.sort((a, b) => sheets.get(a.file)! - sheets.get(b.file)! || (a.line ?? 0) - (b.line ?? 0));
}
