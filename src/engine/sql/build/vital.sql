DELETE FROM indicator_region_rollup WHERE county_code = :county_code AND year = ANY(:years::int[])
  AND quarter > 0 AND measure = ANY('{live_births,live_births_male,live_births_female,infant_deaths,under5_deaths,maternal_deaths,crd_deaths_le70,deliveries,deliveries_systematic,deliveries_early,deliveries_hospital}'::text[]);

DELETE FROM indicator_deaths WHERE county_code = :county_code AND year = ANY(:years::int[]);

WITH yr AS (SELECT make_date(min(y), 1, 1) AS lo, make_date(max(y), 12, 31) AS hi FROM unnest(:years::int[]) AS y)
INSERT INTO indicator_region_rollup (county_code, region_code, year, quarter, measure, value)
SELECT :county_code, e.region_code, extract(year FROM e.d), extract(quarter FROM e.d), e.measure, sum(e.value)
FROM (
  SELECT coalesce(m.residence_village_code, c.residence_village_code, b.county_code || '000000') AS region_code,
    b.birth_date AS d, v.measure, v.value
  FROM live_births b
  LEFT JOIN residents m ON m.county_code = b.county_code AND m.id = b.mother_resident_id
  LEFT JOIN residents c ON c.county_code = b.county_code AND c.id = b.child_resident_id
  CROSS JOIN LATERAL (VALUES ('live_births', 1), ('live_births_male', (b.sex = 'male')::int),
    ('live_births_female', (b.sex = 'female')::int)) AS v(measure, value), yr
  WHERE b.county_code = :county_code AND b.birth_date BETWEEN yr.lo AND yr.hi
    AND extract(year FROM b.birth_date) = ANY(:years::int[])
  UNION ALL
  SELECT coalesce(d.residence_region_code, r.residence_village_code, d.county_code || '000000'), d.death_date, v.measure, v.value
  FROM deaths d LEFT JOIN residents r ON r.county_code = d.county_code AND r.id = d.resident_id
  CROSS JOIN LATERAL (VALUES ('infant_deaths', (d.age_years = 0)::int), ('under5_deaths', (d.age_years < 5)::int),
    ('maternal_deaths', d.maternal_death::int),
    ('crd_deaths_le70', (d.age_years <= 70 AND coalesce(substring(upper(btrim(d.underlying_cause_code)) from '^([A-Z][0-9]{2})') BETWEEN 'J30' AND 'J98', false))::int)) AS v(measure, value), yr
  WHERE d.county_code = :county_code AND d.death_date BETWEEN yr.lo AND yr.hi
    AND extract(year FROM d.death_date) = ANY(:years::int[]) AND left(coalesce(d.residence_region_code, r.residence_village_code, d.county_code || '000000'), 6) = d.county_code
  UNION ALL
  SELECT coalesce(r.residence_village_code, g.county_code || '000000'), g.delivery_date, v.measure, v.value
  FROM pregnancies g
  LEFT JOIN residents r ON r.county_code = g.county_code AND r.id = g.resident_id
  CROSS JOIN LATERAL (SELECT count(*) AS n FROM prenatal_visits pv
    WHERE pv.county_code = g.county_code AND pv.pregnancy_id = g.id) AS pv
  CROSS JOIN LATERAL (VALUES ('deliveries', 1), ('deliveries_early', coalesce(g.registration_week < 13, false)::int),
    ('deliveries_hospital', coalesce(g.hospital_delivery, false)::int),
    ('deliveries_systematic', coalesce(g.registration_week < 13 AND pv.n >= 5 AND g.hospital_delivery
      AND g.postpartum_visit_on BETWEEN g.delivery_date AND g.delivery_date + 28, false)::int)) AS v(measure, value), yr
  WHERE g.county_code = :county_code AND g.delivery_date BETWEEN yr.lo AND yr.hi
    AND extract(year FROM g.delivery_date) = ANY(:years::int[])
) AS e
WHERE e.value <> 0
GROUP BY 2, 3, 4, 5;

WITH yr AS (SELECT make_date(min(y), 1, 1) AS lo, make_date(max(y), 12, 31) AS hi FROM unnest(:years::int[]) AS y)
INSERT INTO indicator_deaths (county_code, region_code, year, sex, age_group, deaths, ncd_deaths)
SELECT :county_code, coalesce(d.residence_region_code, r.residence_village_code, d.county_code || '000000'), extract(year FROM d.death_date), d.sex,
  CASE WHEN d.age_years = 0 THEN 0 WHEN d.age_years < 5 THEN 1 ELSE least(d.age_years / 5 * 5, 85) END,
  count(*), count(*) FILTER (WHERE coalesce(substring(upper(btrim(d.underlying_cause_code)) from '^([A-Z][0-9]{2})') BETWEEN 'I00' AND 'I99' OR substring(upper(btrim(d.underlying_cause_code)) from '^([A-Z][0-9]{2})') BETWEEN 'C00' AND 'C97' OR substring(upper(btrim(d.underlying_cause_code)) from '^([A-Z][0-9]{2})') BETWEEN 'J30' AND 'J98' OR substring(upper(btrim(d.underlying_cause_code)) from '^([A-Z][0-9]{2})') BETWEEN 'E10' AND 'E14', false))
FROM deaths d LEFT JOIN residents r ON r.county_code = d.county_code AND r.id = d.resident_id, yr
WHERE d.county_code = :county_code AND d.death_date BETWEEN yr.lo AND yr.hi
    AND extract(year FROM d.death_date) = ANY(:years::int[]) AND left(coalesce(d.residence_region_code, r.residence_village_code, d.county_code || '000000'), 6) = d.county_code
GROUP BY 2, 3, 4, 5;
