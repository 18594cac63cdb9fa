import { FACILITY_EVENT_MEASURES } from '../measures.js';

/*
 * Encounters by facility and quarter, rebuilt for whole years in one pass over the encounters table. The
 * trigger of migration 0002 keeps the same counts current between rebuilds, by difference; the property
 * test checks that the two agree. Visits (诊疗人次) = outpatient + emergency; discharges and bed-days
 * count in the quarter of discharge (Stats 出院者占用总床日数 / 出院人数).
 */

export const CLEAR_ENCOUNTERS = `DELETE FROM indicator_facility_rollup WHERE county_code = :county_code
  AND year = :year::int AND quarter > 0 AND measure = ANY('{${FACILITY_EVENT_MEASURES.join(',')}}'::text[])`;

/**
 * Visits, admissions, residents' encounters and costs by start date, each summed from the days (`d`) of
 * the first pass: its per-day count `n` and costs.
 */
const STARTED: ReadonlyArray<readonly [string, string]> = [
  ['visits', 'sum(d.n) FILTER (WHERE NOT d.inpatient)'],
  ['admissions', 'sum(d.n) FILTER (WHERE d.inpatient)'],
  ['resident_encounters', 'sum(d.n) FILTER (WHERE d.resident)'],
  ['cost_total', 'sum(d.cost_total)'],
  ['cost_oop', 'sum(d.cost_oop)'],
];

/**
 * One year (:year), as a plain SELECT so that PostgreSQL may scan in parallel (it never does for an
 * INSERT … SELECT); the few thousand rows it returns go in with INSERT_ENCOUNTER_ROWS. Two passes that
 * each read only the year's rows, from an index alone (each holds every column read here, migration
 * 0015): visits by start date (encounters_start_idx), stays by discharge date (the partial index of
 * inpatient discharges). The visits are grouped by facility, day, class and residence, with three
 * aggregates, then those ~100 000 rows by quarter. (A column per measure and quarter, 20 aggregates
 * each with its date test for every encounter, took half as long again on PGlite.)
 */
export const SELECT_ENCOUNTERS = `WITH days AS (
  SELECT coalesce(e.facility_id, 0) AS facility_id, e.start_date, e.class = 'inpatient' AS inpatient,
    e.patient_county_code = e.county_code AS resident, count(*) AS n,
    sum(e.total_cost) FILTER (WHERE e.out_of_pocket IS NOT NULL) AS cost_total,
    sum(e.out_of_pocket) FILTER (WHERE e.total_cost IS NOT NULL) AS cost_oop
  FROM encounters e
  WHERE e.county_code = :county_code AND e.start_date BETWEEN make_date(:year::int, 1, 1) AND make_date(:year::int, 12, 31)
  GROUP BY 1, 2, 3, 4
),
started AS (
  SELECT d.facility_id, extract(quarter FROM d.start_date)::int AS quarter,
    ${STARTED.map(([measure, aggregate]) => `${aggregate} AS ${measure}`).join(',\n    ')}
  FROM days d
  GROUP BY 1, 2
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
  SELECT s.facility_id, s.quarter, v.measure, v.value
  FROM started s CROSS JOIN LATERAL (VALUES
    ${STARTED.map(([measure]) => `('${measure}', s.${measure}::numeric)`).join(',\n    ')}
  ) AS v(measure, value)
  UNION ALL
  SELECT d.facility_id, d.quarter, v.measure, v.value
  FROM discharged d CROSS JOIN LATERAL (VALUES ('discharges', d.discharges::numeric), ('bed_days', d.bed_days)) AS v(measure, value)
) AS f
WHERE f.value IS NOT NULL AND f.value <> 0`;

export const INSERT_ENCOUNTER_ROWS = `INSERT INTO indicator_facility_rollup (county_code, facility_id, year, quarter, measure, value)
SELECT :county_code, x.facility_id, :year::int, x.quarter, x.measure, x.value
FROM jsonb_to_recordset(:rows::jsonb) AS x(facility_id bigint, quarter int, measure text, value numeric)`;
