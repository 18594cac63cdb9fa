import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { WeijianError } from '../domain/errors.js';
import { pgliteSharedBuffers } from './pglite-buffers.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The common Drizzle type of both drivers: code above the store never knows which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The driver underneath, for what Drizzle does not do (COPY for bulk loads). */
  driver: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; pool: pg.Pool };
  /** Where it lives: the PGlite directory or the PostgreSQL URL without password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `postgres://…` for a real PostgreSQL; otherwise PGlite. */
  url?: string;
  /** PGlite data directory; omitted = in memory (tests). */
  dataDir?: string;
}

const migrationsFolder = path.resolve(fileURLToPath(import.meta.url), '../migrations');

/** Opens the database and brings its schema up to date (migrations are idempotent). */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 8 });
    // An idle connection the server ends (a restart, an administrator, a dropped test database) is an
    // 'error' event on the pool; without a listener it would crash the process. The pool discards that
    // connection and opens another on the next query, so there is nothing else to do.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema });
    await migratePg(db, { migrationsFolder });
    return {
      db,
      kind: 'postgres',
      driver: { kind: 'postgres', pool },
      location: redact(options.url),
      close: () => pool.end(),
    };
  }
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const client = new PGlite(options.dataDir, {
      // Set at start (PGlite applies them to a data directory, not in memory), not through its
      // `postgresqlconf` option: that rewrites the whole postgresql.conf (its time zone with it). Its
      // WebAssembly memory ends at 2 GB, shared buffers included: a rebuild's hash tables (each up to twice
      // work_mem) get 64 MB, not the 256 MB the engine asks on a server.
      startParams: [
        ...PGlite.defaultStartParams,
        ...(options.dataDir
          ? [
              '-c',
              `shared_buffers=${pgliteSharedBuffers(options.dataDir)}`,
              '-c',
              'weijian.max_work_mem=64MB',
            ]
          : []),
      ],
    });
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder });
    const close = async () => {
      await client.close();
      unlock();
    };
    return {
      db,
      kind: 'pglite',
      driver: { kind: 'pglite', client },
      location: options.dataDir ?? 'memory://',
      close,
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt it.
 * A lock file with the owner's pid refuses the second opener; a lock left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = `${dataDir}.lock`;
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(readFileSync(lockPath, 'utf8'));
    if (owner !== process.pid && isAlive(owner)) {
      throw new WeijianError(
        'db.in-use',
        `the embedded database ${dataDir} is in use by process ${owner} (a running server?): ` +
          'stop it first, or set DATABASE_URL to share a PostgreSQL between processes',
        {},
        409,
      );
    }
    writeFileSync(lockPath, String(process.pid));
  }
  return () => rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The database the running app uses: `DATABASE_URL`, else PGlite in `WEIJIAN_DATA` (default ./data/pglite). */
export function openDefaultDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return openDatabase({ url });
  return openDatabase({ dataDir: path.resolve(process.env.WEIJIAN_DATA ?? 'data', 'pglite') });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
