import { openBulkSession } from './bulk-copy.js';
import type { Database } from './db.js';

/*
 * Autovacuum for a database without one. PostgreSQL's autovacuum launcher vacuums and analyzes a table
 * as its rows change; PGlite is one backend inside the app's process and has no launcher, and a
 * PostgreSQL server may run with `autovacuum = off` (some CI and bulk-load setups do). Without this their
 * tables would never be vacuumed nor analyzed after a load: every refresh of the indicators
 * rewrites person-years and values, the dead rows pile up in their pages, and every later refresh and
 * read walks past them (the refresh slows run after run), planned on statistics of the day of the load.
 * The thresholds are PostgreSQL's defaults: vacuum a table once more than 50 + 20 % of its rows are dead,
 * or once more than 1 000 + 20 % of its rows were inserted since it last was (the vacuum marks their pages
 * all-visible, so that index-only scans, such as the indicator rebuild's over encounters, need not read
 * the table); analyze it once more than 50 + 10 % have changed since it last was.
 */

/** The tables a pass vacuumed (and analyzed) or analyzed alone. */
export interface MaintenanceReport {
  vacuumed: string[];
  analyzed: string[];
}

const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;
const VACUUM_INSERT_BASE = 1000;
const VACUUM_INSERT_SCALE = 0.2;
const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;

interface TableActivity {
  name: string;
  dead: number;
  inserted: number;
  changed: number;
  rows: number;
}

/** Vacuums and analyzes the tables past the thresholds (outside any transaction: VACUUM refuses one). */
export async function maintainTables(database: Database): Promise<MaintenanceReport> {
  const session = await openBulkSession(database);
  try {
    // This session's counters reach the statistics views at most once a second: flush them first (after
    // this statement), so that a command's own writes count in the pass that ends it.
    await session.query(`SELECT pg_stat_force_next_flush()`);
    const tables = await session.query<TableActivity>(
      `SELECT s.relname AS name, s.n_dead_tup::float8 AS dead, s.n_ins_since_vacuum::float8 AS inserted,
         s.n_mod_since_analyze::float8 AS changed,
         greatest(c.reltuples, 0)::float8 AS rows
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
       WHERE s.schemaname = current_schema()`,
    );
    const report: MaintenanceReport = { vacuumed: [], analyzed: [] };
    for (const t of tables) {
      const vacuum =
        t.dead > VACUUM_BASE + VACUUM_SCALE * t.rows ||
        t.inserted > VACUUM_INSERT_BASE + VACUUM_INSERT_SCALE * t.rows;
      const analyze = t.changed > ANALYZE_BASE + ANALYZE_SCALE * t.rows;
      if (!vacuum && !analyze) continue;
      // The names come from the catalog; quoted all the same.
      const table = `"${t.name.replace(/"/g, '""')}"`;
      await session.query(vacuum ? `VACUUM (ANALYZE) ${table}` : `ANALYZE ${table}`);
      if (vacuum) report.vacuumed.push(t.name);
      report.analyzed.push(t.name);
    }
    return report;
  } finally {
    await session.release();
  }
}

/** Whether the database vacuums its tables itself: PostgreSQL with its autovacuum on; PGlite never. */
export async function hasAutovacuum(database: Database): Promise<boolean> {
  if (database.kind === 'pglite') return false;
  const session = await openBulkSession(database);
  try {
    const [row] = await session.query<{ on: boolean }>(`SELECT current_setting('autovacuum') = 'on' AS on`);
    return row!.on;
  } finally {
    await session.release();
  }
}

/** One pass after a command's writes, where the database has no autovacuum (else it needs no help). */
export async function maintainUnlessAutovacuum(database: Database): Promise<void> {
  if (!(await hasAutovacuum(database))) await maintainTables(database);
}

/**
 * Runs maintainTables every `intervalMs` where the database has no autovacuum (else nothing to do).
 * Returns a stop function that waits for a pass under way. A failed pass is reported (onError) and
 * the next one tries again.
 */
export async function startMaintenance(
  database: Database,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): Promise<() => Promise<void>> {
  if (await hasAutovacuum(database)) return async () => {};
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    // A pass still under way when the next is due: that one is skipped.
    running ??= maintainTables(database)
      .then(
        () => {},
        (error: unknown) => options.onError?.(error),
      )
      .finally(() => (running = null));
  }, options.intervalMs ?? 60_000);
  // A server that is otherwise done must not be kept alive by its housekeeping.
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
