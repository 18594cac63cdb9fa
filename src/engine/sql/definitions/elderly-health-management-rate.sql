-- elderly-health-management-rate v1: residents aged ≥ 65 on 31 Dec with a health record and an elderly-programme check-up in the year with lifestyle assessment, physical examination, auxiliary tests, health guidance and a complete form / resident population aged ≥ 65 × 100% (BPHS-3)
WITH periods AS (
  SELECT y.year, 0 AS quarter, 'calendar' AS basis, y.year AS src_year, q.q AS src_quarter FROM unnest(:years::int[]) AS y(year), generate_series(1, 4) AS q(q)
  UNION ALL SELECT y.year, 0, 'calendar', y.year, 0 FROM unnest(:years::int[]) AS y(year)
),
num AS (
  SELECT a.region_code, 0::bigint AS facility_id, p.year, p.quarter, p.basis,
    sum(r.value) AS v, false AS est
  FROM indicator_region_rollup r
  JOIN periods p ON p.src_year = r.year AND p.src_quarter = r.quarter
  CROSS JOIN LATERAL (VALUES (left(r.region_code, 6) || '000000'),
      (CASE WHEN right(r.region_code, 6) <> '000000' THEN left(r.region_code, 9) || '000' END),
      (CASE WHEN right(r.region_code, 3) <> '000' THEN r.region_code END)) AS a(region_code)
  WHERE r.county_code = :county_code AND r.measure IN ('elderly_managed') AND r.year IN (SELECT src_year FROM periods) AND a.region_code IS NOT NULL
  GROUP BY a.region_code, 2, p.year, p.quarter, p.basis
),
den AS (
  SELECT t.region_code, 0::bigint AS facility_id, p.year, p.quarter, p.basis, t.v, t.est
  FROM (
    SELECT x.region_code, x.year, sum(x.year_end * CASE WHEN x.age_group >= 65 THEN 1 WHEN x.age_group + CASE x.age_group WHEN 0 THEN 1 WHEN 1 THEN 4 ELSE 5 END <= 65 THEN 0
      ELSE (x.age_group + CASE x.age_group WHEN 0 THEN 1 WHEN 1 THEN 4 ELSE 5 END - 65)::numeric / CASE x.age_group WHEN 0 THEN 1 WHEN 1 THEN 4 ELSE 5 END END) AS v, false AS est
    FROM indicator_population x
    WHERE x.county_code = :county_code AND x.year = ANY(:years::int[])
    GROUP BY x.region_code, x.year
  ) AS t
  JOIN (SELECT DISTINCT year, quarter, basis FROM periods) AS p ON p.year = t.year
),
kept AS (
  SELECT region_code, facility_id, year, quarter, basis, level, numerator, denominator, est
  FROM (
    SELECT region_code, facility_id, year, quarter, basis,
      CASE WHEN facility_id <> 0 THEN 'facility' ELSE CASE WHEN right(region_code, 6) = '000000' THEN 'county' WHEN right(region_code, 3) = '000' THEN 'town' ELSE 'village' END END AS level,
      coalesce(num.v, 0) AS numerator, coalesce(den.v, 0) AS denominator,
      coalesce(num.est, false) OR coalesce(den.est, false) AS est
    FROM num FULL JOIN den USING (region_code, facility_id, year, quarter, basis)
  ) AS c
  WHERE level IN ('county', 'town', 'village') AND (numerator <> 0 OR denominator <> 0)
),
upserted AS (
  INSERT INTO indicator_values AS v (county_code, indicator_id, region_code, facility_id, level, year, quarter,
    period_basis, numerator, denominator, value, definition_version, population_basis, computed_at, provenance)
  SELECT :county_code, 'elderly-health-management-rate', k.region_code, k.facility_id, k.level, k.year, k.quarter, k.basis,
    k.numerator, k.denominator,
    CASE WHEN k.denominator > 0 THEN (k.numerator * 100 / k.denominator)::float8 END,
    1, 'target-group', now(), jsonb_strip_nulls(jsonb_build_object('midYearFromYearEnd', CASE WHEN k.est THEN true END))
  FROM kept k
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
  WHERE v.county_code = :county_code AND v.indicator_id = 'elderly-health-management-rate' AND v.year = ANY(:years::int[])
    -- NOT IN over non-null keys: a hashed subplan whatever the (poor) row estimate of kept.
    AND (v.region_code, v.facility_id, v.year, v.quarter, v.period_basis) NOT IN
      (SELECT region_code, facility_id, year, quarter, basis FROM kept)
  RETURNING 1
)
SELECT (SELECT count(*) FROM upserted)::int AS written, (SELECT count(*) FROM removed)::int AS removed;
