-- oop-share-of-health-expenditure v1: out-of-pocket payments / total cost of the encounters in the records that state both, including residents’ care outside the county × 100%
WITH periods AS (
  SELECT y.year, 0 AS quarter, 'calendar' AS basis, y.year AS src_year, q.q AS src_quarter FROM unnest(:years::int[]) AS y(year), generate_series(1, 4) AS q(q)
  UNION ALL SELECT y.year, 0, 'calendar', y.year, 0 FROM unnest(:years::int[]) AS y(year)
  UNION ALL SELECT y.year, q.q, 'calendar', y.year, q.q FROM unnest(:years::int[]) AS y(year), generate_series(1, 4) AS q(q)
),
num AS (
  SELECT s.region_code, s.facility_id, p.year, p.quarter, p.basis, sum(r.value) AS v, false AS est
  FROM indicator_facility_rollup r
  JOIN periods p ON p.src_year = r.year AND p.src_quarter = r.quarter
  LEFT JOIN facilities f ON f.county_code = r.county_code AND f.id = r.facility_id
  CROSS JOIN LATERAL (SELECT a.region_code, 0::bigint AS facility_id FROM (VALUES (left(coalesce(f.region_code, :county_code || '000000'), 6) || '000000'),
      (CASE WHEN right(coalesce(f.region_code, :county_code || '000000'), 6) <> '000000' THEN left(coalesce(f.region_code, :county_code || '000000'), 9) || '000' END),
      (CASE WHEN right(coalesce(f.region_code, :county_code || '000000'), 3) <> '000' THEN coalesce(f.region_code, :county_code || '000000') END)) AS a(region_code) WHERE a.region_code IS NOT NULL UNION ALL SELECT coalesce(f.region_code, :county_code || '000000'), f.id WHERE f.id IS NOT NULL) AS s(region_code, facility_id)
  WHERE r.county_code = :county_code AND r.measure IN ('cost_oop')
  GROUP BY s.region_code, s.facility_id, p.year, p.quarter, p.basis
),
den AS (
  SELECT s.region_code, s.facility_id, p.year, p.quarter, p.basis, sum(r.value) AS v, false AS est
  FROM indicator_facility_rollup r
  JOIN periods p ON p.src_year = r.year AND p.src_quarter = r.quarter
  LEFT JOIN facilities f ON f.county_code = r.county_code AND f.id = r.facility_id
  CROSS JOIN LATERAL (SELECT a.region_code, 0::bigint AS facility_id FROM (VALUES (left(coalesce(f.region_code, :county_code || '000000'), 6) || '000000'),
      (CASE WHEN right(coalesce(f.region_code, :county_code || '000000'), 6) <> '000000' THEN left(coalesce(f.region_code, :county_code || '000000'), 9) || '000' END),
      (CASE WHEN right(coalesce(f.region_code, :county_code || '000000'), 3) <> '000' THEN coalesce(f.region_code, :county_code || '000000') END)) AS a(region_code) WHERE a.region_code IS NOT NULL UNION ALL SELECT coalesce(f.region_code, :county_code || '000000'), f.id WHERE f.id IS NOT NULL) AS s(region_code, facility_id)
  WHERE r.county_code = :county_code AND r.measure IN ('cost_total')
  GROUP BY s.region_code, s.facility_id, p.year, p.quarter, p.basis
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
  WHERE level IN ('county', 'facility') AND (numerator <> 0 OR denominator <> 0)
),
upserted AS (
  INSERT INTO indicator_values AS v (county_code, indicator_id, region_code, facility_id, level, year, quarter,
    period_basis, numerator, denominator, value, definition_version, population_basis, computed_at, provenance)
  SELECT :county_code, 'oop-share-of-health-expenditure', k.region_code, k.facility_id, k.level, k.year, k.quarter, k.basis,
    k.numerator, k.denominator,
    CASE WHEN k.denominator > 0 THEN (k.numerator * 100 / k.denominator)::float8 END,
    1, 'expenditure', now(), jsonb_strip_nulls(jsonb_build_object('midYearFromYearEnd', CASE WHEN k.est THEN true END))
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
  WHERE v.county_code = :county_code AND v.indicator_id = 'oop-share-of-health-expenditure' AND v.year = ANY(:years::int[])
    -- NOT IN over non-null keys: a hashed subplan whatever the (poor) row estimate of kept.
    AND (v.region_code, v.facility_id, v.year, v.quarter, v.period_basis) NOT IN
      (SELECT region_code, facility_id, year, quarter, basis FROM kept)
  RETURNING 1
)
SELECT (SELECT count(*) FROM upserted)::int AS written, (SELECT count(*) FROM removed)::int AS removed;
