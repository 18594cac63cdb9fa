import { FACILITY_EVENT_MEASURES } from '../measures.js';

/*
 * Encounters by facility and quarter, rebuilt for whole years in one pass over the encounters table. The
 * trigger of migration 0002 keeps the same counts current between rebuilds, by difference; the property
 * test checks that the two agree. Visits (诊疗人次) = outpatient + emergency; discharges and bed-days
 * count in the quarter of discharge (Stats 出院者占用总床日数 / 出院人数).
 */

export const CLEAR_ENCOUNTERS = `DELETE FROM indicator_facility_rollup WHERE county_code = :county_code
  AND year = :year::int AND quarter > 0 AND measure = ANY('{${FACILITY_EVENT_MEASURES.join(',')}}'::text[])`;

/** Visits, admissions, residents' encounters and costs by start date: aggregate and its filter. */
const STARTED: ReadonlyArray<readonly [string, string, string]> = [
  ['visits', 'count(*)', "e.class <> 'inpatient'"],
  ['admissions', 'count(*)', "e.class = 'inpatient'"],
  ['resident_encounters', 'count(*)', 'e.patient_county_code = e.county_code'],
  ['cost_total', 'sum(e.total_cost)', 'e.out_of_pocket IS NOT NULL'],
  ['cost_oop', 'sum(e.out_of_pocket)', 'e.total_cost IS NOT NULL'],
];
const QUARTERS = [1, 2, 3, 4];
/** Quarter q of :year as a date range (cheaper per row than extracting the quarter). */
const inQuarter = (q: number) =>
  [
    q > 1 ? `e.start_date >= make_date(:year::int, ${q * 3 - 2}, 1)` : '',
    q < 4 ? `e.start_date < make_date(:year::int, ${q * 3 + 1}, 1)` : '',
  ]
    .filter(Boolean)
    .join(' AND ');

/**
 * One year (:year), as a plain SELECT so that PostgreSQL may scan in parallel (it never does for an
 * INSERT … SELECT); the few thousand rows it returns go in with INSERT_ENCOUNTER_ROWS. Two passes that
 * each read only the year's rows: visits by start date from encounters_start_idx alone (it holds every
 * column read here, migration 0015), stays by discharge date (the partial index of inpatient
 * discharges), so one year costs less than one year's scan. The visits are
 * grouped by facility alone, a column per measure and quarter: grouping by an expression (the quarter)
 * leaves the planner blind to the number of groups, and it then declines a parallel scan.
 */
export const SELECT_ENCOUNTERS = `WITH started AS (
  SELECT coalesce(e.facility_id, 0) AS facility_id,
    ${STARTED.flatMap(([measure, aggregate, test]) =>
      QUARTERS.map((q) => `${aggregate} FILTER (WHERE ${test} AND ${inQuarter(q)}) AS ${measure}_${q}`),
    ).join(',\n    ')}
  FROM encounters e
  WHERE e.county_code = :county_code AND e.start_date BETWEEN make_date(:year::int, 1, 1) AND make_date(:year::int, 12, 31)
  GROUP BY 1
),
discharged AS (
  SELECT coalesce(e.facility_id, 0) AS facility_id, extract(quarter FROM e.end_date)::int AS quarter,
    count(*) AS discharges, sum(coalesce(e.length_of_stay, greatest(e.end_date - e.start_date, 1))) AS bed_days
  FROM encounters e
  WHERE e.county_code = :county_code AND e.class = 'inpatient'
    AND e.end_date BETWEEN make_date(:year::int, 1, 1) AND make_date(:year::int, 12, 31)
  GROUP BY 1, 2
)
SELECT f.facility_id::float8 AS facility_id, f.quarter, f.measure, f.value::text AS value
FROM (
  SELECT s.facility_id, v.quarter, v.measure, v.value
  FROM started s CROSS JOIN LATERAL (VALUES
    ${STARTED.flatMap(([measure]) => QUARTERS.map((q) => `(${q}, '${measure}', s.${measure}_${q}::numeric)`)).join(',\n    ')}
  ) AS v(quarter, measure, value)
  UNION ALL
  SELECT d.facility_id, d.quarter, v.measure, v.value
  FROM discharged d CROSS JOIN LATERAL (VALUES ('discharges', d.discharges::numeric), ('bed_days', d.bed_days)) AS v(measure, value)
) AS f
WHERE f.value IS NOT NULL AND f.value <> 0`;

export const INSERT_ENCOUNTER_ROWS = `INSERT INTO indicator_facility_rollup (county_code, facility_id, year, quarter, measure, value)
SELECT :county_code, x.facility_id, :year::int, x.quarter, x.measure, x.value
FROM jsonb_to_recordset(:rows::jsonb) AS x(facility_id bigint, quarter int, measure text, value numeric)`;
