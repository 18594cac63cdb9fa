import type { FacilityFilter, RatioDefinition, Term } from '../domain/indicators/definitions/index.js';
import { PERSON_YEAR_MEASURES } from '../store/schema/rollups.js';
import { sourceOf } from './measures.js';
import { ancestorsOf, levelOf } from './sql/regions.js';

/*
 * Every ratio definition compiled into ONE set-based statement over the rollups (never the raw records).
 * The definitions become two tables of literals — `defs` (one row per indicator) and `terms` (one row per
 * measure of a numerator or denominator, with its facility filter) — and the statement joins them to the
 * rollups once: each rollup is read once for all indicators, not once per indicator. Parameters:
 * :county_code and the jobs as parallel arrays :ids (definition ids) and :years, so a refresh computes
 * only the (definition, year) pairs that changed. It computes numerator and denominator for every
 * subject (county, towns, villages, facilities as each definition's levels say) and period (year; MCH
 * year; quarters), writes the values that changed and deletes those that no longer have data. The text
 * is checked in as src/engine/sql/definitions/ratio-values.sql so a reviewer reads exactly what runs
 * (generated.test.ts keeps it current).
 */

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArray = (values: readonly string[] | undefined) =>
  values ? `${quote(`{${values.join(',')}}`)}::text[]` : 'NULL::text[]';
const measuresOf = (term: Term): readonly string[] =>
  typeof term.measure === 'string' ? [term.measure] : term.measure;

type TermSource = 'region' | 'resolved' | 'facility' | 'population';

function termSource(def: RatioDefinition, term: Term): TermSource {
  const sources = new Set(measuresOf(term).map(sourceOf));
  if (sources.size !== 1) throw new Error(`${def.id}: a term's measures must share one source`);
  const source = [...sources][0]!;
  if (source === 'population') return 'population';
  if (source === 'region-resolved') return 'resolved';
  if (source === 'facility-events' || source === 'facility-stock') return 'facility';
  return 'region';
}

/** Person measures with an MCH-year twin (`u3_due` → `u3_due_mch`) read it for the MCH basis. */
function twinsOf(term: Term, source: TermSource): Map<string, string> {
  const measures = measuresOf(term);
  const twins = new Map(measures.map((m) => [m, `${m}_mch`]));
  const all = [...twins.values()].every((t) => (PERSON_YEAR_MEASURES as readonly string[]).includes(t));
  const person = measures.every((m) => sourceOf(m) === 'person');
  return source === 'region' && person && all ? twins : new Map();
}

function defRow(def: RatioDefinition): string {
  return `(${[
    quote(def.id),
    `${def.version}`,
    `${def.multiplier}::numeric`,
    `${def.period === 'mch'}`,
    `${def.quarterly}`,
    textArray(def.levels),
    quote(def.population),
    `${def.population === 'resident-mid-year'}`,
    `${def.reportLowest === 'town'}`,
  ].join(', ')})`;
}

function filterCells(filter: FacilityFilter = {}): string[] {
  return [
    textArray(filter.types),
    filter.primaryCare === undefined ? 'NULL::boolean' : `${filter.primaryCare}`,
    filter.ownership ? quote(filter.ownership) : 'NULL::text',
    filter.minGradeLevel ? `${filter.minGradeLevel}` : 'NULL::int',
    `${filter.inCounty ?? false}`,
  ];
}

function termRows(def: RatioDefinition): string[] {
  const rows: string[] = [];
  for (const [side, term] of [
    ['n', def.numerator],
    ['d', def.denominator],
  ] as const) {
    const source = termSource(def, term);
    const twins = twinsOf(term, source);
    for (const measure of measuresOf(term)) {
      const twin = twins.get(measure);
      rows.push(
        `(${[
          quote(def.id),
          quote(side),
          quote(measure),
          twin ? quote(twin) : 'NULL::text',
          quote(source),
          ...filterCells(term.facilities),
          term.minAge === undefined ? 'NULL::int' : `${term.minAge}`,
          term.scale === undefined ? 'NULL::numeric' : `${term.scale}::numeric`,
        ].join(', ')})`,
      );
    }
  }
  return rows;
}

/** Fraction of each 5-year age group (0, 1–4, 5–9 … 85+) at or above `minAge`, assuming even ages. */
function ageShare(minAge: string): string {
  const width = 'CASE x.age_group WHEN 0 THEN 1 WHEN 1 THEN 4 ELSE 5 END';
  return `CASE WHEN x.age_group >= ${minAge} THEN 1 WHEN x.age_group + ${width} <= ${minAge} THEN 0
      ELSE (x.age_group + ${width} - ${minAge})::numeric / ${width} END`;
}

/**
 * The distinct values of a `tp` column as an array, for an index condition on a rollup's key: the
 * statement runs without nested loops (see computeValues), so a join alone would read every rollup row
 * of the county and hash them; `= ANY(array)` lets the key's index read only the measures and years wanted.
 */
const READS_OF = (column: string, where: string) => `ARRAY(SELECT DISTINCT ${column} FROM tp WHERE ${where})`;

const scaled = (sum: string, term = 't') =>
  `CASE WHEN ${term}.scale IS NULL THEN ${sum} ELSE ${sum} * ${term}.scale END`;

/** The statement computing the ratio definitions `defs` for :county_code and the jobs (:ids × :years). */
export function compileRatios(defs: readonly RatioDefinition[]): string {
  const home = `coalesce(f.region_code, :county_code || '000000')`;
  return `-- Every ratio definition (src/domain/indicators/definitions), one row each in defs and terms.
WITH defs (id, version, multiplier, mch, quarterly, levels, population, mid_year, lowest) AS (VALUES
  ${defs.map(defRow).join(',\n  ')}
),
terms (id, side, measure, twin, source, types, primary_care, ownership, min_grade, in_county, min_age, scale) AS (VALUES
  ${defs.flatMap(termRows).join(',\n  ')}
),
jobs AS MATERIALIZED (
  SELECT d.*, j.year FROM unnest(:ids::text[], :years::int[]) AS j(id, year) JOIN defs d USING (id)
),
-- Periods as (year, quarter, basis) ← rollup rows (src_year, src_quarter); quarter 0 rows are stocks and
-- person-year sums. MCH year (妇幼卫生年报): 1 Oct of year − 1 to 30 Sep = Q4 of year − 1 and Q1–Q3.
periods AS MATERIALIZED (
  SELECT j.id, j.year, 0 AS quarter, 'calendar' AS basis, j.year AS src_year, q.q AS src_quarter
  FROM jobs j, generate_series(0, 4) AS q(q)
  UNION ALL
  SELECT j.id, j.year, 0, 'mch', CASE WHEN q.q = 4 THEN j.year - 1 ELSE j.year END, q.q
  FROM jobs j, generate_series(0, 4) AS q(q) WHERE j.mch
  UNION ALL
  SELECT j.id, j.year, q.q, 'calendar', j.year, q.q FROM jobs j, generate_series(1, 4) AS q(q) WHERE j.quarterly
),
-- Each term's measure (its MCH twin for the MCH basis) per period, with the rollup rows it reads. jp numbers
-- the (definition, period) pairs: the sums below group by it, not by the definition's columns.
tp AS MATERIALIZED (
  SELECT t.*, d.levels, d.mid_year, p.year, p.quarter, p.basis, p.src_year, p.src_quarter,
    CASE WHEN p.basis = 'mch' AND t.twin IS NOT NULL THEN t.twin ELSE t.measure END AS reads,
    dense_rank() OVER (ORDER BY t.id, p.year, p.quarter, p.basis) AS jp
  FROM terms t JOIN defs d USING (id) JOIN periods p USING (id)
),
jpa AS MATERIALIZED (
  SELECT DISTINCT jp, id, year, quarter, basis, levels FROM tp
),
-- The region rollup rows the jobs read, by key (measure, year, quarter): only the rows some job needs.
rk AS MATERIALIZED (
  SELECT r.region_code, k.src_year AS year, k.src_quarter AS quarter, k.reads AS measure, k.source, r.value
  FROM (SELECT DISTINCT reads, src_year, src_quarter, source FROM tp WHERE source IN ('region', 'resolved')) AS k
  CROSS JOIN LATERAL (
    SELECT r.region_code, r.value FROM indicator_region_rollup r
    WHERE r.county_code = :county_code AND r.measure = k.reads AND r.year = k.src_year AND r.quarter = k.src_quarter
      AND r.measure = ANY(${READS_OF('tp.reads', "tp.source IN ('region', 'resolved')")})
      AND r.year = ANY(${READS_OF('tp.src_year', "tp.source IN ('region', 'resolved')")})
  ) AS r
),
-- Facility rollups with the facility's attributes; facility 0 (care outside the county) has none.
fr AS MATERIALIZED (
  SELECT r.year, r.quarter, r.measure, r.value AS v, f.id AS facility_id, f.type, f.primary_care, f.ownership,
    f.grade_level, r.facility_id <> 0 AS in_county, ${home} AS home
  FROM (SELECT DISTINCT measure, src_year, src_quarter FROM tp WHERE source = 'facility') AS k
  CROSS JOIN LATERAL (
    SELECT r.* FROM indicator_facility_rollup r
    WHERE r.county_code = :county_code AND r.measure = k.measure AND r.year = k.src_year AND r.quarter = k.src_quarter
      AND r.measure = ANY(${READS_OF('tp.measure', "tp.source = 'facility'")})
      AND r.year = ANY(${READS_OF('tp.src_year', "tp.source = 'facility'")})
  ) AS r
  LEFT JOIN facilities f ON f.county_code = r.county_code AND f.id = r.facility_id
),
-- Each region code read (the rollups' villages, the facilities' homes) with every region it counts for —
-- itself and its ancestors — and their levels: spelled out once per code, then joined by hash.
ancestry AS MATERIALIZED (
  SELECT c.code, a.region_code, ${levelOf('a.region_code')} AS level
  FROM (SELECT region_code AS code FROM rk UNION SELECT home FROM fr) AS c
  CROSS JOIN LATERAL ${ancestorsOf('c.code')} AS a(region_code)
  WHERE a.region_code IS NOT NULL
),
-- Region rollups summed into every region they count for (a village's rows for its town and county too);
-- resolved stocks (childcare places) are already per region.
rr AS MATERIALIZED (
  SELECT a.region_code, a.level, rk.year, rk.quarter, rk.measure, sum(rk.value) AS v
  FROM rk JOIN ancestry a ON a.code = rk.region_code
  WHERE rk.source <> 'resolved' OR a.region_code = rk.region_code
  GROUP BY 1, 2, 3, 4, 5
),
-- Each facility term per facility and period (its filter applied), before summing into regions.
fa AS MATERIALIZED (
  SELECT tp.jp, tp.side, tp.scale, fr.home, fr.facility_id, sum(fr.v) AS v
  FROM tp JOIN fr ON fr.measure = tp.measure AND fr.year = tp.src_year AND fr.quarter = tp.src_quarter
  WHERE tp.source = 'facility'
    AND (tp.types IS NULL OR fr.type = ANY(tp.types))
    AND (tp.primary_care IS NULL OR fr.primary_care = tp.primary_care)
    AND (tp.ownership IS NULL OR fr.ownership = tp.ownership)
    AND (tp.min_grade IS NULL OR fr.grade_level >= tp.min_grade)
    AND (NOT tp.in_county OR fr.in_county)
  GROUP BY tp.jp, tp.side, tp.scale, fr.home, fr.facility_id
),
-- Resident population by region and year for each (column, minimum age) the jobs' terms read: the
-- year-end or mid-year column, age groups prorated from min_age; sexes and ages summed.
pk AS MATERIALIZED (
  SELECT DISTINCT mid_year, min_age, year FROM tp WHERE source = 'population'
),
pop AS MATERIALIZED (
  SELECT pk.mid_year, pk.min_age, x.region_code, x.year,
    sum(CASE WHEN pk.min_age IS NULL THEN x.c ELSE x.c * ${ageShare('pk.min_age')} END) AS v,
    pk.mid_year AND bool_or(x.mid_year_source = 'year-end') AS est
  FROM pk CROSS JOIN LATERAL (
    SELECT x.region_code, x.year, x.age_group, x.mid_year_source,
      CASE WHEN pk.mid_year THEN x.mid_year ELSE x.year_end END AS c
    FROM indicator_population x
    WHERE x.county_code = :county_code AND x.year = ANY(ARRAY(SELECT year FROM pk)) AND x.year = pk.year
  ) AS x
  GROUP BY pk.mid_year, pk.min_age, x.region_code, x.year
),
-- Each term per subject and period at the definition's levels: region rollups, facility rollups,
-- population (given to every period of its year).
tv AS (
  SELECT tp.jp, tp.side, rr.region_code, 0::bigint AS facility_id, ${scaled('sum(rr.v)', 'tp')} AS v, false AS est
  FROM tp JOIN rr ON rr.measure = tp.reads AND rr.year = tp.src_year AND rr.quarter = tp.src_quarter
  WHERE tp.source IN ('region', 'resolved') AND rr.level = ANY(tp.levels)
  GROUP BY tp.jp, tp.side, tp.scale, rr.region_code
  UNION ALL
  SELECT fa.jp, fa.side, fa.home, fa.facility_id, ${scaled('fa.v', 'fa')}, false
  FROM fa JOIN jpa USING (jp) WHERE fa.facility_id IS NOT NULL AND 'facility' = ANY(jpa.levels)
  UNION ALL
  SELECT fa.jp, fa.side, a.region_code, 0::bigint, ${scaled('sum(fa.v)', 'fa')}, false
  FROM fa JOIN jpa USING (jp) JOIN ancestry a ON a.code = fa.home
  WHERE a.level = ANY(jpa.levels)
  GROUP BY fa.jp, fa.side, fa.scale, a.region_code
  UNION ALL
  SELECT t.jp, t.side, x.region_code, 0::bigint, ${scaled('x.v')}, x.est
  FROM (SELECT DISTINCT jp, side, scale, mid_year, min_age, year FROM tp WHERE source = 'population') AS t
  JOIN pop x ON x.mid_year = t.mid_year AND x.min_age IS NOT DISTINCT FROM t.min_age AND x.year = t.year
),
kept AS (
  SELECT a.id, c.region_code, c.facility_id, a.year, a.quarter, a.basis, c.level, c.numerator, c.denominator, c.est
  FROM (
    SELECT jp, region_code, facility_id,
      CASE WHEN facility_id <> 0 THEN 'facility' ELSE ${levelOf('region_code')} END AS level,
      coalesce(sum(v) FILTER (WHERE side = 'n'), 0) AS numerator,
      coalesce(sum(v) FILTER (WHERE side = 'd'), 0) AS denominator, bool_or(est) AS est
    FROM tv GROUP BY jp, region_code, facility_id
  ) AS c
  JOIN jpa a USING (jp)
  WHERE c.level = ANY(a.levels) AND (c.numerator <> 0 OR c.denominator <> 0)
),
-- The lowest town's value, named in the county row's provenance (BPHS-3 immunization: 以乡镇为单位).
lowest AS (
  SELECT DISTINCT ON (k.id, k.year, k.quarter, k.basis) k.id, k.year, k.quarter, k.basis,
    jsonb_build_object('region', k.region_code, 'value', (k.numerator * d.multiplier / k.denominator)::float8) AS town
  FROM kept k JOIN defs d USING (id)
  WHERE d.lowest AND k.level = 'town' AND k.denominator > 0
  ORDER BY k.id, k.year, k.quarter, k.basis, k.numerator / k.denominator, k.region_code
),
-- The stored values of the jobs, read once: compared with the new ones so that only changed values are
-- written (and locked), and those without data any more removed (by their row address: no second read).
cur AS MATERIALIZED (
  SELECT v.ctid AS row_address, v.indicator_id AS id, v.region_code, v.facility_id, v.year, v.quarter,
    v.period_basis AS basis,
    v.numerator, v.denominator, v.definition_version, v.provenance
  FROM indicator_values v
  WHERE v.county_code = :county_code AND v.indicator_id = ANY(ARRAY(SELECT DISTINCT id FROM jobs))
    AND v.year = ANY(ARRAY(SELECT DISTINCT year FROM jobs)) AND (v.indicator_id, v.year) IN (SELECT id, year FROM jobs)
),
fresh AS (
  SELECT k.id, k.region_code, k.facility_id, k.level, k.year, k.quarter, k.basis, k.numerator, k.denominator,
    CASE WHEN k.denominator > 0 THEN (k.numerator * d.multiplier / k.denominator)::float8 END AS value,
    d.version, d.population, jsonb_strip_nulls(jsonb_build_object(
      'midYearFromYearEnd', CASE WHEN k.est THEN true END,
      'lowestTown', CASE WHEN d.lowest AND k.level = 'county' THEN l.town END)) AS provenance
  FROM kept k JOIN defs d USING (id) LEFT JOIN lowest l USING (id, year, quarter, basis)
),
-- The new and changed values, with the stored row's address where there is one.
changes AS MATERIALIZED (
  SELECT f.*, c.row_address
  FROM fresh f LEFT JOIN cur c USING (id, region_code, facility_id, year, quarter, basis)
  WHERE (c.numerator, c.denominator, c.definition_version, c.provenance)
    IS DISTINCT FROM (f.numerator, f.denominator, f.version, f.provenance)
),
-- Changed values updated in place by address: a plain update, no speculative insertion nor second lookup by
-- key (refreshes of a county are serialized, see refresh.ts). New values inserted.
updated AS (
  UPDATE indicator_values v SET numerator = x.numerator, denominator = x.denominator, value = x.value,
    level = x.level, definition_version = x.version, population_basis = x.population, computed_at = now(),
    provenance = x.provenance
  FROM changes x
  WHERE v.ctid = ANY(ARRAY(SELECT row_address FROM changes WHERE row_address IS NOT NULL))
    AND v.ctid = x.row_address
  RETURNING 1
),
inserted AS (
  INSERT INTO indicator_values (county_code, indicator_id, region_code, facility_id, level, year, quarter,
    period_basis, numerator, denominator, value, definition_version, population_basis, computed_at, provenance)
  SELECT :county_code, id, region_code, facility_id, level, year, quarter, basis, numerator, denominator, value,
    version, population, now(), provenance
  FROM changes WHERE row_address IS NULL
  RETURNING 1
),
removed AS (
  DELETE FROM indicator_values v
  WHERE v.ctid = ANY(ARRAY(SELECT c.row_address FROM cur c
    LEFT JOIN kept k USING (id, region_code, facility_id, year, quarter, basis) WHERE k.id IS NULL))
  RETURNING 1
)
SELECT ((SELECT count(*) FROM updated) + (SELECT count(*) FROM inserted))::int AS written, (SELECT count(*) FROM removed)::int AS removed
`;
}
