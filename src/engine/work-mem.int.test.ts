import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../store/db.js';
import { rebuildIndicators, refreshAfterBatch } from './refresh.js';
import { query } from './sql/bind.js';

/*
 * The engine's work_mem: 256 MB for a rebuild, 16 MB for a refresh, but no more than the database's
 * `weijian.max_work_mem` (PGlite in a data directory: 64 MB, src/store/db.ts). SET LOCAL outlasts the
 * engine's savepoint, so the caller's transaction shows what it ran with.
 */

const root = mkdtempSync(path.join(tmpdir(), 'weijian-work-mem-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function workMemOf(database: Database, run: (tx: Database['db']) => Promise<unknown>) {
  let seen = '';
  await database.db.transaction(async (tx) => {
    await run(tx);
    seen = (await query<{ w: string }>(tx, `SELECT current_setting('work_mem') AS w`))[0]!.w;
  });
  return seen;
}

describe('work_mem of the engine', () => {
  it('is capped on PGlite in a data directory', async () => {
    const database = await openDatabase({ dataDir: path.join(root, 'pglite') });
    try {
      expect(await workMemOf(database, (tx) => rebuildIndicators(tx, '320612'))).toBe('64MB');
      expect(await workMemOf(database, (tx) => refreshAfterBatch(tx, '320612'))).toBe('16MB');
    } finally {
      await database.close();
    }
  });

  it('is what the engine asks without a cap', async () => {
    const database = await openDatabase();
    try {
      expect(await workMemOf(database, (tx) => rebuildIndicators(tx, '320612'))).toBe('256MB');
    } finally {
      await database.close();
    }
  });
});
