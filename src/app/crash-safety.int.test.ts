import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSyntheticCounty } from '../cli/generate.js';
import { rebuildIndicators, refreshAfterBatch } from '../engine/index.js';
import { query } from '../engine/sql/bind.js';
import { openDatabase, type Database } from '../store/db.js';
import { createTestUser, type TestUser } from '../testing/auth.js';
import { openScratchPostgres } from '../testing/databases.js';
import { COUNTY, countyResources } from '../testing/fhir-county.js';
import { digestIndicators } from '../testing/indicator-digest.js';
import { startServerProcess } from '../testing/server-process.js';
import { digestTables } from '../testing/table-digest.js';
import { importRecordFiles } from './import-records.js';

/*
 * Crash safety: kill -9 of the server during a FHIR import and of `weijian indicators compute --full` during a
 * rebuild, on a file-backed PGlite (whose lock file the dead process leaves behind) and on PostgreSQL. After a
 * restart the database holds whole import batches only, the trigger-maintained rollups equal a full
 * recompute, and running the job again finishes it as a clean run would.
 */

const url = process.env.TEST_DATABASE_URL;
const cli = path.resolve('src/cli/main.ts');
const RESIDENTS = 4000;
/** Resources per transaction of an import with skipInvalid (ImportOptions.batchSize's default). */
const BATCH = 5000;

/** A database the server and the CLI reach by environment, and the test in-process between their runs. */
interface Target {
  env: Record<string, string>;
  /** PGlite: the lock file a killed process leaves. */
  lockFile: string | null;
  /**
   * Whether to bring the rollups up to date and compare them with a rebuild after the resumed import. On
   * PGlite each of the two takes minutes for this county, so it runs on PostgreSQL only; the property
   * itself (incremental = rebuild) runs on both in src/engine/incremental.int.test.ts.
   */
  compareRollups: boolean;
  /** Opens it in this process; PGlite must be closed again before a server or the CLI may open it. */
  withDb<T>(work: (database: Database) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

const targets: { name: string; open(): Promise<Target> }[] = [
  {
    name: 'pglite (data directory)',
    open: async () => {
      const root = mkdtempSync(path.join(tmpdir(), 'weijian-crash-'));
      const dataDir = path.join(root, 'pglite');
      return {
        env: { WEIJIAN_DATA: root },
        lockFile: `${dataDir}.lock`,
        compareRollups: false,
        async withDb(work) {
          const database = await openDatabase({ dataDir });
          try {
            return await work(database);
          } finally {
            await database.close();
          }
        },
        dispose: async () => rmSync(root, { recursive: true, force: true }),
      };
    },
  },
  ...(url
    ? [
        {
          name: 'postgres',
          open: async (): Promise<Target> => {
            const database = await openScratchPostgres(url);
            return {
              env: { DATABASE_URL: database.location },
              lockFile: null,
              compareRollups: true,
              withDb: (work) => work(database),
              dispose: () => database.close(),
            };
          },
        },
      ]
    : []),
];

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The lock file names the killed process, which is gone: the next opener must take it over. */
function expectStaleLock(target: Target, pid: number): void {
  if (!target.lockFile) return;
  expect(readFileSync(target.lockFile, 'utf8')).toBe(String(pid));
  expect(isAlive(pid)).toBe(false);
}

async function counts(database: Database): Promise<{ patients: number; encounters: number }> {
  const [row] = await query<{ patients: number; encounters: number }>(
    database.db,
    `SELECT (SELECT count(*)::int FROM residents) AS patients, (SELECT count(*)::int FROM encounters) AS encounters`,
  );
  return row!;
}

/** `weijian …` as a child process on the database `env` names; resolves with its exit and output. */
function runCli(env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function postImport(
  serverUrl: string,
  user: TestUser,
  file: string,
  signal?: AbortSignal,
): Promise<Response> {
  const form = new FormData();
  form.append('skipInvalid', 'true');
  form.append('county', COUNTY);
  form.append('file', new Blob([readFileSync(file)]), 'county.ndjson');
  return fetch(`${serverUrl}/api/import`, { method: 'POST', body: form, headers: user.headers, signal });
}

let dir: string;
let file: string;
let lines: string[];
/** What a clean import writes, and the patients and encounters stored after each of its batches. */
let clean: {
  digest: Awaited<ReturnType<typeof digestTables>>;
  prefixes: { patients: number; encounters: number }[];
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'weijian-crash-file-'));
  file = path.join(dir, 'county.ndjson');
  lines = [...countyResources(RESIDENTS)].map((r) => JSON.stringify(r));
  writeFileSync(file, lines.join('\n'));
  const database = await openDatabase();
  try {
    let batches = 0;
    const [report] = await importRecordFiles(database, [{ name: 'county.ndjson', path: file }], {
      skipInvalid: true,
      countyCode: COUNTY,
      onProgress: () => batches++,
    });
    expect(report!.rejected).toEqual([]);
    expect(batches).toBe(Math.ceil(lines.length / BATCH));
    // Batches commit whole: with no rejects, after k of them exactly the records of the first k × BATCH
    // lines are stored.
    const typeOf = lines.map((l) => (JSON.parse(l) as { resourceType: string }).resourceType);
    const prefixes = Array.from({ length: batches + 1 }, (_, k) => typeOf.slice(0, k * BATCH)).map(
      (read) => ({
        patients: read.filter((t) => t === 'Patient').length,
        encounters: read.filter((t) => t === 'Encounter').length,
      }),
    );
    clean = { digest: await digestTables(database), prefixes };
    expect(prefixes.at(-1)).toEqual(await counts(database));
    expect(prefixes.length).toBeGreaterThan(3);
  } finally {
    await database.close();
  }
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(targets)('kill -9 on $name', (spec) => {
  it('during an import through the API: whole batches stay, the restarted server re-runs it to the end', async () => {
    const target = await spec.open();
    try {
      const user = await target.withDb((database) => createTestUser(database.db, 'admin'));
      const server = await startServerProcess(target.env);
      const abort = new AbortController();
      const upload = postImport(server.url, user, file, abort.signal).catch((error: unknown) => error);
      // The log line comes after the first batch's commit; the second is under way when the kill lands.
      await server.waitForLog(/"msg":"import progress"/);
      await server.kill();
      // Node 20's fetch can spin on a connection its peer dropped mid-request instead of failing: end it.
      abort.abort();
      expect(await upload).toBeInstanceOf(Error);
      expectStaleLock(target, server.pid);

      // The server starts again over what the dead one left (PGlite: its lock, and WAL recovery).
      const recovered = await startServerProcess(target.env);
      expect((await fetch(`${recovered.url}/api/health`)).status).toBe(200);
      await recovered.stop();
      const afterKill = await target.withDb(counts);
      expect(afterKill.encounters).toBeGreaterThan(0);
      expect(afterKill.encounters).toBeLessThan(clean.prefixes.at(-1)!.encounters);
      expect(clean.prefixes, 'no half-written batch').toContainEqual(afterKill);

      const again = await startServerProcess(target.env);
      try {
        const response = await postImport(again.url, user, file);
        expect(response.status).toBe(200);
        const { reports } = (await response.json()) as { reports: { read: number; rejected: unknown[] }[] };
        expect([reports[0]!.read, reports[0]!.rejected]).toEqual([lines.length, []]);
      } finally {
        await again.stop();
      }
      await target.withDb(async (database) => {
        expect(await digestTables(database)).toEqual(clean.digest);
        if (!target.compareRollups) return;
        // The rollups the import's triggers kept, brought up to date, equal a rebuild from the records.
        await refreshAfterBatch(database.db, COUNTY);
        const maintained = await digestIndicators(database.db, COUNTY);
        expect(maintained.indicator_values!.rows).toBeGreaterThan(0);
        await rebuildIndicators(database.db, COUNTY);
        expect(maintained).toEqual(await digestIndicators(database.db, COUNTY));
      });
    } finally {
      await target.dispose();
    }
  }, 600_000);

  it('during `indicators compute --full`: nothing of the rebuild is kept, running it again completes it', async () => {
    const target = await spec.open();
    try {
      const { expected, before, rebuildMs } = await target.withDb(async (database) => {
        const options = { countyCode: COUNTY, residents: 3000, seed: 7, firstYear: 2020, lastYear: 2025 };
        await loadSyntheticCounty(database, options);
        const started = performance.now();
        await rebuildIndicators(database.db, COUNTY);
        const rebuildMs = performance.now() - started;
        const expected = await digestIndicators(database.db, COUNTY);
        // The state the killed rebuild must leave as it was: values gone, rollups in place.
        await query(database.db, `DELETE FROM indicator_values WHERE county_code = :county`, {
          county: COUNTY,
        });
        return { expected, before: await digestIndicators(database.db, COUNTY), rebuildMs };
      });
      expect(before.indicator_values!.rows).toBe(0);

      const run = runCli(target.env, ['indicators', 'compute', '--full', '--region', COUNTY]);
      while (!run.output().stdout.includes('rebuilding')) {
        if (run.child.exitCode !== null) throw new Error(`the CLI exited: ${run.output().stderr}`);
        await sleep(10);
      }
      // A third of the time the rebuild took here: well inside its one transaction.
      await sleep(rebuildMs / 3);
      expect(run.output().stdout, 'killed before the rebuild finished').not.toMatch(/values written/);
      run.child.kill('SIGKILL');
      await run.exited;
      expectStaleLock(target, run.child.pid!);
      await target.withDb(async (database) =>
        expect(await digestIndicators(database.db, COUNTY)).toEqual(before),
      );

      const again = runCli(target.env, ['indicators', 'compute', '--full', '--region', COUNTY]);
      expect(await again.exited, again.output().stderr).toBe(0);
      expect(again.output().stdout).toMatch(/values written/);
      await target.withDb(async (database) =>
        expect(await digestIndicators(database.db, COUNTY)).toEqual(expected),
      );
    } finally {
      await target.dispose();
    }
  }, 600_000);
});

// The CLI's import on PostgreSQL, which a second process can watch while it runs.
describe.runIf(url)('an import by the CLI killed with kill -9 (postgres)', () => {
  it('leaves whole batches, and re-running finishes the job as a clean import would', async () => {
    const killed = await openScratchPostgres(url!);
    try {
      const env = { DATABASE_URL: killed.location };
      const run = runCli(env, ['import', file, '--skip-invalid', '--county', COUNTY]);
      // Kill once some batches are committed and before the end.
      while ((await counts(killed)).encounters === 0) await sleep(20);
      run.child.kill('SIGKILL');
      await run.exited;
      const afterKill = await counts(killed);
      expect(afterKill.encounters).toBeLessThan(clean.prefixes.at(-1)!.encounters);
      expect(clean.prefixes, 'no half-written batch').toContainEqual(afterKill);

      const again = runCli(env, ['import', file, '--skip-invalid', '--county', COUNTY]);
      expect(await again.exited, again.output().stderr).toBe(0);
      expect(await digestTables(killed)).toEqual(clean.digest);
    } finally {
      await killed.close();
    }
  }, 300_000);
});
