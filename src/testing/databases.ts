import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../store/db.js';

/**
 * The storage backends an integration test runs on: PGlite always, and PostgreSQL when
 * TEST_DATABASE_URL is set. Each `open()` gives a fresh, migrated, empty database.
 */
export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

export const backends: Backend[] = [
  { name: 'pglite', open: () => openDatabase() },
  ...(process.env.TEST_DATABASE_URL ? [postgresBackend(process.env.TEST_DATABASE_URL)] : []),
];

function postgresBackend(adminUrl: string): Backend {
  return { name: 'postgres', open: () => openScratchPostgres(adminUrl) };
}

/** A new, migrated PostgreSQL database next to `adminUrl`'s, dropped again by `close()` (tests, benches). */
export async function openScratchPostgres(adminUrl: string): Promise<Database> {
  const name = `weijian_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
