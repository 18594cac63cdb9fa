import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/db.js';
import { backends } from '../testing/databases.js';
import { refreshAfterBatch } from './refresh.js';

// PGlite is one session: its transactions never overlap. The lock matters on PostgreSQL alone.
const postgres = backends.filter((b) => b.name === 'postgres');

describe.runIf(postgres.length)('refreshes of one county on PostgreSQL', () => {
  let database: Database;
  beforeAll(async () => {
    database = await postgres[0]!.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('wait for each other: the second starts when the first has committed; another county does not wait', async () => {
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let firstRefreshed!: () => void;
    const refreshed = new Promise<void>((resolve) => (firstRefreshed = resolve));
    const first = database.db.transaction(async (tx) => {
      await refreshAfterBatch(tx, '320612');
      firstRefreshed();
      await held;
    });
    await refreshed;

    const events: string[] = [];
    const second = refreshAfterBatch(database.db, '320612').then(() => events.push('same county'));
    try {
      await refreshAfterBatch(database.db, '320613');
      events.push('other county');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(events).toEqual(['other county']);
    } finally {
      commit();
      await first;
    }
    await second;
    expect(events).toEqual(['other county', 'same county']);
  });
});
