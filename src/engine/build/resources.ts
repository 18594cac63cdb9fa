import { FACILITY_STOCK_MEASURES } from '../measures.js';

/*
 * Staff, beds and facility flags at year end by facility (Stats 卫生人力 and 床位 definitions). Small
 * tables: every year is recomputed when any of them changes.
 */

export const CLEAR_RESOURCES = `DELETE FROM indicator_facility_rollup WHERE county_code = :county_code
  AND year = ANY(:years::int[]) AND quarter = 0 AND measure = ANY('{${FACILITY_STOCK_MEASURES.join(',')}}'::text[])`;

/**
 * Staff employed on 31 Dec, each licence once (at the employment that started first: 多点执业 counts at the
 * first practice site); physicians and nurses exclude management posts; GPs are registered in general
 * practice or certified, each person once.
 */
export const INSERT_RESOURCES = `INSERT INTO indicator_facility_rollup (county_code, facility_id, year, quarter, measure, value)
SELECT :county_code, x.facility_id, x.year, 0, x.measure, sum(x.value)
FROM (
  SELECT s.facility_id, s.year, v.measure, v.value
  FROM (
    SELECT DISTINCT ON (y.year, coalesce(s.licence_number, 'row:' || s.id)) s.*, y.year
    FROM staff s CROSS JOIN unnest(:years::int[]) AS y(year)
    WHERE s.county_code = :county_code AND s.started_on <= make_date(y.year, 12, 31)
      AND (s.ended_on IS NULL OR s.ended_on >= make_date(y.year, 12, 31))
    ORDER BY y.year, coalesce(s.licence_number, 'row:' || s.id), s.started_on, s.id
  ) AS s
  CROSS JOIN LATERAL (VALUES
    ('physicians', (s.category IN ('physician', 'assistant_physician') AND NOT s.management_post)::int),
    ('tcm_physicians', (s.practice_category = 'tcm' AND NOT s.management_post)::int),
    ('nurses', (s.category = 'registered_nurse' AND NOT s.management_post)::int),
    ('pharmacists', (s.category = 'pharmacist')::int),
    ('gps', (s.category IN ('physician', 'assistant_physician') AND (s.gp_registered OR s.gp_certificate))::int),
    ('health_technicians', (s.category IN ('physician', 'assistant_physician', 'registered_nurse', 'pharmacist',
      'lab_technician', 'imaging_technician', 'other_health_technical'))::int),
    ('staff', 1)
  ) AS v(measure, value)
  UNION ALL
  SELECT b.facility_id, b.year, 'beds', b.beds FROM facility_beds b
  WHERE b.county_code = :county_code AND b.year = ANY(:years::int[])
  UNION ALL
  SELECT f.id, y.year, v.measure, v.value
  FROM facilities f CROSS JOIN unnest(:years::int[]) AS y(year)
  CROSS JOIN LATERAL (VALUES ('facilities', 1), ('geriatrics', f.geriatrics_department::int),
    ('tcm_services', f.tcm_services::int)) AS v(measure, value)
  WHERE f.county_code = :county_code AND (f.opened_on IS NULL OR f.opened_on <= make_date(y.year, 12, 31))
    AND (f.closed_on IS NULL OR f.closed_on > make_date(y.year, 12, 31))
) AS x
WHERE x.value <> 0
GROUP BY x.facility_id, x.year, x.measure`;
