import { IMMUNIZATION_SCHEDULE } from '../../domain/indicators/definitions/immunization-schedule.js';
import { PERSON_YEAR_MEASURES } from '../../store/schema/rollups.js';

/*
 * Person-year statuses (indicator_person_years) and their sums by village (indicator_region_rollup,
 * quarter 0). One statement computes every condition of every requested person-year from the records,
 * set-based; the rules cite BPHS-3 (国家基本公共卫生服务规范第三版) and indicator-definitions.md.
 *
 * Two scopes: `all` (every resident of the county × :years, a rebuild) and `pairs` (the person-years
 * :ids × :yrs of an incremental refresh, whose old rows are subtracted from the sums first), each with
 * what queued it (:kinds, PERSON_KINDS bits).
 */

export type PersonScope = 'all' | 'pairs';

/**
 * What queued a person-year, a bit each (indicator_dirty kinds, migration 0014). A new follow-up, check-up,
 * child check or contract can change only the statuses computed from its own table (and the use of the
 * record: it is a service, or nothing); anything else — a change or removal of those, any other table —
 * queues `resident`, and the person-year is recomputed whole. A person-year not stored yet is too.
 */
export const PERSON_KINDS = { resident: 1, follow_up: 2, checkup: 4, child_check: 8, contract: 16 } as const;
const WHOLE = PERSON_KINDS.resident;
/** The kinds whose person-years read each group of records. */
const NEEDS = {
  chronic: WHOLE | PERSON_KINDS.follow_up | PERSON_KINDS.checkup,
  checkups: WHOLE | PERSON_KINDS.follow_up | PERSON_KINDS.checkup,
  child: WHOLE | PERSON_KINDS.child_check,
  contracts: WHOLE | PERSON_KINDS.contract,
  other: WHOLE,
};
type Need = keyof typeof NEEDS;

const flag = (expr: string) => `coalesce((${expr})::int, 0)`;

/** Scheduled child checks (BPHS-3 儿童健康管理: 3, 6, 8, 12 | 18, 24 | 30 months — the 4 : 2 : 2 rule). */
const U3_CHECK_MONTHS = '{3,6,8,12,18,24,30}';

const schedule = IMMUNIZATION_SCHEDULE.map((d) => `('${d.vaccine}', ${d.dose}, ${d.ageMonths})`).join(', ');

function targets(scope: PersonScope): string {
  return scope === 'all'
    ? `SELECT r.id AS resident_id, y.year FROM residents r CROSS JOIN unnest(:years::int[]) AS y(year)
    WHERE r.county_code = :county_code`
    : `SELECT x.resident_id, x.year, bit_or(x.kinds) AS kinds
    FROM unnest(:ids::bigint[], :yrs::int[], :kinds::int[]) AS x(resident_id, year, kinds) GROUP BY 1, 2`;
}

/** The person-year `row` (with its `kinds`) reads the records of `need` (always on a rebuild). */
function reads(scope: PersonScope, need: Need, row = 'p'): string {
  return scope === 'all' ? 'true' : `${row}.kinds & ${NEEDS[need]} <> 0`;
}

/** `reads` as the first of a WHERE clause's conditions (none on a rebuild). */
const readsAnd = (scope: PersonScope, need: Need) => (scope === 'all' ? '' : `${reads(scope, need)} AND `);

/** The rows of `scope` restricted to the residents concerned with `need` (no restriction on a rebuild). */
function only(scope: PersonScope, residentColumn: string, need: Need): string {
  return scope === 'all'
    ? 'true'
    : `${residentColumn} IN (SELECT resident_id FROM k WHERE ${reads(scope, need, 'k')})`;
}

/**
 * The person-years with a visit at a facility of the platform. A rebuild reads the years' encounters
 * once; a refresh asks, per person-year, whether one exists: the first found answers, instead of
 * fetching every visit of the person's year. Both read an index alone (encounters_start_idx and
 * encounters_resident_idx hold the facility, migration 0015).
 */
function visited(scope: PersonScope): string {
  return scope === 'all'
    ? `SELECT e.resident_id, extract(year FROM e.start_date)::int FROM encounters e, span
      WHERE e.county_code = :county_code AND e.start_date BETWEEN make_date(span.first, 1, 1) AND make_date(span.last, 12, 31)
        AND e.facility_id IS NOT NULL AND e.resident_id IS NOT NULL`
    : `SELECT k.resident_id, k.year FROM k WHERE ${reads(scope, 'other', 'k')} AND EXISTS (SELECT 1 FROM encounters e
        WHERE e.county_code = :county_code AND e.resident_id = k.resident_id
          AND e.start_date BETWEEN make_date(k.year, 1, 1) AND make_date(k.year, 12, 31) AND e.facility_id IS NOT NULL)`;
}

/** The record's basic information sheet is complete (ehr-standardized-rate's product rule). */
const SHEET_COMPLETE = `h.has_id_number AND h.has_name AND h.has_sex AND h.has_birth_date AND h.has_address AND h.has_phone
      AND h.has_responsible_doctor`;

/** The statuses other than the record's, each with the records it reads (NEEDS). */
const STATUSES: ReadonlyArray<readonly [Need, string, string]> = [
  ['checkups', flag('rec AND age >= 65 AND elderly'), 'elderly_managed'],
  ['child', flag('age BETWEEN 0 AND 6'), 'child_0_6'],
  ['child', flag('age BETWEEN 0 AND 6 AND checks > 0'), 'child_checked'],
  ['child', flag('age BETWEEN 0 AND 6 AND eye'), 'child_eye'],
  ['child', flag('under3 AND u3_due_n > 0'), 'u3_due'],
  ['child', flag('under3 AND u3_due_n > 0 AND checks >= u3_due_n'), 'u3_managed'],
  ['child', flag('under3_mch AND u3_due_mch_n > 0'), 'u3_due_mch'],
  ['child', flag('under3_mch AND u3_due_mch_n > 0 AND checks_mch >= u3_due_mch_n'), 'u3_managed_mch'],
  ['chronic', flag('htn'), 'htn_registered'],
  ['chronic', flag('htn_standard'), 'htn_standard'],
  ['chronic', flag('htn_controlled'), 'htn_controlled'],
  ['chronic', flag('dm'), 'dm_registered'],
  ['chronic', flag('dm_standard'), 'dm_standard'],
  ['chronic', flag('dm_controlled'), 'dm_controlled'],
  ['chronic', flag('smd'), 'smd_registered'],
  ['chronic', flag('smd_managed'), 'smd_managed'],
  ['chronic', flag('smd_standard'), 'smd_standard'],
  ['contracts', flag('contract_valid'), 'contract_valid'],
  // The priority itself is worked out in `s`: a new contract may list the person in a priority group.
  ['contracts', flag('priority'), 'priority_member'],
  ['contracts', flag('priority AND contract_valid'), 'priority_contracted'],
  ['contracts', 'coalesce(expiring, 0)', 'contracts_expiring'],
  ['contracts', 'coalesce(renewed, 0)', 'contracts_renewed'],
  ['other', 'coalesce(imm_due, 0)', 'imm_due'],
  ['other', 'coalesce(imm_given, 0)', 'imm_given'],
];

/** Check-ups, child checks and follow-ups as services of their person-years. */
const SERVICES = `SELECT resident_id, year FROM chk
    UNION ALL SELECT resident_id, year FROM cc
    UNION ALL SELECT reg.resident_id, fu.year FROM fu JOIN reg ON reg.id = fu.registration_id`;

/** The CTEs ending in `statuses`: one row per living resident person-year with every status column. */
function statusRows(scope: PersonScope): string {
  // Only children born in the last four years can have a check due: the subquery runs for them alone.
  const milestones = (from: string, to: string) =>
    `CASE WHEN p.birth_date > p.ye - interval '4 years' THEN (SELECT count(*) FROM unnest('${U3_CHECK_MONTHS}'::int[]) AS m(months)
        WHERE p.birth_date + make_interval(months => m.months) BETWEEN ${from} AND ${to}) ELSE 0 END`;
  const mchStart = 'make_date(p.year - 1, 10, 1)';
  const mchEnd = 'make_date(p.year, 9, 30)';
  const pairs = scope === 'pairs';
  const whole = reads(scope, 'other');
  // A person-year not recomputed whole: what its new records add to the stored row (PERSON_KINDS says why
  // nothing else can have changed). Its record is used if stored as used or one of them is a service…
  const served = `h.last_service_on BETWEEN p.ys AND p.ye OR svc.resident_id IS NOT NULL`;
  const priority = `p.age >= 65 OR p.age BETWEEN 0 AND 6 OR preg.resident_id IS NOT NULL OR dis.resident_id IS NOT NULL
      OR coalesce(con.listed, false)`;
  // … and each status is computed where the person-year reads its records, else kept as stored.
  const keep = (need: Need, expr: string, measure: string) =>
    pairs ? `CASE WHEN ${reads(scope, need, 's')} THEN ${expr} ELSE s.stored_${measure} END` : expr;
  return `t AS (
  ${targets(scope)}
),
old AS MATERIALIZED (
  ${stored(scope)}
),${
    !pairs
      ? ''
      : `
-- A person-year not stored yet is recomputed whole, whatever queued it.
k AS MATERIALIZED (
  SELECT t.resident_id, t.year, CASE WHEN o.resident_id IS NULL THEN ${WHOLE} ELSE t.kinds END AS kinds
  FROM t LEFT JOIN old o USING (resident_id, year)
),`
  }
span AS (SELECT min(year) AS first, max(year) AS last FROM ${scope === 'all' ? 'unnest(:years::int[]) AS y(year)' : 't'}),
b AS (SELECT make_date(first - 1, 10, 1) AS lo, make_date(last, 12, 31) AS hi FROM span),
-- Residents (常住) alive on 31 Dec and born by then; a duplicate merged into another row is left out.
p AS (
  SELECT r.id AS resident_id, t.year, make_date(t.year, 1, 1) AS ys, make_date(t.year, 12, 31) AS ye,
    coalesce(r.residence_village_code, r.county_code || '000000') AS region_code, r.birth_date,
    -- Completed years on 31 Dec: every birthday of the year has passed by then.
    t.year - extract(year FROM r.birth_date)::int AS age${pairs ? ', t.kinds' : ''}
  FROM ${
    scope === 'all'
      ? 'residents r CROSS JOIN unnest(:years::int[]) AS t(year)'
      : 'k AS t JOIN residents r ON r.id = t.resident_id'
  }
  WHERE r.county_code = :county_code AND r.resident AND r.merged_into_id IS NULL
    AND (r.birth_date IS NULL OR r.birth_date <= make_date(t.year, 12, 31))
    AND (r.death_date IS NULL OR r.death_date > make_date(t.year, 12, 31))
    AND NOT EXISTS (SELECT 1 FROM deaths d
      WHERE d.county_code = :county_code AND d.resident_id = r.id AND d.death_date <= make_date(t.year, 12, 31))
),
-- BPHS-3 老年人健康管理: lifestyle and health assessment, physical examination, auxiliary tests, guidance.
chk AS (
  SELECT c.resident_id, extract(year FROM c.checked_on)::int AS year,
    bool_or(c.programme = 'elderly' AND c.lifestyle_assessment AND c.physical_examination AND c.auxiliary_tests
      AND c.health_guidance AND c.form_complete) AS elderly
  FROM health_checkups c, b
  WHERE c.county_code = :county_code AND c.checked_on BETWEEN b.lo AND b.hi AND ${only(scope, 'c.resident_id', 'checkups')}
  GROUP BY 1, 2
),
-- Child checks, read once for both years they count in.
ccx AS MATERIALIZED (
  SELECT c.resident_id, c.checked_on, c.eye_screening
  FROM child_health_checks c, b
  WHERE c.county_code = :county_code AND c.checked_on BETWEEN b.lo AND b.hi AND ${only(scope, 'c.resident_id', 'child')}
),
cc AS (
  SELECT resident_id, extract(year FROM checked_on)::int AS year, count(*) AS n, bool_or(eye_screening) AS eye
  FROM ccx GROUP BY 1, 2
),
-- The MCH statistical year of a date is the calendar year of the date + 3 months (Oct–Dec → next year).
cc_mch AS (
  SELECT resident_id, extract(year FROM checked_on + interval '3 months')::int AS year, count(*) AS n
  FROM ccx GROUP BY 1, 2
),
reg AS (
  SELECT g.id, g.resident_id, g.disease, g.registered_on, g.closed_on
  FROM chronic_disease_registrations g
  WHERE g.county_code = :county_code AND ${only(scope, 'g.resident_id', 'chronic')}
),
-- Follow-ups per registration and year, with the values of the most recent one: one hash aggregate, no
-- sort — the latest row is the greatest (day, id, values) array (day and id decide; ids are unique).
fu_last AS (
  SELECT f.registration_id, extract(year FROM f.followed_up_on)::int AS year, count(*) AS n,
    count(*) FILTER (WHERE f.face_to_face) AS face_to_face,
    max(ARRAY[(f.followed_up_on - DATE '2000-01-01')::numeric, f.id, f.systolic, f.diastolic, f.fasting_glucose]) AS last
  FROM chronic_disease_follow_ups f ${scope === 'pairs' ? 'JOIN reg ON reg.id = f.registration_id' : ''}, b
  WHERE f.county_code = :county_code AND f.followed_up_on BETWEEN b.lo AND b.hi
  GROUP BY 1, 2
),
fu AS (
  SELECT registration_id, year, n, face_to_face, DATE '2000-01-01' + last[1]::int AS last_on,
    last[3]::int AS systolic, last[4]::int AS diastolic, last[5] AS glucose
  FROM fu_last
),
-- Under management = in the register on 31 Dec. Standardized (规范管理): ≥ 4 face-to-face follow-ups and a
-- check-up in the year; controlled: the most recent follow-up below target (BP < 140/90, < 150/90 from 65).
dis AS (
  SELECT p.resident_id, p.year,
    bool_or(g.disease = 'hypertension') AS htn,
    bool_or(g.disease = 'hypertension' AND fu.face_to_face >= 4 AND chk.resident_id IS NOT NULL) AS htn_standard,
    bool_or(g.disease = 'hypertension'
      AND fu.systolic < CASE WHEN extract(year FROM age(fu.last_on, p.birth_date)) >= 65 THEN 150 ELSE 140 END
      AND fu.diastolic < 90) AS htn_controlled,
    bool_or(g.disease = 'type2_diabetes') AS dm,
    bool_or(g.disease = 'type2_diabetes' AND fu.face_to_face >= 4 AND chk.resident_id IS NOT NULL) AS dm_standard,
    bool_or(g.disease = 'type2_diabetes' AND fu.glucose < 7.0) AS dm_controlled,
    bool_or(g.disease = 'severe_mental_disorder') AS smd,
    bool_or(g.disease = 'severe_mental_disorder' AND fu.n >= 1) AS smd_managed,
    bool_or(g.disease = 'severe_mental_disorder' AND fu.n >= 4 AND chk.resident_id IS NOT NULL) AS smd_standard
  FROM p
  JOIN reg g ON g.resident_id = p.resident_id AND g.registered_on <= p.ye AND (g.closed_on IS NULL OR g.closed_on > p.ye)
  LEFT JOIN fu ON fu.registration_id = g.id AND fu.year = p.year
  LEFT JOIN chk ON chk.resident_id = p.resident_id AND chk.year = p.year
  GROUP BY 1, 2
),
-- Contracts overlapping the years; a contract is renewed when another names it (renews_contract_id).
con AS (
  SELECT p.resident_id, p.year,
    bool_or(c.start_on <= p.ye AND c.end_on >= p.ye AND (c.cancelled_on IS NULL OR c.cancelled_on > p.ye)) AS valid,
    bool_or(cardinality(c.priority_groups) > 0 AND (c.cancelled_on IS NULL OR c.cancelled_on >= p.ys)) AS listed,
    count(*) FILTER (WHERE c.end_on BETWEEN p.ys AND p.ye AND (c.cancelled_on IS NULL OR c.cancelled_on >= c.end_on))
      AS expiring,
    count(*) FILTER (WHERE c.end_on BETWEEN p.ys AND p.ye AND (c.cancelled_on IS NULL OR c.cancelled_on >= c.end_on)
      AND EXISTS (SELECT 1 FROM family_doctor_contracts n
        WHERE n.county_code = :county_code AND n.renews_contract_id = c.id)) AS renewed
  FROM p JOIN family_doctor_contracts c ON c.county_code = :county_code AND c.resident_id = p.resident_id
    AND c.start_on <= p.ye AND c.end_on >= p.ys
  WHERE ${readsAnd(scope, 'contracts')}c.end_on >= (SELECT make_date(first, 1, 1) FROM span)
    AND c.start_on <= (SELECT make_date(last, 12, 31) FROM span)
  GROUP BY 1, 2
),
-- Pregnant or postpartum (42 days) in the year.
preg AS (
  SELECT DISTINCT p.resident_id, p.year
  FROM p JOIN pregnancies g ON g.county_code = :county_code AND g.resident_id = p.resident_id
  WHERE ${readsAnd(scope, 'other')}coalesce(g.registered_on, g.delivery_date) <= p.ye
    AND coalesce(g.delivery_date + 42, coalesce(g.registered_on, g.delivery_date) + 322) >= p.ys
),
-- A BPHS service entered in the year or a linked clinical visit — a visit at a facility of the platform,
-- whose record the platform holds ("动态使用" of the record, 健康档案使用率).
svc AS (
  SELECT resident_id, year FROM (
    ${SERVICES}
    UNION ALL SELECT i.resident_id, extract(year FROM i.vaccinated_on)::int FROM immunizations i, b
      WHERE i.county_code = :county_code AND i.vaccinated_on BETWEEN b.lo AND b.hi AND ${only(scope, 'i.resident_id', 'other')}
    UNION ALL SELECT g.resident_id, extract(year FROM v.visited_on)::int
      FROM prenatal_visits v JOIN pregnancies g ON g.county_code = v.county_code AND g.id = v.pregnancy_id, b
      WHERE v.county_code = :county_code AND v.visited_on BETWEEN b.lo AND b.hi AND ${only(scope, 'g.resident_id', 'other')}
    UNION ALL ${visited(scope)}
  ) AS x GROUP BY resident_id, year
),${
    pairs
      ? `
sb AS (
  SELECT resident_id, year FROM (${SERVICES}) AS x GROUP BY resident_id, year
),`
      : ''
  }
-- Doses due (应种): the immunization system's list when the county has one, else the national schedule.
due AS (
  ${
    !pairs
      ? `SELECT d.resident_id, d.vaccine_code, d.dose_number, d.due_on
  FROM immunization_due_doses d, b
  WHERE d.county_code = :county_code AND d.due_on BETWEEN b.lo AND b.hi`
      : // Each resident's doses by the key, fenced (OFFSET 0): joined, the planner reads every dose due in the
        // years by date (some 24 000 for a few hundred residents) to keep those of the residents.
        `SELECT d.* FROM (SELECT DISTINCT resident_id FROM k WHERE ${reads(scope, 'other', 'k')}) AS w
  CROSS JOIN LATERAL (SELECT d.resident_id, d.vaccine_code, d.dose_number, d.due_on
    FROM immunization_due_doses d, b
    WHERE d.county_code = :county_code AND d.resident_id = w.resident_id AND d.due_on BETWEEN b.lo AND b.hi
    OFFSET 0) AS d`
  }
  UNION ALL
  SELECT r.id, s.vaccine, s.dose, (r.birth_date + make_interval(months => s.months))::date
  FROM residents r CROSS JOIN (VALUES ${schedule}) AS s(vaccine, dose, months), b
  WHERE r.county_code = :county_code AND r.birth_date > b.lo - interval '7 years' AND ${only(scope, 'r.id', 'other')}
    AND (r.birth_date + make_interval(months => s.months)) BETWEEN b.lo AND b.hi
    AND NOT EXISTS (SELECT 1 FROM immunization_due_doses x WHERE x.county_code = :county_code)
),
given AS (
  SELECT i.resident_id, i.vaccine_code, i.dose_number, min(i.vaccinated_on) AS first_on
  FROM immunizations i
  WHERE i.county_code = :county_code AND i.resident_id IN (SELECT resident_id FROM due)
  GROUP BY 1, 2, 3
),
imm AS (
  SELECT d.resident_id, extract(year FROM d.due_on)::int AS year, count(*) AS due,
    count(*) FILTER (WHERE g.first_on <= make_date(extract(year FROM d.due_on)::int, 12, 31)) AS given
  FROM due d LEFT JOIN given g USING (resident_id, vaccine_code, dose_number)
  GROUP BY 1, 2
),
s AS (
  SELECT p.*, h.created_on IS NOT NULL AND h.created_on <= p.ye AND (h.closed_on IS NULL OR h.closed_on > p.ye) AS rec,
    ${pairs ? `CASE WHEN ${whole} THEN ${served} ELSE o.record_used = 1 OR sb.resident_id IS NOT NULL END` : served} AS served,
    ${SHEET_COMPLETE} AS sheet_complete,
    p.birth_date > p.ye - interval '3 years' AS under3, ${milestones('p.ys', 'p.ye')} AS u3_due_n,
    p.birth_date > ${mchEnd} - interval '3 years' AS under3_mch, ${milestones(mchStart, mchEnd)} AS u3_due_mch_n,
    coalesce(cc.n, 0) AS checks, coalesce(cc_mch.n, 0) AS checks_mch, cc.eye, chk.elderly,
    dis.htn, dis.htn_standard, dis.htn_controlled, dis.dm, dis.dm_standard, dis.dm_controlled,
    dis.smd, dis.smd_managed, dis.smd_standard,
    coalesce(con.valid, false) AS contract_valid, con.listed, con.expiring, con.renewed,
    ${pairs ? `CASE WHEN ${whole} THEN ${priority} ELSE o.priority_member = 1 OR coalesce(con.listed, false) END` : priority} AS priority,
    imm.due AS imm_due, imm.given AS imm_given${pairs ? `,\n    ${list('o.', 'stored_')}` : ''}
  FROM p
  LEFT JOIN health_records h ON h.county_code = :county_code AND h.resident_id = p.resident_id
  LEFT JOIN svc ON svc.resident_id = p.resident_id AND svc.year = p.year
  LEFT JOIN chk ON chk.resident_id = p.resident_id AND chk.year = p.year
  LEFT JOIN cc ON cc.resident_id = p.resident_id AND cc.year = p.year
  LEFT JOIN cc_mch ON cc_mch.resident_id = p.resident_id AND cc_mch.year = p.year
  LEFT JOIN dis ON dis.resident_id = p.resident_id AND dis.year = p.year
  LEFT JOIN con ON con.resident_id = p.resident_id AND con.year = p.year
  LEFT JOIN preg ON preg.resident_id = p.resident_id AND preg.year = p.year
  LEFT JOIN imm ON imm.resident_id = p.resident_id AND imm.year = p.year${
    pairs
      ? `
  LEFT JOIN old o ON o.resident_id = p.resident_id AND o.year = p.year
  LEFT JOIN sb ON sb.resident_id = p.resident_id AND sb.year = p.year`
      : ''
  }
),
statuses AS MATERIALIZED (
  SELECT resident_id, year, region_code,
    ${flag('rec')} AS record,
    ${flag('rec AND served')} AS record_used,
    ${flag('rec AND served AND sheet_complete')} AS record_standard,
    ${STATUSES.map(([need, expr, measure]) => `${keep(need, expr, measure)} AS ${measure}`).join(',\n    ')}
  FROM s
)`;
}

const columns = PERSON_YEAR_MEASURES.join(', ');
const list = (prefix: string, as = '') =>
  PERSON_YEAR_MEASURES.map((m) => `${prefix}${m}${as && ` AS ${as}${m}`}`).join(', ');
const PERSON_MEASURES = `'{${PERSON_YEAR_MEASURES.join(',')}}'::text[]`;

/** The stored person-years of the scope with their row addresses (read before this statement writes any). */
function stored(scope: PersonScope): string {
  const which =
    scope === 'all'
      ? 'y.year = ANY(:years::int[])'
      : '(y.resident_id, y.year) IN (SELECT resident_id, year FROM t)';
  return `SELECT y.ctid AS row_address, y.* FROM indicator_person_years y
  WHERE y.county_code = :county_code AND ${which}`;
}

/** Rows of (region_code, year, measure, value) from per-village sums `x`, zeros left out. */
function unpivot(source: string, measures: readonly string[] = PERSON_YEAR_MEASURES): string {
  const pairs = measures.map((m) => `('${m}', x.${m})`).join(', ');
  return `SELECT x.region_code, x.year, m.measure, m.value
  FROM (${source}) AS x CROSS JOIN LATERAL (VALUES ${pairs}) AS m(measure, value)
  WHERE m.value <> 0`;
}

/** Adds the (region_code, year, measure, value) rows of `rows` to the village sums (quarter 0). */
const addToSums = (rows: string) =>
  `INSERT INTO indicator_region_rollup AS r (county_code, region_code, year, quarter, measure, value)
  SELECT :county_code, region_code, year, 0, measure, value FROM ${rows}
  ON CONFLICT (county_code, measure, year, quarter, region_code) DO UPDATE SET value = r.value + excluded.value
  RETURNING 1`;

/**
 * Computes the person-years of the scope and writes only those that changed: new or changed rows
 * upserted, rows with nothing left to count deleted (an unchanged county writes nothing). Then the sums
 * by village (indicator_region_rollup, quarter 0):
 * - `all` (a rebuild of :years): set from the new rows, whatever was stored — stale sums removed;
 * - `pairs` (a refresh of :ids × :yrs): moved by the difference of new and old rows (a person who moved
 *   leaves the old village's sums); a sum that falls to zero is removed. Returns the (measure, year)
 *   pairs whose sums moved.
 */
export function writePersonYears(scope: PersonScope): string {
  const newer = `(n.region_code, ${list('n.')}) IS DISTINCT FROM (o.region_code, ${list('o.')})`;
  const sumsOf = (rows: string, sign: '' | '-') =>
    `SELECT region_code, year, ${PERSON_YEAR_MEASURES.map((m) => `${sign}${m} AS ${m}`).join(', ')} FROM ${rows}`;
  const sums =
    scope === 'all'
      ? `sums AS (
  ${unpivot(`SELECT region_code, year, ${PERSON_YEAR_MEASURES.map((m) => `sum(${m}) AS ${m}`).join(', ')}
    FROM new GROUP BY region_code, year`)}
),
stale AS (
  DELETE FROM indicator_region_rollup r
  WHERE r.county_code = :county_code AND r.year = ANY(:years::int[]) AND r.quarter = 0
    AND r.measure = ANY(${PERSON_MEASURES})
    AND (r.region_code, r.year, r.measure) NOT IN (SELECT region_code, year, measure FROM sums)
  RETURNING 1
)
INSERT INTO indicator_region_rollup AS r (county_code, region_code, year, quarter, measure, value)
SELECT :county_code, region_code, year, 0, measure, value FROM sums
ON CONFLICT (county_code, measure, year, quarter, region_code) DO UPDATE SET value = excluded.value
  WHERE r.value <> excluded.value`
      : `sums AS (
  ${unpivot(`SELECT region_code, year, ${PERSON_YEAR_MEASURES.map((m) => `sum(${m}) AS ${m}`).join(', ')} FROM (
    ${sumsOf('changed WHERE present', '')}
    UNION ALL
    ${sumsOf('gone', '-')}
  ) AS d GROUP BY region_code, year`)}
),
-- What each moved sum becomes: a sum that falls to zero is removed (a rebuild would not have it). The
-- stored sum is looked up by key: the moved ones are a few hundred of the county's tens of thousands.
moved AS MATERIALIZED (
  SELECT s.*, coalesce((SELECT r.value FROM indicator_region_rollup r WHERE r.county_code = :county_code
    AND r.measure = s.measure AND r.year = s.year AND r.quarter = 0 AND r.region_code = s.region_code), 0)
    + s.value = 0 AS zero
  FROM sums s
),
zeroed AS (
  DELETE FROM indicator_region_rollup r USING moved m
  WHERE m.zero AND r.county_code = :county_code AND r.measure = m.measure AND r.year = m.year AND r.quarter = 0
    AND r.region_code = m.region_code
  RETURNING 1
),
applied AS (
  ${addToSums('moved WHERE NOT zero')}
)
-- The measures and years whose sums moved: only the definitions reading them need computing again.
SELECT DISTINCT measure, year FROM moved`;
  return `WITH ${statusRows(scope)},
new AS (
  SELECT * FROM statuses WHERE ${PERSON_YEAR_MEASURES.join(' + ')} > 0
),
-- New or changed person-years (present) and stored ones with nothing left to count (not present), with the
-- stored row's address where there is one.
changed AS MATERIALIZED (
  SELECT coalesce(n.resident_id, o.resident_id) AS resident_id, coalesce(n.year, o.year) AS year,
    n.resident_id IS NOT NULL AS present, o.row_address, n.region_code, ${list('n.')}
  FROM new n FULL JOIN old o ON o.resident_id = n.resident_id AND o.year = n.year
  WHERE ${newer}
),
-- The stored rows replaced or removed, for the difference of sums.
gone AS (
  SELECT o.* FROM old o JOIN changed c USING (resident_id, year)
),
-- Changed rows updated and emptied ones deleted by address (a county's person-years are written by one
-- transaction at a time, see refresh.ts): no second lookup by key, no speculative insertion. New rows
-- inserted.
updated AS (
  UPDATE indicator_person_years y SET region_code = c.region_code,
    ${PERSON_YEAR_MEASURES.map((m) => `${m} = c.${m}`).join(', ')}
  FROM changed c
  WHERE y.ctid = ANY(ARRAY(SELECT row_address FROM changed WHERE present AND row_address IS NOT NULL))
    AND y.ctid = c.row_address
  RETURNING 1
),
added AS (
  INSERT INTO indicator_person_years (county_code, year, resident_id, region_code, ${columns})
  SELECT :county_code, year, resident_id, region_code, ${columns} FROM changed WHERE present AND row_address IS NULL
  RETURNING 1
),
dropped AS (
  DELETE FROM indicator_person_years y
  WHERE y.ctid = ANY(ARRAY(SELECT row_address FROM changed WHERE NOT present))
  RETURNING 1
),
${sums}`;
}

/**
 * Applies new visits (`visit` entries of indicator_dirty, :ids × :yrs) to stored person-years whose open
 * record was not yet used: the record is now used, and standardized when its sheet is complete — what
 * recomputing the person-year would give, without reading every service table for it (migration 0013 says
 * why nothing else can have changed). The village sums move up by the rows changed. Returns the
 * (measure, year) pairs whose sums moved, as writePersonYears does.
 */
export const APPLY_VISITS = `WITH v AS (
  SELECT DISTINCT x.resident_id, x.year FROM unnest(:ids::bigint[], :yrs::int[]) AS x(resident_id, year)
),
used AS (
  UPDATE indicator_person_years y SET record_used = 1, record_standard = coalesce((${SHEET_COMPLETE})::int, 0)
  FROM v JOIN health_records h ON h.county_code = :county_code AND h.resident_id = v.resident_id
  WHERE y.county_code = :county_code AND y.year = v.year AND y.resident_id = v.resident_id
    AND y.record = 1 AND y.record_used = 0
  RETURNING y.region_code, y.year, y.record_standard
),
sums AS (
  ${unpivot(
    `SELECT region_code, year, count(*) AS record_used, sum(record_standard) AS record_standard FROM used GROUP BY 1, 2`,
    ['record_used', 'record_standard'],
  )}
),
applied AS (
  ${addToSums('sums')}
)
SELECT DISTINCT measure, year FROM sums`;
