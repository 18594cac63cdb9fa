// `npm run bench -- ingest [--resources 1000000] [--pglite]`: NDJSON ingest of a realistic mix of FHIR
// resources (bench/README.md), against a raw COPY of the same rows into the same tables.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { to as copyTo } from 'pg-copy-streams';
import { importRecordFiles } from '../src/app/import-records.js';
import { boundHeapGrowth } from '../src/cli/heap.js';
import { openBulkSession } from '../src/store/bulk-copy.js';
import { openDatabase, type Database } from '../src/store/db.js';
import { openScratchPostgres } from '../src/testing/databases.js';
import { countyFrame, residentRecords } from '../src/testing/fhir-county.js';
import { DIGEST_TABLES } from '../src/testing/table-digest.js';
import { cpuMark, cpuSince } from './_cpu.js';
import type { Bench } from './main.js';

const ingest: Bench = async (args) => {
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const pglite = args.includes('--pglite');
  const target = option('resources', pglite ? 200_000 : 1_000_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'weijian-bench-ingest-'));
  const file = path.join(dir, 'county.ndjson');
  const mix = await writeNdjson(file, target);

  const database = pglite
    ? await openCreatedPglite(dir)
    : await openScratchPostgres(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  const rssAtStart = process.memoryUsage().rss;
  // As `weijian import` runs.
  boundHeapGrowth();
  try {
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const loadBefore = loadavg().map((l) => Math.round(l * 10) / 10);
    const cpu = await cpuMark(database);
    const started = performance.now();
    const [report] = await importRecordFiles(database, [{ name: 'county.ndjson', path: file }], {
      skipInvalid: false,
      today: '2025-06-30',
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const used = await cpuSince(database, cpu);
    if (report!.rejected.length)
      throw new Error(`unexpected rejects: ${JSON.stringify(report!.rejected.slice(0, 3))}`);
    const copySeconds = await rawCopySeconds(database);
    return {
      storage: database.kind,
      resources: report!.read,
      mix,
      fileMB: Math.round(statSync(file).size / 1e6),
      seconds: round(seconds),
      resourcesPerSecond: Math.round(report!.read / seconds),
      // On a loaded machine: resources per CPU-second of importer and database together.
      resourcesPerCpuSecond:
        used.backendCpuSeconds === null
          ? null
          : Math.round(report!.read / (used.nodeCpuSeconds + used.backendCpuSeconds)),
      ...used,
      loadAverageBefore: loadBefore,
      peakRssMB: Math.round(peakRss / 1e6),
      // Before the import, with the database open (PGlite's engine lives in this process).
      rssAtStartMB: Math.round(rssAtStart / 1e6),
      rawCopySeconds: round(copySeconds),
      ingestToCopyRatio: round(seconds / copySeconds),
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * A PGlite database as `weijian import` meets it: created and migrated by an earlier process (the first
 * `npm start` or command). Creating one costs PGlite ~500 MB more of WebAssembly memory, which it keeps
 * until the process ends: in the measuring process it would be counted as the import's.
 */
async function openCreatedPglite(dataRoot: string): Promise<Database> {
  execFileSync(process.execPath, ['bin/weijian.js', 'plan', 'list'], {
    env: { ...process.env, WEIJIAN_DATA: dataRoot, DATABASE_URL: '' },
    stdio: 'ignore',
  });
  return openDatabase({ dataDir: path.join(dataRoot, 'pglite') });
}

/** The NDJSON file: the county frame, then residents with their records until `target` resources. */
async function writeNdjson(file: string, target: number): Promise<Record<string, number>> {
  const out = createWriteStream(file);
  const mix: Record<string, number> = {};
  let written = 0;
  const emit = async (resource: { resourceType: string }) => {
    mix[resource.resourceType] = (mix[resource.resourceType] ?? 0) + 1;
    written++;
    if (!out.write(`${JSON.stringify(resource)}\n`)) await once(out, 'drain');
  };
  for (const r of countyFrame()) await emit(r);
  for (let i = 0; written < target; i++) {
    for (const r of residentRecords(i)) await emit(r);
  }
  out.end();
  await once(out, 'finish');
  return mix;
}

/**
 * The floor: the rows the import wrote, copied out, the tables emptied, and the same rows COPYed back
 * into the same tables (same indexes and constraints), in one transaction.
 */
async function rawCopySeconds(database: Database): Promise<number> {
  const session = await openBulkSession(database);
  try {
    const dumps: { table: string; columns: string[]; data: Uint8Array[] }[] = [];
    for (const table of DIGEST_TABLES) {
      const columns = (
        await session.query<{ c: string }>(
          `select column_name as c from information_schema.columns where table_name = $1 order by ordinal_position`,
          [table],
        )
      ).map((r) => r.c);
      dumps.push({ table, columns, data: await copyOut(database, table) });
    }
    await session.query(`truncate ${DIGEST_TABLES.join(', ')} cascade`);
    const started = performance.now();
    await session.query('begin');
    for (const d of dumps) await session.copyIn(d.table, d.columns, d.data);
    await session.query('commit');
    return (performance.now() - started) / 1000;
  } finally {
    await session.release();
  }
}

async function copyOut(database: Database, table: string): Promise<Uint8Array[]> {
  if (database.driver.kind === 'pglite') {
    const result = await database.driver.client.query(`COPY ${table} TO '/dev/blob'`);
    return [new Uint8Array(await result.blob!.arrayBuffer())];
  }
  const client = await database.driver.pool.connect();
  try {
    const chunks: Uint8Array[] = [];
    const stream = client.query(copyTo(`COPY ${table} TO STDOUT`));
    for await (const chunk of stream) chunks.push(chunk as Uint8Array);
    return chunks;
  } finally {
    client.release();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

export default ingest;
