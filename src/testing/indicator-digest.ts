import { query } from '../engine/sql/bind.js';
import type { Db } from '../store/db.js';

/**
 * The indicator tables of a county as row counts and md5s: rollups (rows of zero left out — a trigger may
 * leave them where a rebuild writes none) and values (without `computed_at`; the value to 9 decimals, as
 * an incremental sum and a rebuild may round differently in the last place).
 */
const TABLES: Record<string, string> = {
  indicator_person_years: `to_jsonb(t)`,
  indicator_region_rollup: `to_jsonb(t) - 'value' || jsonb_build_object('value', t.value::text)`,
  indicator_facility_rollup: `to_jsonb(t) - 'value' || jsonb_build_object('value', t.value::text)`,
  indicator_population: `to_jsonb(t)`,
  indicator_deaths: `to_jsonb(t)`,
  indicator_values: `to_jsonb(t) - 'computed_at' - 'value' || jsonb_build_object('value', round(t.value::numeric, 9)::text)`,
};
const NON_ZERO: Record<string, string> = {
  indicator_region_rollup: 'AND t.value <> 0',
  indicator_facility_rollup: 'AND t.value <> 0',
};

export async function digestIndicators(
  db: Db,
  county: string,
): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const [table, row] of Object.entries(TABLES)) {
    const [result] = await query<{ n: number; md5: string }>(
      db,
      `SELECT count(*)::int AS n, coalesce(md5(string_agg(r::text, E'\\n' ORDER BY r::text)), '') AS md5
       FROM (SELECT ${row} AS r FROM ${table} t WHERE t.county_code = :county ${NON_ZERO[table] ?? ''}) x`,
      { county },
    );
    out[table] = { rows: result!.n, md5: result!.md5 };
  }
  return out;
}
