// Shared by the load and soak benches: a demo county in a database, a `weijian serve` child process on
// loopback over it, the request mix, and autocannon runs against it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createApiToken, createSession } from '../src/access/sessions.js';
import { createUser, findUser } from '../src/access/users.js';
import { loadSyntheticCounty } from '../src/cli/generate.js';
import { query } from '../src/engine/sql/bind.js';
import { openDatabase, type Database } from '../src/store/db.js';
import { openScratchPostgres } from '../src/testing/databases.js';
import { startServerProcess, type ServerProcess } from '../src/testing/server-process.js';

export const COUNTY = '320612';

export interface BenchOptions {
  residents: number;
  /** PGlite parent directory (the database is `<dir>/pglite`) kept between runs; default a temporary one. */
  data: string | null;
  /** PostgreSQL: a URL kept between runs, or a scratch database next to BENCH_DATABASE_URL. */
  postgres: boolean;
  url: string | null;
  /** 0: a free one. */
  port: number;
  connections: number;
}

export function parseOptions(args: string[], defaults: Partial<BenchOptions> = {}) {
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
  };
  const options: BenchOptions = {
    residents: Number(option('residents', String(defaults.residents ?? 20_000))),
    data: option('data', '') || null,
    postgres: args.includes('--postgres') || args.includes('--url'),
    url: option('url', '') || null,
    port: Number(option('port', '0')),
    connections: Number(option('connections', String(defaults.connections ?? 50))),
  };
  return { options, option };
}

/**
 * What the requests are made of: a token and a browser session of a county-wide CDC user, regions, years and
 * resident ids.
 */
export interface Fixture {
  token: string;
  /** Session id for the `wj_session` cookie (the web app signs in with a session, not a token). */
  session: string;
  regions: string[];
  residentIds: number[];
  residents: number;
}

export interface Prepared {
  fixture: Fixture;
  /** Environment of the server process (which database). */
  env: Record<string, string>;
  storage: 'pglite' | 'postgres';
  generateSeconds: number;
  dispose(): Promise<void>;
}

/**
 * Opens (and, when it has no residents, generates) the demo county, creates the bench account and its
 * token, and closes the database again: the embedded one belongs to one process, the server's.
 */
export async function prepare(options: BenchOptions): Promise<Prepared> {
  let root: string | null = null;
  let scratch: Database | null = null;
  let database: Database;
  let env: Record<string, string>;
  if (options.postgres) {
    if (options.url) {
      database = await openDatabase({ url: options.url });
      env = { DATABASE_URL: options.url };
    } else {
      scratch = await openScratchPostgres(
        process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      );
      database = scratch;
      // The scratch database's URL: location is redacted only when it has a password, which it has not here.
      env = { DATABASE_URL: scratch.location };
    }
  } else {
    root = options.data ?? mkdtempSync(path.join(tmpdir(), 'weijian-load-'));
    database = await openDatabase({ dataDir: path.join(root, 'pglite') });
    env = { WEIJIAN_DATA: root };
  }
  let generateSeconds = 0;
  let fixture: Fixture;
  try {
    const [count] = await query<{ n: number }>(
      database.db,
      `SELECT count(*)::int AS n FROM residents WHERE county_code = :county`,
      { county: COUNTY },
    );
    let residents = count!.n;
    if (!residents) {
      const started = performance.now();
      await loadSyntheticCounty(database, {
        countyCode: COUNTY,
        residents: options.residents,
        seed: 1,
        firstYear: 2020,
        lastYear: 2025,
      });
      generateSeconds = Math.round((performance.now() - started) / 100) / 10;
      residents = (await query<{ n: number }>(database.db, `SELECT count(*)::int AS n FROM residents`))[0]!.n;
    }
    const username = 'bench-cdc';
    let user = await findUser(database.db, username);
    if (!user) {
      await createUser(
        database.db,
        { username, password: `Bench-${Date.now()}-pass`, role: 'cdc', regionCode: COUNTY },
        { N: 2 ** 10, r: 8, p: 1 },
      );
      user = (await findUser(database.db, username))!;
    }
    const { token } = await createApiToken(database.db, username, 'bench');
    const session = await createSession(database.db, user.id);
    const regions = (
      await query<{ code: string }>(
        database.db,
        `SELECT code FROM regions WHERE county_code = :county AND level IN ('county', 'town') ORDER BY code`,
        { county: COUNTY },
      )
    ).map((r) => r.code);
    // Every 7th resident of the county: lookups spread over the table rather than a hot few pages.
    const residentIds = (
      await query<{ id: number }>(
        database.db,
        `SELECT id FROM residents WHERE county_code = :county AND id % 7 = 0 ORDER BY id LIMIT 5000`,
        { county: COUNTY },
      )
    ).map((r) => Number(r.id));
    fixture = { token, session, regions, residentIds, residents };
  } finally {
    if (!scratch) await database.close();
  }
  return {
    fixture,
    env,
    storage: options.postgres ? 'postgres' : 'pglite',
    generateSeconds,
    async dispose() {
      if (scratch) await scratch.close();
      if (root && !options.data) rmSync(root, { recursive: true, force: true });
    },
  };
}

export type Server = ServerProcess;

/** `weijian serve` as `npm start` runs it (request logging on): the process whose memory the soak samples. */
export const startServer = (env: Record<string, string>, port: number): Promise<Server> =>
  startServerProcess(env, { port });

/** Resident set size of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) throw new Error(`no VmRSS for process ${pid}`);
  return Math.round((Number(line[1]) / 1024) * 10) / 10;
}

export type Mix = 'indicators' | 'records' | 'reveal' | 'mixed';

/** One request as both autocannon and fetch take it. */
interface Call {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * The requests of a mix, one after another: indicator reads (a county or town, one year or all six),
 * record lookups (a resident's record with its timeline of every visit, follow-up, check-up…, masked and
 * audited, `GET /api/residents/:county/:id/timeline`), reveals of the full identifiers (audited, with a
 * reason) and `mixed`: half indicator reads, half record lookups.
 */
export function callsOf(fixture: Fixture, mix: Mix): () => Call {
  let n = 0;
  // Per-request headers replace autocannon's defaults: the token goes in each.
  const authorization = `Bearer ${fixture.token}`;
  const resident = () => fixture.residentIds[(n * 31) % fixture.residentIds.length]!;
  const indicatorRead = (): Call => {
    const region = fixture.regions[n % fixture.regions.length]!;
    const year = n % 7 === 6 ? '' : `&year=${2020 + (n % 6)}`;
    return { method: 'GET', path: `/api/indicators?region=${region}${year}`, headers: { authorization } };
  };
  const recordRead = (): Call => ({
    method: 'GET',
    path: `/api/residents/${COUNTY}/${resident()}/timeline`,
    headers: { authorization },
  });
  const reveal = (): Call => ({
    method: 'POST',
    path: `/api/residents/${COUNTY}/${resident()}/reveal`,
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ reason: '负载测试 load test' }),
  });
  return () => {
    n++;
    if (mix === 'reveal') return reveal();
    return mix === 'indicators' || (mix === 'mixed' && n % 2 === 0) ? indicatorRead() : recordRead();
  };
}

/** One request of each kind, answered 200, before any load: a wrong setup fails here with its answer. */
export async function probe(server: Server, fixture: Fixture): Promise<void> {
  for (const mix of ['indicators', 'records', 'reveal'] as const) {
    const call = callsOf(fixture, mix)();
    const response = await fetch(`${server.url}${call.path}`, call);
    if (response.status !== 200)
      throw new Error(`${call.method} ${call.path}: ${response.status} ${await response.text()}`);
  }
}

export interface LoadFigures {
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP90Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export async function runLoad(
  server: Server,
  fixture: Fixture,
  mix: Mix,
  seconds: number,
  connections: number,
): Promise<LoadFigures> {
  const next = callsOf(fixture, mix);
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
  return {
    seconds,
    connections,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    latencyP50Ms: result.latency.p50,
    latencyP90Ms: result.latency.p90,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** The system's 1-minute load average, as /proc/loadavg has it (other work on the machine shows here). */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}
