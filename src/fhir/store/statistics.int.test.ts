import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBulkSession, type BulkSession } from '../../store/bulk-copy.js';
import type { Database } from '../../store/db.js';
import { backends } from '../../testing/databases.js';
import { ImportStatistics } from './statistics.js';

describe.each(backends)('import statistics on $name', (backend) => {
  let database: Database;
  let session: BulkSession;
  beforeAll(async () => {
    database = await backend.open();
    session = await openBulkSession(database);
  });
  afterAll(async () => {
    await session.release();
    await database.close();
  });

  const estimate = async (table: string) =>
    Number(
      (
        await session.query<{ rows: number }>(
          `SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = to_regclass($1)`,
          [table],
        )
      )[0]!.rows,
    );
  // A table of its own (the store's tables have keys and checks that are beside the point here).
  const add = (n: number) => session.query(`INSERT INTO imported SELECT generate_series(1, $1::int)`, [n]);
  it('analyzes a table once the rows written in the open transaction reach the rows it had', async () => {
    const stats = new ImportStatistics(1000);
    await session.query('begin');
    try {
      await session.query('CREATE TEMP TABLE imported (n int)');
      await add(1500);
      stats.note('imported', 1500);
      // Unknown to the catalog (never analyzed, empty when the transaction began): analyzed at the minimum.
      expect(await stats.refresh(session)).toEqual(['imported']);
      expect(await estimate('imported')).toBe(1500);

      await add(1000);
      stats.note('imported', 1000);
      // 1 000 written since against 1 500 then: not yet.
      expect(await stats.refresh(session)).toEqual([]);
      expect(await estimate('imported')).toBe(1500);

      await add(600);
      stats.note('imported', 600);
      expect(await stats.refresh(session)).toEqual(['imported']);
      expect(await estimate('imported')).toBe(3100);
    } finally {
      await session.query('rollback');
    }
  });

  it('counts companions with their table and skips names that are not tables', async () => {
    const stats = new ImportStatistics(10);
    stats.note('residents', 20);
    stats.note('practitioners', 50);
    expect((await stats.refresh(session)).sort()).toEqual(['resident_identifiers', 'residents']);
    // Nothing new written: nothing analyzed again.
    expect(await stats.refresh(session)).toEqual([]);
  });
});
