import { ancestorsOf } from '../sql/regions.js';

/*
 * Resident population and childcare places resolved for every region: a region's own rows when the
 * source table has them, otherwise the sum of its finest parts (so a county published both as a total
 * and by village is not counted twice). Mid-year per docs/records-schema.md.
 */

const LEVEL_RANK = (code: string) =>
  `CASE WHEN right(${code}, 6) = '000000' THEN 0 WHEN right(${code}, 3) = '000' THEN 1 ELSE 2 END`;

export const CLEAR_POPULATION = [
  `DELETE FROM indicator_population WHERE county_code = :county_code AND year = ANY(:years::int[])`,
  `DELETE FROM indicator_region_rollup WHERE county_code = :county_code AND year = ANY(:years::int[])
  AND measure = 'childcare_places'`,
];

/** Mid-year: published, else the mean of last and this year-end, else (first year on record) year-end. */
export const INSERT_POPULATION = `WITH src AS (
  SELECT p.region_code, ${LEVEL_RANK('p.region_code')} AS rank, p.year, p.sex, p.age_group, p.year_end,
    coalesce(p.mid_year::numeric, (prev.year_end + p.year_end) / 2.0, p.year_end) AS mid_year,
    CASE WHEN p.mid_year IS NOT NULL THEN 2 WHEN prev.year_end IS NOT NULL THEN 1 ELSE 0 END AS source
  FROM population p
  LEFT JOIN population prev ON prev.county_code = p.county_code AND prev.region_code = p.region_code
    AND prev.year = p.year - 1 AND prev.basis = p.basis AND prev.sex = p.sex AND prev.age_group = p.age_group
  WHERE p.county_code = :county_code AND p.basis = 'resident' AND p.year = ANY(:years::int[])
),
up AS (
  SELECT a.region_code, s.rank, s.year, s.sex, s.age_group, sum(s.year_end) AS year_end, sum(s.mid_year) AS mid_year,
    min(s.source) AS source
  FROM src s CROSS JOIN LATERAL ${ancestorsOf('s.region_code')} AS a(region_code)
  WHERE a.region_code IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
),
best AS (SELECT region_code, year, min(rank) AS rank FROM up GROUP BY 1, 2)
INSERT INTO indicator_population (county_code, region_code, year, sex, age_group, year_end, mid_year, mid_year_source)
SELECT :county_code, up.region_code, up.year, up.sex, up.age_group, up.year_end, up.mid_year,
  (ARRAY['year-end', 'average', 'published'])[up.source + 1]
FROM up JOIN best USING (region_code, year, rank)`;

export const INSERT_CHILDCARE = `WITH up AS (
  SELECT a.region_code, ${LEVEL_RANK('c.region_code')} AS rank, c.year, sum(c.places) AS places
  FROM childcare_places c CROSS JOIN LATERAL ${ancestorsOf('c.region_code')} AS a(region_code)
  WHERE c.county_code = :county_code AND c.year = ANY(:years::int[]) AND a.region_code IS NOT NULL
  GROUP BY 1, 2, 3
),
best AS (SELECT region_code, year, min(rank) AS rank FROM up GROUP BY 1, 2)
INSERT INTO indicator_region_rollup (county_code, region_code, year, quarter, measure, value)
SELECT :county_code, up.region_code, up.year, 0, 'childcare_places', up.places
FROM up JOIN best USING (region_code, year, rank)
WHERE up.places <> 0`;
