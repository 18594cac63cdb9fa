import { openDefaultDatabase } from '../store/db.js';
import type { Db } from '../store/db.js';
import { maintainUnlessAutovacuum } from '../store/maintenance.js';

/** Opens the configured database for one command, tidies it after (where it has no autovacuum), always closes it. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDefaultDatabase();
  try {
    const result = await work(database.db);
    await maintainUnlessAutovacuum(database);
    return result;
  } finally {
    await database.close();
  }
}
