import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { indicatorValues, manualValues } from '../store/schema/index.js';
import { periodBasisOf, type ComputedActual, type ManualActual } from './actuals.js';

/**
 * Computed county values (whole year, the county's own row, each indicator on its definition's period basis)
 * by indicator id. The engine writes the county as `code + 000000` (src/engine/sql/regions.ts).
 */
export async function loadComputed(
  db: Db,
  countyCode: string,
  indicatorIds: readonly string[],
): Promise<Map<string, ComputedActual[]>> {
  const out = new Map<string, ComputedActual[]>();
  if (!indicatorIds.length || !/^\d{6}$/.test(countyCode)) return out;
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.countyCode, countyCode),
        eq(indicatorValues.regionCode, `${countyCode}000000`),
        eq(indicatorValues.facilityId, 0),
        eq(indicatorValues.quarter, 0),
        inArray(indicatorValues.indicatorId, [...indicatorIds]),
      ),
    )
    .orderBy(asc(indicatorValues.year));
  for (const r of rows) {
    if (r.value === null || r.periodBasis !== periodBasisOf(r.indicatorId)) continue;
    const list = out.get(r.indicatorId) ?? [];
    list.push({
      year: r.year,
      value: r.value,
      numerator: Number(r.numerator),
      denominator: Number(r.denominator),
      periodBasis: r.periodBasis,
      definitionVersion: r.definitionVersion,
      populationBasis: r.populationBasis,
      computedAt: r.computedAt.toISOString(),
      provenance: r.provenance,
    });
    out.set(r.indicatorId, list);
  }
  return out;
}

/** Manual values of a region by row key, every status. */
export async function loadManual(
  db: Db,
  region: string,
  rowKeys: readonly string[],
): Promise<Map<string, ManualActual[]>> {
  const out = new Map<string, ManualActual[]>();
  if (!rowKeys.length) return out;
  const rows = await db
    .select()
    .from(manualValues)
    .where(and(eq(manualValues.regionCode, region), inArray(manualValues.rowKey, [...rowKeys])))
    .orderBy(asc(manualValues.year));
  for (const r of rows) {
    const list = out.get(r.rowKey) ?? [];
    list.push(toManualActual(r));
    out.set(r.rowKey, list);
  }
  return out;
}

export function toManualActual(r: typeof manualValues.$inferSelect): ManualActual {
  return {
    id: r.id,
    year: r.year,
    value: r.value,
    status: r.status,
    returnReason: r.returnReason,
    source: r.source,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
  };
}
