import { openDefaultDatabase } from '../store/db.js';
import type { Db } from '../store/db.js';
import { maintainEmbedded } from '../store/maintenance.js';

/** Opens the configured database for one command, tidies the embedded one after it, always closes it. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDefaultDatabase();
  try {
    const result = await work(database.db);
    await maintainEmbedded(database);
    return result;
  } finally {
    await database.close();
  }
}
