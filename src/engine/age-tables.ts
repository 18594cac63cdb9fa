import type { AgeTableDefinition, Level } from '../domain/indicators/definitions/index.js';
import { WeijianError } from '../domain/errors.js';
import { lifeTable } from '../domain/indicators/life-table.js';
import { prematureNcdMortality } from '../domain/indicators/premature-mortality.js';
import type { Db } from '../store/db.js';
import { AGE_GROUPS } from '../store/schema/regions.js';
import { query } from './sql/bind.js';
import { ancestorsOf, levelOf } from './sql/regions.js';

/*
 * Life expectancy and the 30–70 NCD probability: per region and year, the aggregated deaths
 * (indicator_deaths) and mid-year population (indicator_population) by age group go through the pure
 * functions of src/domain/indicators. A loop over regions and years, not over records.
 */

interface Cell {
  region: string;
  year: number;
  age: number;
  deaths: number;
  ncd: number;
  population: number;
  fromYearEnd: boolean;
}

const CELLS = `WITH d AS (
  SELECT a.region_code, x.year, x.age_group, sum(x.deaths) AS deaths, sum(x.ncd_deaths) AS ncd
  FROM indicator_deaths x CROSS JOIN LATERAL ${ancestorsOf('x.region_code')} AS a(region_code)
  WHERE x.county_code = :county_code AND x.year = ANY(:years::int[]) AND a.region_code IS NOT NULL
  GROUP BY 1, 2, 3
),
p AS (
  SELECT region_code, year, age_group, sum(mid_year) AS population, bool_or(mid_year_source = 'year-end') AS est
  FROM indicator_population WHERE county_code = :county_code AND year = ANY(:years::int[])
  GROUP BY 1, 2, 3
)
SELECT region_code AS region, year, age_group AS age, coalesce(d.deaths, 0)::int AS deaths,
  coalesce(d.ncd, 0)::int AS ncd, coalesce(p.population, 0)::float8 AS population,
  coalesce(p.est, false) AS "fromYearEnd"
FROM p FULL JOIN d USING (region_code, year, age_group)
WHERE ${levelOf('region_code')} = ANY(:levels::text[])`;

interface Computed {
  region_code: string;
  year: number;
  numerator: number;
  denominator: number;
  value: number | null;
  provenance: Record<string, unknown>;
}

function compute(def: AgeTableDefinition, cells: Cell[]): Omit<Computed, 'region_code' | 'year'> {
  const groups = AGE_GROUPS.map((age, i) => {
    const cell = cells.find((c) => c.age === age);
    const next = AGE_GROUPS[i + 1];
    return {
      ageStart: age,
      width: next === undefined ? null : next - age,
      deaths: (def.method === 'life-expectancy' ? cell?.deaths : cell?.ncd) ?? 0,
      population: cell?.population ?? 0,
    };
  });
  const inScope =
    def.method === 'life-expectancy' ? groups : groups.filter((g) => g.ageStart >= 30 && g.ageStart < 70);
  const deaths = inScope.reduce((s, g) => s + g.deaths, 0);
  const population = inScope.reduce((s, g) => s + g.population, 0);
  const provenance: Record<string, unknown> = {};
  if (cells.some((c) => c.fromYearEnd)) provenance.midYearFromYearEnd = true;
  try {
    if (def.method === 'life-expectancy') {
      const table = lifeTable(groups, { sex: 'total' });
      if (table.warnings.length) provenance.warnings = table.warnings.map((w) => w.message);
      return { numerator: deaths, denominator: population, value: table.e0, provenance };
    }
    const result = prematureNcdMortality(inScope);
    if (result.warnings.length) provenance.warnings = result.warnings.map((w) => w.message);
    return { numerator: deaths, denominator: population, value: result.probability, provenance };
  } catch (error) {
    // Too few people or deaths for a table (a small town): keep the counts, say why there is no value.
    if (!(error instanceof WeijianError)) throw error;
    return {
      numerator: deaths,
      denominator: population,
      value: null,
      provenance: { ...provenance, error: error.message },
    };
  }
}

const WRITE = `WITH kept AS (
  SELECT * FROM jsonb_to_recordset(:rows::jsonb) AS x(region_code text, year int, numerator numeric,
    denominator numeric, value float8, provenance jsonb)
),
upserted AS (
  INSERT INTO indicator_values AS v (county_code, indicator_id, region_code, facility_id, level, year, quarter,
    period_basis, numerator, denominator, value, definition_version, population_basis, computed_at, provenance)
  SELECT :county_code, :indicator_id, k.region_code, 0, ${levelOf('k.region_code')}, k.year, 0, 'calendar',
    k.numerator, k.denominator, k.value, :version::int, :population, now(), k.provenance
  FROM kept k
  ON CONFLICT ON CONSTRAINT indicator_values_pk DO UPDATE SET numerator = excluded.numerator,
    denominator = excluded.denominator, value = excluded.value, definition_version = excluded.definition_version,
    computed_at = excluded.computed_at, provenance = excluded.provenance
  WHERE (v.numerator, v.denominator, v.value, v.definition_version, v.provenance)
    IS DISTINCT FROM (excluded.numerator, excluded.denominator, excluded.value, excluded.definition_version, excluded.provenance)
  RETURNING 1
),
removed AS (
  DELETE FROM indicator_values v
  WHERE v.county_code = :county_code AND v.indicator_id = :indicator_id AND v.year = ANY(:years::int[])
    AND (v.region_code, v.year) NOT IN (SELECT region_code, year FROM kept)
  RETURNING 1
)
SELECT (SELECT count(*) FROM upserted)::int AS written, (SELECT count(*) FROM removed)::int AS removed`;

/** Computes an age-table indicator for the county's regions (the definition's levels) and years. */
export async function computeAgeTable(
  db: Db,
  def: AgeTableDefinition,
  countyCode: string,
  years: readonly number[],
): Promise<{ written: number; removed: number }> {
  const levels: readonly Level[] = def.levels;
  const cells = await query<Cell>(db, CELLS, { county_code: countyCode, years, levels });
  const byKey = new Map<string, Cell[]>();
  for (const cell of cells) {
    const key = `${cell.region}|${cell.year}`;
    byKey.set(key, [...(byKey.get(key) ?? []), cell]);
  }
  const rows: Computed[] = [...byKey.values()]
    .filter((group) => group.some((c) => c.population > 0))
    .map((group) => ({ region_code: group[0]!.region, year: group[0]!.year, ...compute(def, group) }));
  const [result] = await query<{ written: number; removed: number }>(db, WRITE, {
    county_code: countyCode,
    indicator_id: def.id,
    version: def.version,
    population: def.population,
    years,
    rows: JSON.stringify(rows),
  });
  return result!;
}
