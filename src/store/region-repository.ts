import { asc, sql } from 'drizzle-orm';
import type { RegionRow } from '../domain/region/tree.js';
import type { Db } from './db.js';
import { regions } from './schema/index.js';

/**
 * The stored regions (county, towns, villages) of the counties whose code starts with `countyPrefix` (2, 4 or 6
 * digits; null: every county), in code order.
 */
export async function listRegions(db: Db, countyPrefix: string | null): Promise<RegionRow[]> {
  const query = db
    .select({
      countyCode: regions.countyCode,
      code: regions.code,
      parentCode: regions.parentCode,
      level: regions.level,
      name: regions.name,
    })
    .from(regions);
  const filtered = countyPrefix
    ? query.where(sql`left(${regions.countyCode}, ${countyPrefix.length}) = ${countyPrefix}`)
    : query;
  return filtered.orderBy(asc(regions.countyCode), asc(regions.code));
}
