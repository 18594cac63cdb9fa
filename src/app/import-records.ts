import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { WeijianError, type Place } from '../domain/errors.js';
import type { ImportReport, Reject } from '../domain/import-report.js';
import { fromFhir, resourceRank, type MapContext } from '../fhir/index.js';
import type { Sql } from '../fhir/store/sql.js';
import { ImportStatistics } from '../fhir/store/statistics.js';
import { writeBatch, type BatchItem, type PractitionerIndex } from '../fhir/store/write-batch.js';
import { isFhirFile, readFhirFile, type FhirInput } from '../ingest/fhir/read-fhir-file.js';
import { withBulkSession } from '../store/bulk-copy.js';
import type { Database } from '../store/db.js';
import { importTabularFile } from './tabular/import-tabular.js';

export interface RecordFile {
  name: string;
  path: string;
}

export interface ImportOptions {
  /** Import the valid records and write the rejects to a file; otherwise a file with errors writes nothing. */
  skipInvalid: boolean;
  /** Where the rejects go (NDJSON); default `<file>.rejects.ndjson` beside each file. */
  rejectsPath?: string;
  /** The county the records belong to; default the only county in the database or in the import's Locations. */
  countyCode?: string;
  /** Resources per transaction batch (default 5 000). */
  batchSize?: number;
  /** YYYY-MM-DD for the "not in the future" checks; default today. */
  today?: string;
  /** Called after each batch (for progress bars). */
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  resources: number;
}

/**
 * `weijian import` and `POST /api/import`: each file by its extension — `.ndjson`/`.json` as FHIR R4,
 * `.xlsx`/`.csv` as the tabular aggregates (src/ingest/tabular). Files are imported in order; FHIR
 * Practitioners may come in one file and their PractitionerRoles in a later one.
 */
export async function importRecordFiles(
  database: Database,
  files: RecordFile[],
  options: ImportOptions,
): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  const practitioners: PractitionerIndex = new Map();
  const rejectFiles = new RejectFiles(options);
  // Bulk exports are one file per type: read them in reference order (Location.ndjson before Patient.ndjson).
  const ordered = [...files].sort((a, b) => fileRank(a.name) - fileRank(b.name));
  try {
    for (const file of ordered) {
      if (isFhirFile(file.name)) {
        reports.push(await importFhirFile(database, file, options, practitioners, rejectFiles));
      } else if (/\.(xlsx|csv)$/i.test(file.name)) {
        reports.push(
          await importTabularFile(database, file, {
            skipInvalid: options.skipInvalid,
            rejectsPath: options.rejectsPath,
            countyCode: options.countyCode,
          }),
        );
      } else {
        throw new WeijianError('file.format', 'expected .ndjson or .json (FHIR R4), .xlsx or .csv', {
          file: file.name,
        });
      }
    }
    // A person the store can keep only inside an employment: reported, never silently left out.
    for (const { record, place } of practitioners.values()) {
      if (practitioners.get(`${record.key.system}\u001f${record.key.id}`)?.used) continue;
      const report = reports.find((r) => r.file === place.file);
      const reject: Reject = {
        ...place,
        field: 'Practitioner',
        code: 'fhir.practitioner-without-role',
        reason: 'no PractitionerRole of this import names this Practitioner; staff rows are employments',
      };
      report?.rejected.push(reject);
      const source = files.find((f) => f.name === place.file);
      if (options.skipInvalid && source) await rejectFiles.write(source.path, reject);
    }
  } finally {
    await rejectFiles.close();
  }
  return reports;
}

/**
 * One FHIR file, streamed in batches. With skipInvalid each batch is its own transaction (a killed import
 * keeps whole batches; re-running upserts the rest). Without it the whole file is one transaction, rolled
 * back if any record is rejected — nothing of a file with errors is written.
 */
async function importFhirFile(
  database: Database,
  file: RecordFile,
  options: ImportOptions,
  practitioners: PractitionerIndex,
  rejectFiles: RejectFiles,
): Promise<ImportReport> {
  const report: ImportReport = {
    file: file.name,
    format: 'fhir-r4',
    read: 0,
    written: 0,
    rejected: [],
    byType: {},
  };
  const ctx: MapContext = { today: options.today ?? localToday(), defaultSource: `file:${file.name}` };
  const bytesTotal = (await stat(file.path)).size;
  let bytesRead = 0;
  const batchSize = options.batchSize ?? 5000;
  const statistics = new ImportStatistics();
  // One connection for the whole file: its batches run in order, each its own transaction on it.
  await withBulkSession(database, async (sql) => {
    let county = options.countyCode ?? (await onlyCounty(sql));
    const reject = async (r: Reject, raw?: string) => {
      report.rejected.push(r);
      if (options.skipInvalid) await rejectFiles.write(file.path, r, raw);
    };
    const flush = async (batch: BatchItem[], raws: Map<string, string | undefined>) => {
      if (!batch.length) return;
      county ??= countyFromLocations(batch);
      if (!county)
        throw new WeijianError(
          'import.county',
          'which county? pass --county CODE (the database has none or several)',
          { file: file.name },
        );
      if (options.skipInvalid) await sql.query('begin');
      try {
        const result = await writeBatch(sql, county, batch, practitioners);
        for (const r of result.rejects) await reject(r, raws.get(placeKey(r)));
        report.written += result.written;
        for (const [type, n] of Object.entries(result.byType))
          report.byType[type] = (report.byType[type] ?? 0) + n;
        if (options.skipInvalid) await sql.query('commit');
      } catch (error) {
        if (!options.skipInvalid) throw error;
        await sql.query('rollback');
        // A database refusal the checks did not foresee: the batch's records are reported, not lost.
        const reason = `batch not written: ${(error as Error).message}`;
        for (const item of batch)
          await reject({ ...item.place, code: 'import.database', reason }, raws.get(placeKey(item.place)));
      }
      for (const item of batch) statistics.note(item.record.table, 1);
      await statistics.refresh(sql);
      options.onProgress?.({ file: file.name, bytesRead, bytesTotal, resources: report.read });
    };

    if (!options.skipInvalid) await sql.query('begin');
    // The database writes a batch while the next one is read and mapped (two processes, two cores). The
    // mapping rejects of a batch are reported after the batch before it is written, so rejects come in
    // the same order as without the overlap.
    let writing: Promise<void> = Promise.resolve();
    const handOver = async (batch: BatchItem[], raws: Map<string, string | undefined>, early: Early[]) => {
      await writing;
      for (const e of early) await reject(e.reject, e.raw);
      writing = flush(batch, raws);
      // Rethrown by the next `await writing`; handled here so it is never an unhandled rejection meanwhile.
      writing.catch(() => {});
    };
    try {
      let batch: BatchItem[] = [];
      // The raw lines of the batch, kept only to copy a rejected one into the rejects file.
      let raws = new Map<string, string | undefined>();
      let early: Early[] = [];
      const inputs = readFhirFile(file.path, file.name, {
        rank: resourceRank,
        progress: (b) => (bytesRead = b),
      });
      for await (const input of inputs) {
        report.read++;
        const mapped = map(input, ctx);
        if ('reject' in mapped) {
          early.push({ reject: mapped.reject, raw: input.raw });
          continue;
        }
        batch.push(mapped.item);
        if (options.skipInvalid) raws.set(placeKey(input.place), input.raw);
        if (batch.length >= batchSize) {
          await handOver(batch, raws, early);
          batch = [];
          raws = new Map();
          early = [];
        }
      }
      await handOver(batch, raws, early);
      await writing;
      bytesRead = bytesTotal;
      if (!options.skipInvalid) {
        if (report.rejected.length) {
          await sql.query('rollback');
          report.written = 0;
          report.byType = {};
        } else {
          await sql.query('commit');
        }
      }
    } catch (error) {
      await sql.query('rollback').catch(() => undefined);
      throw error;
    }
  });
  return report;
}

/** A record rejected while mapping, waiting for the batch before it to be written. */
interface Early {
  reject: Reject;
  raw: string | undefined;
}

const fileRank = (name: string) => resourceRank(/^([A-Za-z]+)\.ndjson$/.exec(path.basename(name))?.[1]);

const placeKey = (place: Place) => `${place.line ?? ''}#${place.entry ?? ''}`;

function map(input: FhirInput, ctx: MapContext): { item: BatchItem } | { reject: Reject } {
  if ('error' in input) return { reject: { ...input.place, ...input.error } };
  try {
    return { item: { record: fromFhir(input.resource, ctx), place: input.place } };
  } catch (error) {
    if (!(error instanceof WeijianError)) throw error;
    return { reject: { ...input.place, field: error.place.field, code: error.code, reason: error.message } };
  }
}

async function onlyCounty(sql: Sql): Promise<string | undefined> {
  const rows = await sql.query<{ county_code: string }>(
    "select county_code from regions where level = 'county' limit 2",
  );
  return rows.length === 1 ? rows[0]!.county_code : undefined;
}

function countyFromLocations(batch: BatchItem[]): string | undefined {
  const counties = batch.flatMap((i) =>
    i.record.table === 'regions' && i.record.level === 'county' ? [i.record.code.slice(0, 6)] : [],
  );
  return new Set(counties).size === 1 ? counties[0] : undefined;
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The rejects files, opened on the first reject: `<file>.rejects.ndjson` beside each input, or one --rejects PATH. */
class RejectFiles {
  private readonly open = new Map<string, WriteStream>();
  constructor(private readonly options: ImportOptions) {}

  async write(filePath: string, reject: Reject, raw?: string): Promise<void> {
    const target = this.options.rejectsPath ?? `${filePath}.rejects.ndjson`;
    let stream = this.open.get(target);
    if (!stream) {
      stream = createWriteStream(path.resolve(target), { flags: this.options.rejectsPath ? 'a' : 'w' });
      this.open.set(target, stream);
    }
    const line = JSON.stringify({ ...reject, ...(raw ? { resource: safeParse(raw) } : {}) });
    if (!stream.write(`${line}\n`)) await once(stream, 'drain');
  }

  async close(): Promise<void> {
    await Promise.all([...this.open.values()].map((s) => new Promise((resolve) => s.end(resolve))));
  }
}

function safeParse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
