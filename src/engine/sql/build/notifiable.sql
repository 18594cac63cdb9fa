DELETE FROM indicator_region_rollup WHERE county_code = :county_code
  AND year = ANY(:years::int[]) AND quarter > 0 AND measure = ANY('{class_ab_cases,tb_cases}'::text[]);

INSERT INTO indicator_region_rollup (county_code, region_code, year, quarter, measure, value)
SELECT :county_code, coalesce(r.residence_village_code, n.county_code || '000000'), extract(year FROM n.d),
  extract(quarter FROM n.d), v.measure, sum(v.value)
FROM (
  SELECT c.*, coalesce(c.onset_date, c.diagnosed_on, (c.reported_at AT TIME ZONE 'Asia/Shanghai')::date) AS d
  FROM notifiable_disease_reports c
  WHERE c.county_code = :county_code AND coalesce(c.patient_county_code, c.county_code) = c.county_code
    AND (c.case_classification IS NULL OR c.case_classification IN ('confirmed', 'clinical'))
) AS n
LEFT JOIN residents r ON r.county_code = n.county_code AND r.id = n.resident_id
CROSS JOIN LATERAL (VALUES ('class_ab_cases', (n.disease_class IN ('A', 'B'))::int),
  ('tb_cases', (n.disease_name LIKE '%肺结核%' OR n.disease_code ~* '^A1[56]')::int)) AS v(measure, value)
WHERE extract(year FROM n.d) = ANY(:years::int[]) AND v.value <> 0
GROUP BY 2, 3, 4, 5;
