WITH days AS (
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
    sum(d.n) FILTER (WHERE NOT d.inpatient) AS visits,
    sum(d.n) FILTER (WHERE d.inpatient) AS admissions,
    sum(d.n) FILTER (WHERE d.resident) AS resident_encounters,
    sum(d.cost_total) AS cost_total,
    sum(d.cost_oop) AS cost_oop
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
    ('visits', s.visits::numeric),
    ('admissions', s.admissions::numeric),
    ('resident_encounters', s.resident_encounters::numeric),
    ('cost_total', s.cost_total::numeric),
    ('cost_oop', s.cost_oop::numeric)
  ) AS v(measure, value)
  UNION ALL
  SELECT d.facility_id, d.quarter, v.measure, v.value
  FROM discharged d CROSS JOIN LATERAL (VALUES ('discharges', d.discharges::numeric), ('bed_days', d.bed_days)) AS v(measure, value)
) AS f
WHERE f.value IS NOT NULL AND f.value <> 0;

DELETE FROM indicator_facility_rollup WHERE county_code = :county_code
  AND year = :year::int AND quarter > 0 AND measure = ANY('{visits,admissions,resident_encounters,cost_total,cost_oop,discharges,bed_days}'::text[]);

INSERT INTO indicator_facility_rollup (county_code, facility_id, year, quarter, measure, value)
SELECT :county_code, x.facility_id, :year::int, x.quarter, x.measure, x.value
FROM jsonb_to_recordset(:rows::jsonb) AS x(facility_id bigint, quarter int, measure text, value numeric);
