// `npm run bench -- fhir [--residents 200000] [--bundles 5] [--seconds 10] [--pglite]`: the FHIR REST API over
// HTTP (bench/README.md). Transaction Bundles of ~1 000 Synthea-style resources with 1 and 4 concurrent
// clients (resources/s); single creates over 8 connections (requests/s, p50/p99); and on a generated county
// of --residents, `Patient?birthdate=ge1960-01-01&_count=100` and `Observation?patient=` (p50/p99 ms).
// The server runs in this process, the clients in a child process (bench/_fhir-client.ts), so the clients'
// work is not charged to the server's event loop; both share the machine's cores, and the load average is
// printed beside every figure.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readSql } from '../src/api/fhir/context.js';
import { buildApp } from '../src/api/server.js';
import { importRecordFiles } from '../src/app/import-records.js';
import { loadSyntheticCounty } from '../src/cli/generate.js';
import { openDatabase, type Database } from '../src/store/db.js';
import { createTestUser } from '../src/testing/auth.js';
import { openScratchPostgres } from '../src/testing/databases.js';
import { countyFrame } from '../src/testing/fhir-county.js';
import { bundleOf, type ClientJob } from './_fhir-client.js';
import type { Bench } from './main.js';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const load = () => loadavg().map((l) => round(l, 2));
const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs one client job in its own process; its figures with the load average when it ended. */
async function client(job: ClientJob): Promise<Record<string, unknown>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(here, '_fhir-client.ts'), JSON.stringify(job)],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return {
    ...(JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>),
    loadAverage: load(),
  };
}

const fhir: Bench = async (args) => {
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const residents = option('residents', 200_000);
  const bundles = option('bundles', 5);
  const seconds = option('seconds', 10);
  const pglite = args.includes('--pglite');
  const dirs: string[] = [];
  const open = async (): Promise<Database> => {
    if (!pglite)
      return openScratchPostgres(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
    const dir = mkdtempSync(path.join(tmpdir(), 'weijian-bench-fhir-'));
    dirs.push(dir);
    return openDatabase({ dataDir: path.join(dir, 'pglite') });
  };
  const loadBefore = load();
  try {
    const ingest = await ingestFigures(open, bundles, seconds);
    const search = await searchFigures(open, residents);
    return {
      storage: pglite ? 'pglite' : 'postgres',
      clients: 'separate process',
      loadAverageBefore: loadBefore,
      ...ingest,
      ...search,
      loadAverageAfter: load(),
    };
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
};

/** A server on a free loopback port over `database`, with an administrator's token. */
async function serve(database: Database) {
  const app = await buildApp(database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/fhir`;
  const { token } = await createTestUser(database.db, 'admin');
  return { app, base, token };
}

async function ingestFigures(open: () => Promise<Database>, bundles: number, seconds: number) {
  const database = await open();
  const dir = mkdtempSync(path.join(tmpdir(), 'weijian-bench-frame-'));
  try {
    writeFileSync(
      path.join(dir, 'frame.ndjson'),
      [...countyFrame()].map((r) => JSON.stringify(r)).join('\n'),
    );
    await importRecordFiles(database, [{ name: 'frame.ndjson', path: path.join(dir, 'frame.ndjson') }], {
      skipInvalid: false,
      today: '2025-06-30',
    });
    const { app, base, token } = await serve(database);
    try {
      // Warm-up: loads the R4 definitions for validation and puts some records in every table; then the
      // statistics autovacuum would gather on a live server (fresh tables have none, and the planner then
      // picks scans that cost O(n²) in a 1 000-row write).
      let seed = 1;
      for (let i = 0; i < 2; i++) {
        const made = bundleOf(seed, 1000);
        seed = made.next;
        await app.inject({
          method: 'POST',
          url: '/fhir',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
          payload: JSON.stringify(made.bundle),
        });
      }
      if (database.driver.kind === 'postgres') await database.driver.pool.query('analyze');
      const run = async (clients: number) => {
        const figures = await client({ kind: 'transactions', base, token, seed, clients, bundles });
        seed = figures.nextSeed as number;
        delete figures.nextSeed;
        return figures;
      };
      const one = await run(1);
      const four = await run(4);
      const creates = await client({ kind: 'creates', base, token, connections: 8, seconds });
      return { transaction1Client: one, transaction4Clients: four, singleCreates8Connections: creates };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function searchFigures(open: () => Promise<Database>, residents: number) {
  const database = await open();
  try {
    const generated = await loadSyntheticCounty(database, {
      countyCode: '320612',
      residents,
      seed: 1,
      firstYear: 2020,
      lastYear: 2025,
    });
    const { app, base, token } = await serve(database);
    try {
      // Residents with observations (follow-ups or check-ups), drawn evenly.
      const sample = (
        await readSql(database).query<{ id: string }>(
          `select resident_id::text as id from health_checkups where county_code = '320612'
           group by resident_id order by md5(resident_id::text) limit 200`,
        )
      ).map((r) => r.id);
      const birthdate = await client({
        kind: 'searches',
        base,
        token,
        urls: Array.from({ length: 200 }, () => '/Patient?birthdate=ge1960-01-01&_count=100'),
        warmUp: 20,
      });
      const observations = await client({
        kind: 'searches',
        base,
        token,
        urls: sample.map((id) => `/Observation?patient=${id}`),
        warmUp: 20,
      });
      return {
        county: { residents, generateSeconds: round(generated.seconds) },
        patientBirthdateGe1960Count100: birthdate,
        observationByPatient: observations,
      };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

export default fhir;
