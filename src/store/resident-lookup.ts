import { and, asc, count, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ResidentQuery } from '../domain/identity/resident-query.js';
import type { Db } from './db.js';
import { servedBy } from './facility-patients.js';
import { regions, residents } from './schema/index.js';

/*
 * Finding residents of a county. The caller (access/resident-lookup.ts) passes the village-code prefix of
 * the user's data scope; every query here is built with it, so nothing outside the scope is ever read.
 * Each reading of the search box has its own index (migration 0007): the name prefix and the reversed ID
 * number under text_pattern_ops, the phone, the primary key and the unique ID number.
 */

export type ResidentRow = typeof residents.$inferSelect;

export interface LocatedResident {
  row: ResidentRow;
  village: { code: string; name: string } | null;
  town: { code: string; name: string } | null;
}

export interface ResidentSearch {
  query: ResidentQuery;
  /** Village-code prefix (9-digit town, 12-digit village) the residents must live in; null: the county. */
  within: string | null;
  /** Only the patients of this facility (a facility scope; see facility-patients.ts). */
  facilityId: number | null;
  limit: number;
  offset: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const reversed = (text: string) => Array.from(text).reverse().join('');

/**
 * Village codes are 12 digits, so a prefix is a range: it uses the (county_code, residence_village_code)
 * index in any collation, and residents without a village fall outside it.
 */
export function livesWithin(prefix: string | null): SQL | undefined {
  if (prefix === null) return undefined;
  const r = residents;
  return sql`${r.residenceVillageCode} between ${prefix.padEnd(12, '0')} and ${prefix.padEnd(12, '9')}`;
}

function matches(query: ResidentQuery): SQL | undefined {
  const r = residents;
  if (query.kind === 'all') return undefined;
  if (query.kind === 'name') return sql`${r.name} like ${escapeLike(query.prefix) + '%'}`;
  const any: SQL[] = [];
  if (query.platformId !== null) any.push(eq(r.id, query.platformId));
  if (query.idNumber !== null) any.push(eq(r.residentIdNumber, query.idNumber));
  // The same expression as residents_id_number_suffix_idx, so the planner uses it.
  if (query.idNumberSuffix !== null)
    any.push(sql`reverse(${r.residentIdNumber}) like ${reversed(query.idNumberSuffix) + '%'}`);
  if (query.phone !== null) any.push(eq(r.phone, query.phone));
  return any.length ? or(...any) : sql`false`;
}

const village = alias(regions, 'village');
const town = alias(regions, 'town');

function located(
  rows: {
    row: ResidentRow;
    village: typeof village.$inferSelect | null;
    town: typeof town.$inferSelect | null;
  }[],
): LocatedResident[] {
  return rows.map((r) => ({
    row: r.row,
    village: r.village && { code: r.village.code, name: r.village.name },
    town: r.town && { code: r.town.code, name: r.town.name },
  }));
}

function withRegions(db: Db) {
  return db
    .select({ row: residents, village, town })
    .from(residents)
    .leftJoin(
      village,
      and(eq(village.countyCode, residents.countyCode), eq(village.code, residents.residenceVillageCode)),
    )
    .leftJoin(town, and(eq(town.countyCode, village.countyCode), eq(town.code, village.parentCode)));
}

/**
 * One page of the county's residents that match, names first in name order (a name search) or by platform
 * id. Merged-away duplicates are left out: their records now belong to the survivor.
 */
export async function searchResidents(
  db: Db,
  countyCode: string,
  search: ResidentSearch,
): Promise<{ total: number; residents: LocatedResident[] }> {
  const r = residents;
  const where = and(
    eq(r.countyCode, countyCode),
    isNull(r.mergedIntoId),
    livesWithin(search.within),
    search.facilityId === null ? undefined : servedBy(r, search.facilityId),
    matches(search.query),
  );
  const [{ total }] = (await db.select({ total: count() }).from(r).where(where)) as [{ total: number }];
  if (total === 0) return { total, residents: [] };
  // Names in code-point order (collation "C"): the same order on every server, whatever its locale.
  const order = search.query.kind === 'name' ? [asc(sql`${r.name} collate "C"`), asc(r.id)] : [asc(r.id)];
  const page = await withRegions(db)
    .where(where)
    .orderBy(...order)
    .limit(search.limit)
    .offset(search.offset);
  return { total, residents: located(page) };
}

/** One resident of the county with their village and town, or undefined. Scope is the caller's check. */
export async function findResident(
  db: Db,
  countyCode: string,
  id: number,
): Promise<LocatedResident | undefined> {
  const rows = await withRegions(db).where(and(eq(residents.countyCode, countyCode), eq(residents.id, id)));
  return located(rows)[0];
}
