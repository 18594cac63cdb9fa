import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../testing/databases.js';
import { openBulkSession } from './bulk-copy.js';
import type { Database } from './db.js';
import { hasAutovacuum, maintainTables, startMaintenance } from './maintenance.js';

describe.each(backends)('table maintenance on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  /** Runs statements on one session and makes its activity counters visible (flushed at once). */
  const onOneSession = async (...statements: string[]) => {
    const session = await openBulkSession(database);
    try {
      for (const s of [...statements, 'SELECT pg_stat_force_next_flush()', 'SELECT 1'])
        await session.query(s);
    } finally {
      await session.release();
    }
  };
  /** The first row of a query, on a session of its own. */
  const firstRow = async <T>(text: string) => {
    const session = await openBulkSession(database);
    try {
      const [row] = await session.query<T>(text);
      return row!;
    } finally {
      await session.release();
    }
  };
  const activity = () =>
    firstRow<{ dead: number; lastVacuum: string }>(
      `SELECT n_dead_tup::int AS dead, last_vacuum::text AS "lastVacuum"
       FROM pg_stat_user_tables WHERE relname = 'maintenance_probe'`,
    );
  const dead = async () => (await activity()).dead;

  it('vacuums a table past 1 000 + 20 % inserted rows, marking its pages all-visible', async () => {
    await onOneSession(
      'CREATE TABLE maintenance_loaded (id int PRIMARY KEY)',
      'INSERT INTO maintenance_loaded SELECT g FROM generate_series(1, 900) AS g',
    );
    // 900 rows inserted: analyzed (past 50 + 10 % × 0), not vacuumed (below 1 000 + 20 % × 0).
    const first = await maintainTables(database);
    expect(first.analyzed).toContain('maintenance_loaded');
    expect(first.vacuumed).not.toContain('maintenance_loaded');
    // 1 300 more: past 1 000 + 20 % × 900 = 1 180.
    await onOneSession('INSERT INTO maintenance_loaded SELECT g FROM generate_series(901, 2200) AS g');
    expect((await maintainTables(database)).vacuumed).toContain('maintenance_loaded');
    const pages = await firstRow<{ all: boolean }>(
      `SELECT relallvisible = relpages AND relpages > 0 AS all FROM pg_class WHERE relname = 'maintenance_loaded'`,
    );
    expect(pages.all).toBe(true);
  });

  it('analyzes a table past 50 + 10 % changed rows and vacuums one past 50 + 20 % dead rows', async () => {
    await onOneSession(
      'CREATE TABLE maintenance_probe (id int PRIMARY KEY, v int)',
      'INSERT INTO maintenance_probe SELECT g, 0 FROM generate_series(1, 10000) AS g',
    );
    // 10 000 rows inserted: past the insert threshold as well.
    const first = await maintainTables(database);
    expect(first.analyzed).toContain('maintenance_probe');
    expect(first.vacuumed).toContain('maintenance_probe');

    // 5 000 dead rows against a threshold of 50 + 0.2 × 10 000 = 2 050.
    await onOneSession('UPDATE maintenance_probe SET v = 1 WHERE id <= 5000');
    expect(await dead()).toBe(5000);
    const second = await maintainTables(database);
    expect(second.vacuumed).toContain('maintenance_probe');
    expect(await dead()).toBe(0);

    // 100 changed rows: below both thresholds.
    await onOneSession('UPDATE maintenance_probe SET v = 2 WHERE id <= 100');
    const third = await maintainTables(database);
    expect(third.analyzed).not.toContain('maintenance_probe');
    expect(third.vacuumed).not.toContain('maintenance_probe');
  });

  // PGlite is one session: what it just wrote counts at once (its counters are flushed first).
  it.runIf(backend.name === 'pglite')('counts the writes of the moment before on PGlite', async () => {
    const session = await openBulkSession(database);
    await session.query('CREATE TABLE maintenance_fresh (id int PRIMARY KEY, v int)');
    await session.query('INSERT INTO maintenance_fresh SELECT g, 0 FROM generate_series(1, 5000) AS g');
    await session.release();
    expect((await maintainTables(database)).analyzed).toContain('maintenance_fresh');
  });

  it('knows whether the database vacuums itself: never PGlite, PostgreSQL as its autovacuum setting says', async () => {
    const row = await firstRow<{ autovacuum: string }>(`SELECT current_setting('autovacuum') AS autovacuum`);
    expect(await hasAutovacuum(database)).toBe(backend.name === 'postgres' && row.autovacuum === 'on');
  });

  it('runs by itself where the database has no autovacuum, and not where it has', async () => {
    await onOneSession('UPDATE maintenance_probe SET v = 3 WHERE id <= 6000');
    const before = await activity();
    expect(before.dead).toBeGreaterThan(2050);
    const stop = await startMaintenance(database, { intervalMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await stop();
    const after = await activity();
    // last_vacuum is a manual VACUUM's (PostgreSQL's own autovacuum sets last_autovacuum).
    if (!(await hasAutovacuum(database))) {
      expect(after.lastVacuum > before.lastVacuum).toBe(true);
      expect(after.dead).toBe(0);
    } else {
      expect(after.lastVacuum).toBe(before.lastVacuum);
    }
  });
});
