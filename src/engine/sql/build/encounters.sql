WITH started AS (
  SELECT coalesce(e.facility_id, 0) AS facility_id,
    count(*) FILTER (WHERE e.class <> 'inpatient' AND e.start_date < make_date(:year::int, 4, 1)) AS visits_1,
    count(*) FILTER (WHERE e.class <> 'inpatient' AND e.start_date >= make_date(:year::int, 4, 1) AND e.start_date < make_date(:year::int, 7, 1)) AS visits_2,
    count(*) FILTER (WHERE e.class <> 'inpatient' AND e.start_date >= make_date(:year::int, 7, 1) AND e.start_date < make_date(:year::int, 10, 1)) AS visits_3,
    count(*) FILTER (WHERE e.class <> 'inpatient' AND e.start_date >= make_date(:year::int, 10, 1)) AS visits_4,
    count(*) FILTER (WHERE e.class = 'inpatient' AND e.start_date < make_date(:year::int, 4, 1)) AS admissions_1,
    count(*) FILTER (WHERE e.class = 'inpatient' AND e.start_date >= make_date(:year::int, 4, 1) AND e.start_date < make_date(:year::int, 7, 1)) AS admissions_2,
    count(*) FILTER (WHERE e.class = 'inpatient' AND e.start_date >= make_date(:year::int, 7, 1) AND e.start_date < make_date(:year::int, 10, 1)) AS admissions_3,
    count(*) FILTER (WHERE e.class = 'inpatient' AND e.start_date >= make_date(:year::int, 10, 1)) AS admissions_4,
    count(*) FILTER (WHERE e.patient_county_code = e.county_code AND e.start_date < make_date(:year::int, 4, 1)) AS resident_encounters_1,
    count(*) FILTER (WHERE e.patient_county_code = e.county_code AND e.start_date >= make_date(:year::int, 4, 1) AND e.start_date < make_date(:year::int, 7, 1)) AS resident_encounters_2,
    count(*) FILTER (WHERE e.patient_county_code = e.county_code AND e.start_date >= make_date(:year::int, 7, 1) AND e.start_date < make_date(:year::int, 10, 1)) AS resident_encounters_3,
    count(*) FILTER (WHERE e.patient_county_code = e.county_code AND e.start_date >= make_date(:year::int, 10, 1)) AS resident_encounters_4,
    sum(e.total_cost) FILTER (WHERE e.out_of_pocket IS NOT NULL AND e.start_date < make_date(:year::int, 4, 1)) AS cost_total_1,
    sum(e.total_cost) FILTER (WHERE e.out_of_pocket IS NOT NULL AND e.start_date >= make_date(:year::int, 4, 1) AND e.start_date < make_date(:year::int, 7, 1)) AS cost_total_2,
    sum(e.total_cost) FILTER (WHERE e.out_of_pocket IS NOT NULL AND e.start_date >= make_date(:year::int, 7, 1) AND e.start_date < make_date(:year::int, 10, 1)) AS cost_total_3,
    sum(e.total_cost) FILTER (WHERE e.out_of_pocket IS NOT NULL AND e.start_date >= make_date(:year::int, 10, 1)) AS cost_total_4,
    sum(e.out_of_pocket) FILTER (WHERE e.total_cost IS NOT NULL AND e.start_date < make_date(:year::int, 4, 1)) AS cost_oop_1,
    sum(e.out_of_pocket) FILTER (WHERE e.total_cost IS NOT NULL AND e.start_date >= make_date(:year::int, 4, 1) AND e.start_date < make_date(:year::int, 7, 1)) AS cost_oop_2,
    sum(e.out_of_pocket) FILTER (WHERE e.total_cost IS NOT NULL AND e.start_date >= make_date(:year::int, 7, 1) AND e.start_date < make_date(:year::int, 10, 1)) AS cost_oop_3,
    sum(e.out_of_pocket) FILTER (WHERE e.total_cost IS NOT NULL AND e.start_date >= make_date(:year::int, 10, 1)) AS cost_oop_4
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
    (1, 'visits', s.visits_1::numeric),
    (2, 'visits', s.visits_2::numeric),
    (3, 'visits', s.visits_3::numeric),
    (4, 'visits', s.visits_4::numeric),
    (1, 'admissions', s.admissions_1::numeric),
    (2, 'admissions', s.admissions_2::numeric),
    (3, 'admissions', s.admissions_3::numeric),
    (4, 'admissions', s.admissions_4::numeric),
    (1, 'resident_encounters', s.resident_encounters_1::numeric),
    (2, 'resident_encounters', s.resident_encounters_2::numeric),
    (3, 'resident_encounters', s.resident_encounters_3::numeric),
    (4, 'resident_encounters', s.resident_encounters_4::numeric),
    (1, 'cost_total', s.cost_total_1::numeric),
    (2, 'cost_total', s.cost_total_2::numeric),
    (3, 'cost_total', s.cost_total_3::numeric),
    (4, 'cost_total', s.cost_total_4::numeric),
    (1, 'cost_oop', s.cost_oop_1::numeric),
    (2, 'cost_oop', s.cost_oop_2::numeric),
    (3, 'cost_oop', s.cost_oop_3::numeric),
    (4, 'cost_oop', s.cost_oop_4::numeric)
  ) AS v(quarter, measure, value)
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
