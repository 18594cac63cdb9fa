import { and, eq, sql, type Column } from 'drizzle-orm';
import type { StoredCodes } from '../../ingest/tabular/references.js';
import type { Db } from '../../store/db.js';
import { facilities, regions } from '../../store/schema/index.js';

/** What the county's tables hold of the codes a file refers to: only those are looked up. */
export async function storedCodes(
  db: Db,
  countyCode: string,
  referenced: { regions: string[]; facilities: string[] },
): Promise<StoredCodes> {
  const [regionRows, facilityRows, anyRegion] = await Promise.all([
    referenced.regions.length
      ? db
          .select({ code: regions.code })
          .from(regions)
          .where(and(eq(regions.countyCode, countyCode), anyOf(regions.code, referenced.regions)))
      : [],
    referenced.facilities.length
      ? db
          .select({ code: facilities.code })
          .from(facilities)
          .where(and(eq(facilities.countyCode, countyCode), anyOf(facilities.code, referenced.facilities)))
      : [],
    db
      .select({ one: sql`1` })
      .from(regions)
      .where(eq(regions.countyCode, countyCode))
      .limit(1),
  ]);
  return {
    countyCode,
    regions: new Set(regionRows.map((r) => r.code)),
    countyHasRegions: anyRegion.length > 0,
    facilities: new Set(facilityRows.map((r) => r.code)),
  };
}

/**
 * The county of a file without region codes (a 床位 or 人员 sheet alone): the one county whose facilities
 * have its facility codes, else the only county with regions stored; null when that does not settle it.
 */
export async function countyFromDatabase(db: Db, facilityCodes: string[]): Promise<string | null> {
  if (facilityCodes.length) {
    const rows = await db
      .selectDistinct({ county: facilities.countyCode })
      .from(facilities)
      .where(anyOf(facilities.code, facilityCodes))
      .limit(2);
    if (rows.length === 1) return rows[0]!.county;
    if (rows.length > 1) return null;
  }
  const counties = await db.selectDistinct({ county: regions.countyCode }).from(regions).limit(2);
  return counties.length === 1 ? counties[0]!.county : null;
}

/** `column = any($1)`: one array parameter however many codes (a list would hit the parameter limit). */
function anyOf(column: Column, values: string[]) {
  return sql`${column} = any(${sql.param(values)}::text[])`;
}
