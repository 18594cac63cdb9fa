import { CHRONIC_RESPIRATORY_RANGES } from '../../domain/indicators/definitions/outcomes.js';
import { MAJOR_NCD_RANGES } from '../../domain/indicators/premature-mortality.js';
import { NOTIFIABLE_MEASURES, REGION_EVENT_MEASURES } from '../measures.js';
import { icd10InRangesSql } from '../sql/icd10.js';

/*
 * Events by attributed region and quarter (births, deaths, deliveries, cases) and deaths by age group,
 * rebuilt for whole calendar years: these tables are small (a 2 M county has ~20 000 births a year), so a
 * year is recomputed rather than maintained by difference.
 */

const YEARS = `yr AS (SELECT make_date(min(y), 1, 1) AS lo, make_date(max(y), 12, 31) AS hi FROM unnest(:years::int[]) AS y)`;

/** A death counts for the county where its usual residence is: its own stated region, else the resident's. */
const DEATH_REGION = `coalesce(d.residence_region_code, r.residence_village_code, d.county_code || '000000')`;
const DEATHS = `deaths d LEFT JOIN residents r ON r.county_code = d.county_code AND r.id = d.resident_id`;
const DEATHS_IN_YEARS = `d.county_code = :county_code AND d.death_date BETWEEN yr.lo AND yr.hi
    AND extract(year FROM d.death_date) = ANY(:years::int[]) AND left(${DEATH_REGION}, 6) = d.county_code`;

const CRD = icd10InRangesSql('d.underlying_cause_code', CHRONIC_RESPIRATORY_RANGES);
const measures = (list: readonly string[]) => `'{${list.join(',')}}'::text[]`;

export const CLEAR_VITAL = [
  `DELETE FROM indicator_region_rollup WHERE county_code = :county_code AND year = ANY(:years::int[])
  AND quarter > 0 AND measure = ANY(${measures(REGION_EVENT_MEASURES)})`,
  `DELETE FROM indicator_deaths WHERE county_code = :county_code AND year = ANY(:years::int[])`,
];

/**
 * Births (mother's village, else the child's), deaths (usual residence), deliveries (mother's village).
 * 孕产妇系统管理 (Stats): first check before 13 weeks, ≥ 5 antenatal checks, hospital delivery, postpartum
 * visit within 28 days.
 */
export const INSERT_VITAL = `WITH ${YEARS}
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
  SELECT ${DEATH_REGION}, d.death_date, v.measure, v.value
  FROM ${DEATHS}
  CROSS JOIN LATERAL (VALUES ('infant_deaths', (d.age_years = 0)::int), ('under5_deaths', (d.age_years < 5)::int),
    ('maternal_deaths', d.maternal_death::int),
    ('crd_deaths_le70', (d.age_years <= 70 AND ${CRD})::int)) AS v(measure, value), yr
  WHERE ${DEATHS_IN_YEARS}
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
GROUP BY 2, 3, 4, 5`;

/** Deaths by sex and life-table age group (0, 1–4, 5–9 … 85+), all causes and the four major NCDs. */
export const INSERT_DEATHS_BY_AGE = `WITH ${YEARS}
INSERT INTO indicator_deaths (county_code, region_code, year, sex, age_group, deaths, ncd_deaths)
SELECT :county_code, ${DEATH_REGION}, extract(year FROM d.death_date), d.sex,
  CASE WHEN d.age_years = 0 THEN 0 WHEN d.age_years < 5 THEN 1 ELSE least(d.age_years / 5 * 5, 85) END,
  count(*), count(*) FILTER (WHERE ${icd10InRangesSql('d.underlying_cause_code', MAJOR_NCD_RANGES)})
FROM ${DEATHS}, yr
WHERE ${DEATHS_IN_YEARS}
GROUP BY 2, 3, 4, 5`;

export const CLEAR_NOTIFIABLE = `DELETE FROM indicator_region_rollup WHERE county_code = :county_code
  AND year = ANY(:years::int[]) AND quarter > 0 AND measure = ANY(${measures(NOTIFIABLE_MEASURES)})`;

/**
 * Cases of the county's residents (现住址 in the county) by onset date (else diagnosis, else report date,
 * in China time), confirmed and clinical only; class A + B, and pulmonary TB (肺结核, ICD-10 A15–A16).
 */
export const INSERT_NOTIFIABLE = `INSERT INTO indicator_region_rollup (county_code, region_code, year, quarter, measure, value)
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
GROUP BY 2, 3, 4, 5`;
