import { openDefaultDatabase } from '../store/db.js';
import type { Db } from '../store/db.js';

/** Opens the configured database for one command and always closes it. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDefaultDatabase();
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}
