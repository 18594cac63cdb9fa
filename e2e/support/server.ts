import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createUser } from '../../src/access/users.js';
import { openDatabase } from '../../src/store/db.js';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** The accounts the tests sign in with, made before the server starts (as `weijian user add` would). */
export const USERS = {
  admin: { username: 'e2e-admin', password: 'Admin-e2e-2025', role: 'admin' },
  planner: { username: 'e2e-planner', password: 'Planner-e2e-2025', role: 'planner' },
  // A family doctor of one town (西亭镇) of the demo county: resident lookup, and refusal outside the town.
  doctor: {
    username: 'e2e-doctor',
    password: 'Doctor-e2e-2025',
    role: 'doctor',
    regionCode: '320612101',
  },
  // Reads plans and the audit log, changes nothing: the views hide what the role cannot do.
  auditor: { username: 'e2e-auditor', password: 'Auditor-e2e-2025', role: 'auditor' },
} as const;
export type TestUser = (typeof USERS)[keyof typeof USERS];

/** What signing in needs of an account. */
export interface Account {
  username: string;
  password: string;
}

export interface TestSession {
  /** `name=value` pairs for a Cookie header. */
  cookie: string;
  csrfToken: string;
}

const sessions = new Map<string, Promise<TestSession>>();

/**
 * A session of `user`, made once per account and test file and shared by its pages and API calls: the server
 * allows 20 sign-ins a minute from one address (src/access/sign-in.ts), which a suite signing in for every
 * page would exceed. `fresh`: a session of its own (for a test that signs out).
 */
export function sessionOf(baseUrl: string, user: Account, fresh = false): Promise<TestSession> {
  const key = `${baseUrl} ${user.username}`;
  const found = fresh ? undefined : sessions.get(key);
  if (found) return found;
  const created = signInOnce(baseUrl, user);
  if (!fresh) {
    sessions.set(key, created);
    created.catch(() => sessions.delete(key));
  }
  return created;
}

async function signInOnce(baseUrl: string, user: Account): Promise<TestSession> {
  const signIn = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  if (!signIn.ok) throw new Error(`sign-in as ${user.username}: HTTP ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** A signed-in API client for the figures the tests cross-check the pages against. */
export async function apiAs(baseUrl: string, user: TestUser): Promise<<T>(apiPath: string) => Promise<T>> {
  const { cookie } = await sessionOf(baseUrl, user);
  return async <T>(apiPath: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${apiPath}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${apiPath}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
}

async function seedUsers(dataDir: string): Promise<void> {
  const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
  try {
    for (const user of Object.values(USERS)) await createUser(database.db, user);
  } finally {
    await database.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `weijian serve` as `npm start` runs it, in a child process on a free port with a fresh embedded database
 * (always PGlite: the browser tests are about the pages; the API tests cover PostgreSQL). The demo county is
 * kept small so that the first start stays quick.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'weijian-e2e-'));
  await seedUsers(dataDir);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    WEIJIAN_DATA: dataDir,
    WEIJIAN_DEMO_RESIDENTS: process.env.WEIJIAN_DEMO_RESIDENTS ?? '5000',
  };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  // A larger demo county takes longer to generate on first start (200 000 residents: several minutes).
  const deadline = Date.now() + 180_000 + Number(env.WEIJIAN_DEMO_RESIDENTS) * 5;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not up by the deadline:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, stop };
}
