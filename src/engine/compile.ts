import type { FacilityFilter, RatioDefinition, Term } from '../domain/indicators/definitions/index.js';
import { PERSON_YEAR_MEASURES } from '../store/schema/rollups.js';
import { sourceOf, type MeasureSource } from './measures.js';
import { ancestorsOf, levelOf } from './sql/regions.js';

/*
 * A ratio definition compiled to one SQL statement over the rollups (never the raw records). Parameters:
 * :county_code and :years. It computes numerator and denominator for every subject (county, towns,
 * villages, facilities as the definition's levels say) and period (year; MCH year; quarters), upserts the
 * values that changed and deletes those that no longer have data. The compiled texts are checked in under
 * src/engine/sql/definitions/ so a reviewer reads exactly what runs (sql.test.ts keeps them current).
 */

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (values: readonly string[]) => values.map(quote).join(', ');
const measuresOf = (term: Term): readonly string[] =>
  typeof term.measure === 'string' ? [term.measure] : term.measure;

/** Periods as (year, quarter, basis) ← rollup rows (src_year, src_quarter); quarter 0 rows are stocks. */
function periodsCte(def: RatioDefinition): string {
  const years = 'unnest(:years::int[]) AS y(year)';
  const quarters = 'generate_series(1, 4) AS q(q)';
  const parts = [
    `SELECT y.year, 0 AS quarter, 'calendar' AS basis, y.year AS src_year, q.q AS src_quarter FROM ${years}, ${quarters}`,
    `SELECT y.year, 0, 'calendar', y.year, 0 FROM ${years}`,
  ];
  if (def.period === 'mch') {
    // 妇幼卫生年报: 1 Oct of the previous year – 30 Sep = Q4 of year − 1 and Q1–Q3.
    parts.push(
      `SELECT y.year, 0, 'mch', CASE WHEN q.q = 4 THEN y.year - 1 ELSE y.year END, q.q FROM ${years}, ${quarters}`,
      `SELECT y.year, 0, 'mch', y.year, 0 FROM ${years}`,
    );
  }
  if (def.quarterly) parts.push(`SELECT y.year, q.q, 'calendar', y.year, q.q FROM ${years}, ${quarters}`);
  return `periods AS (\n  ${parts.join('\n  UNION ALL ')}\n)`;
}

/** Person measures with an MCH-year twin (`u3_due` → `u3_due_mch`) use it for the MCH basis. */
function measureMatch(measures: readonly string[], source: MeasureSource): { names: string[]; test: string } {
  const twins = measures.map((m) => `${m}_mch`);
  const hasTwins =
    source === 'person' && twins.every((t) => (PERSON_YEAR_MEASURES as readonly string[]).includes(t));
  if (!hasTwins) return { names: [...measures], test: '' };
  return {
    names: [...measures, ...twins],
    test: ` AND r.measure = ANY(CASE WHEN p.basis = 'mch' THEN ARRAY[${list(twins)}] ELSE ARRAY[${list(measures)}] END)`,
  };
}

function facilityFilter(filter: FacilityFilter = {}): string[] {
  const tests: string[] = [];
  if (filter.types) tests.push(`f.type IN (${list(filter.types)})`);
  if (filter.primaryCare !== undefined) tests.push(`${filter.primaryCare ? '' : 'NOT '}f.primary_care`);
  if (filter.ownership) tests.push(`f.ownership = ${quote(filter.ownership)}`);
  if (filter.minGradeLevel) tests.push(`f.grade_level >= ${filter.minGradeLevel}`);
  if (filter.inCounty) tests.push('r.facility_id <> 0');
  return tests;
}

/** Fraction of each 5-year age group (0, 1–4, 5–9 … 85+) at or above `minAge`, assuming even ages. */
function ageShare(minAge: number): string {
  const width = 'CASE x.age_group WHEN 0 THEN 1 WHEN 1 THEN 4 ELSE 5 END';
  return `CASE WHEN x.age_group >= ${minAge} THEN 1 WHEN x.age_group + ${width} <= ${minAge} THEN 0
      ELSE (x.age_group + ${width} - ${minAge})::numeric / ${width} END`;
}

/** SELECT region_code, facility_id, year, quarter, basis, v, est for one term. */
function termSql(def: RatioDefinition, term: Term): string {
  const measures = measuresOf(term);
  const sources = new Set(measures.map(sourceOf));
  if (sources.size !== 1) throw new Error(`${def.id}: a term's measures must share one source`);
  const source = [...sources][0]!;
  const scale = term.scale === undefined ? '' : ` * ${term.scale}`;
  const regionLevels = def.levels.some((l) => l !== 'facility');
  const keys = 'region_code, facility_id, p.year, p.quarter, p.basis';

  if (source === 'population') {
    const column = def.population === 'resident-mid-year' ? 'x.mid_year' : 'x.year_end';
    const share = term.minAge === undefined ? '' : ` * ${ageShare(term.minAge)}`;
    const est = def.population === 'resident-mid-year' ? `bool_or(x.mid_year_source = 'year-end')` : 'false';
    // Summed per region and year first, then given to each period of the year.
    return `SELECT t.region_code, 0::bigint AS facility_id, p.year, p.quarter, p.basis, t.v, t.est
  FROM (
    SELECT x.region_code, x.year, sum(${column}${share})${scale} AS v, ${est} AS est
    FROM indicator_population x
    WHERE x.county_code = :county_code AND x.year = ANY(:years::int[])
    GROUP BY x.region_code, x.year
  ) AS t
  JOIN (SELECT DISTINCT year, quarter, basis FROM periods) AS p ON p.year = t.year`;
  }

  const { names, test } = measureMatch(measures, source);
  if (source === 'facility-events' || source === 'facility-stock') {
    const subjects: string[] = [];
    const home = `coalesce(f.region_code, :county_code || '000000')`;
    if (regionLevels) {
      subjects.push(
        `SELECT a.region_code, 0::bigint AS facility_id FROM ${ancestorsOf(home)} AS a(region_code) WHERE a.region_code IS NOT NULL`,
      );
    }
    if (def.levels.includes('facility')) subjects.push(`SELECT ${home}, f.id WHERE f.id IS NOT NULL`);
    const where = [
      `r.county_code = :county_code`,
      `r.measure IN (${list(names)})`,
      ...facilityFilter(term.facilities),
    ];
    return `SELECT s.region_code, s.facility_id, p.year, p.quarter, p.basis, sum(r.value)${scale} AS v, false AS est
  FROM indicator_facility_rollup r
  JOIN periods p ON p.src_year = r.year AND p.src_quarter = r.quarter${test}
  LEFT JOIN facilities f ON f.county_code = r.county_code AND f.id = r.facility_id
  CROSS JOIN LATERAL (${subjects.join(' UNION ALL ')}) AS s(region_code, facility_id)
  WHERE ${where.join(' AND ')}
  GROUP BY ${keys.replace('region_code, facility_id', 's.region_code, s.facility_id')}`;
  }

  const expand = source !== 'region-resolved';
  return `SELECT ${expand ? 'a.region_code' : 'r.region_code'}, 0::bigint AS facility_id, p.year, p.quarter, p.basis,
    sum(r.value)${scale} AS v, false AS est
  FROM indicator_region_rollup r
  JOIN periods p ON p.src_year = r.year AND p.src_quarter = r.quarter${test}
  ${expand ? `CROSS JOIN LATERAL ${ancestorsOf('r.region_code')} AS a(region_code)` : ''}
  WHERE r.county_code = :county_code AND r.measure IN (${list(names)}) AND r.year IN (SELECT src_year FROM periods)${expand ? ' AND a.region_code IS NOT NULL' : ''}
  GROUP BY ${expand ? 'a.region_code' : 'r.region_code'}, 2, p.year, p.quarter, p.basis`;
}

/** The lowest town's value, named in the county row's provenance (BPHS-3 immunization: 以乡镇为单位). */
function lowestCte(def: RatioDefinition): string {
  return `lowest AS (
  SELECT DISTINCT ON (year, quarter, basis) year, quarter, basis,
    jsonb_build_object('region', region_code, 'value', (numerator * ${def.multiplier} / denominator)::float8) AS town
  FROM kept WHERE level = 'town' AND denominator > 0
  ORDER BY year, quarter, basis, numerator / denominator, region_code
),`;
}

/** The statement computing one ratio definition for :county_code and :years. */
export function compileRatio(def: RatioDefinition): string {
  const provenance = [`'midYearFromYearEnd', CASE WHEN k.est THEN true END`];
  if (def.reportLowest) provenance.push(`'lowestTown', CASE WHEN k.level = 'county' THEN l.town END`);
  return `-- ${def.id} v${def.version}: ${def.rule.replace(/:(?=[a-z])/gi, ': ')}
WITH ${periodsCte(def)},
num AS (
  ${termSql(def, def.numerator)}
),
den AS (
  ${termSql(def, def.denominator)}
),
kept AS (
  SELECT region_code, facility_id, year, quarter, basis, level, numerator, denominator, est
  FROM (
    SELECT region_code, facility_id, year, quarter, basis,
      CASE WHEN facility_id <> 0 THEN 'facility' ELSE ${levelOf('region_code')} END AS level,
      coalesce(num.v, 0) AS numerator, coalesce(den.v, 0) AS denominator,
      coalesce(num.est, false) OR coalesce(den.est, false) AS est
    FROM num FULL JOIN den USING (region_code, facility_id, year, quarter, basis)
  ) AS c
  WHERE level IN (${list(def.levels)}) AND (numerator <> 0 OR denominator <> 0)
),
${def.reportLowest ? `${lowestCte(def)}\n` : ''}upserted AS (
  INSERT INTO indicator_values AS v (county_code, indicator_id, region_code, facility_id, level, year, quarter,
    period_basis, numerator, denominator, value, definition_version, population_basis, computed_at, provenance)
  SELECT :county_code, ${quote(def.id)}, k.region_code, k.facility_id, k.level, k.year, k.quarter, k.basis,
    k.numerator, k.denominator,
    CASE WHEN k.denominator > 0 THEN (k.numerator * ${def.multiplier} / k.denominator)::float8 END,
    ${def.version}, ${quote(def.population)}, now(), jsonb_strip_nulls(jsonb_build_object(${provenance.join(', ')}))
  FROM kept k${def.reportLowest ? ' LEFT JOIN lowest l USING (year, quarter, basis)' : ''}
  ON CONFLICT ON CONSTRAINT indicator_values_pk DO UPDATE SET numerator = excluded.numerator,
    denominator = excluded.denominator, value = excluded.value, level = excluded.level,
    definition_version = excluded.definition_version, population_basis = excluded.population_basis,
    computed_at = excluded.computed_at, provenance = excluded.provenance
  WHERE (v.numerator, v.denominator, v.definition_version, v.provenance)
    IS DISTINCT FROM (excluded.numerator, excluded.denominator, excluded.definition_version, excluded.provenance)
  RETURNING 1
),
removed AS (
  DELETE FROM indicator_values v
  WHERE v.county_code = :county_code AND v.indicator_id = ${quote(def.id)} AND v.year = ANY(:years::int[])
    -- NOT IN over non-null keys: a hashed subplan whatever the (poor) row estimate of kept.
    AND (v.region_code, v.facility_id, v.year, v.quarter, v.period_basis) NOT IN
      (SELECT region_code, facility_id, year, quarter, basis FROM kept)
  RETURNING 1
)
SELECT (SELECT count(*) FROM upserted)::int AS written, (SELECT count(*) FROM removed)::int AS removed
`;
}
