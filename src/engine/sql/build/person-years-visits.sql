WITH v AS (
  SELECT DISTINCT x.resident_id, x.year FROM unnest(:ids::bigint[], :yrs::int[]) AS x(resident_id, year)
),
used AS (
  UPDATE indicator_person_years y SET record_used = 1, record_standard = coalesce((h.has_id_number AND h.has_name AND h.has_sex AND h.has_birth_date AND h.has_address AND h.has_phone
      AND h.has_responsible_doctor)::int, 0)
  FROM v JOIN health_records h ON h.county_code = :county_code AND h.resident_id = v.resident_id
  WHERE y.county_code = :county_code AND y.year = v.year AND y.resident_id = v.resident_id
    AND y.record = 1 AND y.record_used = 0
  RETURNING y.region_code, y.year, y.record_standard
),
sums AS (
  SELECT x.region_code, x.year, m.measure, m.value
  FROM (SELECT region_code, year, count(*) AS record_used, sum(record_standard) AS record_standard FROM used GROUP BY 1, 2) AS x CROSS JOIN LATERAL (VALUES ('record_used', x.record_used), ('record_standard', x.record_standard)) AS m(measure, value)
  WHERE m.value <> 0
),
applied AS (
  INSERT INTO indicator_region_rollup AS r (county_code, region_code, year, quarter, measure, value)
  SELECT :county_code, region_code, year, 0, measure, value FROM sums
  ON CONFLICT (county_code, measure, year, quarter, region_code) DO UPDATE SET value = r.value + excluded.value
  RETURNING 1
)
SELECT DISTINCT measure, year FROM sums;
