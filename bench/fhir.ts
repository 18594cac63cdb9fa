// `npm run bench -- fhir [--residents 200000] [--bundles 5] [--seconds 10] [--pglite]`: the FHIR REST API over
// HTTP (bench/README.md). Transaction Bundles of ~1 000 Synthea-style resources with 1 and 4 concurrent
// clients (resources/s); single creates over 8 connections (requests/s, p50/p99); and on a generated county
// of --residents, `Patient?birthdate=ge1960-01-01&_count=100` and `Observation?patient=` (p50/p99 ms).
// The server runs in this process and the clients share its two cores.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import { readSql } from '../src/api/fhir/context.js';
import { buildApp } from '../src/api/server.js';
import { importRecordFiles } from '../src/app/import-records.js';
import { loadSyntheticCounty } from '../src/cli/generate.js';
import { SID } from '../src/fhir/systems.js';
import { openDatabase, type Database } from '../src/store/db.js';
import { createTestUser } from '../src/testing/auth.js';
import { openScratchPostgres } from '../src/testing/databases.js';
import { countyFrame } from '../src/testing/fhir-county.js';
import { patientBundle } from '../src/testing/fhir-synthea.js';
import type { Bench } from './main.js';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

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
  const loadBefore = loadavg().map((l) => round(l, 2));
  try {
    const ingest = await ingestFigures(open, bundles, seconds);
    const search = await searchFigures(open, residents);
    return {
      storage: pglite ? 'pglite' : 'postgres',
      loadAverageBefore: loadBefore,
      ...ingest,
      ...search,
      loadAverageAfter: loadavg().map((l) => round(l, 2)),
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
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/fhir+json', prefer: 'return=minimal' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 500)}`);
    return text;
  };
  return { app, call };
}

/** Transaction Bundles of about `size` resources: whole Synthea-style patients, seeds from `seed`. */
function bundleOf(seed: number, size: number): { bundle: Bundle; next: number } {
  const entry: BundleEntry[] = [];
  while (entry.length < size) entry.push(...(patientBundle({ seed: seed++ }).entry ?? []));
  return { bundle: { resourceType: 'Bundle', type: 'transaction', entry }, next: seed };
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
    const { app, call } = await serve(database);
    try {
      let seed = 1;
      const take = () => {
        const made = bundleOf(seed, 1000);
        seed = made.next;
        return made.bundle;
      };
      await call('POST', '', take()); // warm-up: loads the R4 definitions for validation
      const run = async (clients: number) => {
        const work = Array.from({ length: clients }, () => Array.from({ length: bundles }, take));
        const resources = work.flat().reduce((n, b) => n + b.entry!.length, 0);
        const started = performance.now();
        await Promise.all(work.map(async (mine) => { for (const b of mine) await call('POST', '', b); })); // prettier-ignore
        const s = (performance.now() - started) / 1000;
        return { resources, seconds: round(s, 2), resourcesPerSecond: Math.round(resources / s) };
      };
      const one = await run(1);
      const four = await run(4);

      // Single creates: 8 connections, each posting Patients for `seconds`.
      let serial = 0;
      const latencies: number[] = [];
      const until = performance.now() + seconds * 1000;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (performance.now() < until) {
            const n = serial++;
            const at = performance.now();
            await call('POST', '/Patient', {
              resourceType: 'Patient',
              identifier: [{ system: SID.insurance, value: `BENCH-${n}` }],
              name: [{ family: 'Müller', given: [`Zoë${n}`] }],
              gender: n % 2 ? 'female' : 'male',
              birthDate: '1980-01-01',
            });
            latencies.push(performance.now() - at);
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      return {
        transaction1Client: { bundleResources: Math.round(one.resources / bundles), ...one },
        transaction4Clients: { bundleResources: Math.round(four.resources / (4 * bundles)), ...four },
        singleCreates8Connections: {
          requests: latencies.length,
          requestsPerSecond: Math.round(latencies.length / elapsed),
          p50Ms: round(quantile(latencies, 0.5)),
          p99Ms: round(quantile(latencies, 0.99)),
        },
      };
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
    const { app, call } = await serve(database);
    try {
      // Residents with observations (follow-ups or check-ups), drawn evenly.
      const sample = (
        await readSql(database).query<{ id: string }>(
          `select resident_id::text as id from health_checkups where county_code = '320612'
           group by resident_id order by md5(resident_id::text) limit 200`,
        )
      ).map((r) => r.id);
      const time = async (urls: string[]) => {
        const ms: number[] = [];
        for (const url of urls) {
          const at = performance.now();
          await call('GET', url);
          ms.push(performance.now() - at);
        }
        return { requests: ms.length, p50Ms: round(quantile(ms, 0.5)), p99Ms: round(quantile(ms, 0.99)) };
      };
      await time(Array.from({ length: 20 }, () => '/Patient?birthdate=ge1960-01-01&_count=100'));
      const birthdate = await time(
        Array.from({ length: 200 }, () => '/Patient?birthdate=ge1960-01-01&_count=100'),
      );
      const observations = await time(sample.map((id) => `/Observation?patient=${id}`));
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
