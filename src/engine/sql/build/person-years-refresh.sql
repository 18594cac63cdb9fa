WITH t AS (
  SELECT x.resident_id, x.year, bit_or(x.kinds) AS kinds
    FROM unnest(:ids::bigint[], :yrs::int[], :kinds::int[]) AS x(resident_id, year, kinds) GROUP BY 1, 2
),
old AS MATERIALIZED (
  SELECT y.ctid AS row_address, y.* FROM indicator_person_years y
  WHERE y.county_code = :county_code AND (y.resident_id, y.year) IN (SELECT resident_id, year FROM t)
),
-- A person-year not stored yet is recomputed whole, whatever queued it.
k AS MATERIALIZED (
  SELECT t.resident_id, t.year, CASE WHEN o.resident_id IS NULL THEN 1 ELSE t.kinds END AS kinds
  FROM t LEFT JOIN old o USING (resident_id, year)
),
span AS (SELECT min(year) AS first, max(year) AS last FROM t),
b AS (SELECT make_date(first - 1, 10, 1) AS lo, make_date(last, 12, 31) AS hi FROM span),
-- Residents (常住) alive on 31 Dec and born by then; a duplicate merged into another row is left out.
p AS (
  SELECT r.id AS resident_id, t.year, make_date(t.year, 1, 1) AS ys, make_date(t.year, 12, 31) AS ye,
    coalesce(r.residence_village_code, r.county_code || '000000') AS region_code, r.birth_date,
    -- Completed years on 31 Dec: every birthday of the year has passed by then.
    t.year - extract(year FROM r.birth_date)::int AS age, t.kinds
  FROM k AS t JOIN residents r ON r.id = t.resident_id
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
  WHERE c.county_code = :county_code AND c.checked_on BETWEEN b.lo AND b.hi AND c.resident_id IN (SELECT resident_id FROM k WHERE k.kinds & 7 <> 0)
  GROUP BY 1, 2
),
-- Child checks, read once for both years they count in.
ccx AS MATERIALIZED (
  SELECT c.resident_id, c.checked_on, c.eye_screening
  FROM child_health_checks c, b
  WHERE c.county_code = :county_code AND c.checked_on BETWEEN b.lo AND b.hi AND c.resident_id IN (SELECT resident_id FROM k WHERE k.kinds & 9 <> 0)
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
  WHERE g.county_code = :county_code AND g.resident_id IN (SELECT resident_id FROM k WHERE k.kinds & 7 <> 0)
),
-- Follow-ups per registration and year, with the values of the most recent one: one hash aggregate, no
-- sort — the latest row is the greatest (day, id, values) array (day and id decide; ids are unique).
fu_last AS (
  SELECT f.registration_id, extract(year FROM f.followed_up_on)::int AS year, count(*) AS n,
    count(*) FILTER (WHERE f.face_to_face) AS face_to_face,
    max(ARRAY[(f.followed_up_on - DATE '2000-01-01')::numeric, f.id, f.systolic, f.diastolic, f.fasting_glucose]) AS last
  FROM chronic_disease_follow_ups f JOIN reg ON reg.id = f.registration_id, b
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
  WHERE p.kinds & 17 <> 0 AND c.end_on >= (SELECT make_date(first, 1, 1) FROM span)
    AND c.start_on <= (SELECT make_date(last, 12, 31) FROM span)
  GROUP BY 1, 2
),
-- Pregnant or postpartum (42 days) in the year.
preg AS (
  SELECT DISTINCT p.resident_id, p.year
  FROM p JOIN pregnancies g ON g.county_code = :county_code AND g.resident_id = p.resident_id
  WHERE p.kinds & 1 <> 0 AND coalesce(g.registered_on, g.delivery_date) <= p.ye
    AND coalesce(g.delivery_date + 42, coalesce(g.registered_on, g.delivery_date) + 322) >= p.ys
),
-- A BPHS service entered in the year or a linked clinical visit — a visit at a facility of the platform,
-- whose record the platform holds ("动态使用" of the record, 健康档案使用率).
svc AS (
  SELECT resident_id, year FROM (
    SELECT resident_id, year FROM chk
    UNION ALL SELECT resident_id, year FROM cc
    UNION ALL SELECT reg.resident_id, fu.year FROM fu JOIN reg ON reg.id = fu.registration_id
    UNION ALL SELECT i.resident_id, extract(year FROM i.vaccinated_on)::int FROM immunizations i, b
      WHERE i.county_code = :county_code AND i.vaccinated_on BETWEEN b.lo AND b.hi AND i.resident_id IN (SELECT resident_id FROM k WHERE k.kinds & 1 <> 0)
    UNION ALL SELECT g.resident_id, extract(year FROM v.visited_on)::int
      FROM prenatal_visits v JOIN pregnancies g ON g.county_code = v.county_code AND g.id = v.pregnancy_id, b
      WHERE v.county_code = :county_code AND v.visited_on BETWEEN b.lo AND b.hi AND g.resident_id IN (SELECT resident_id FROM k WHERE k.kinds & 1 <> 0)
    UNION ALL SELECT k.resident_id, k.year FROM k WHERE k.kinds & 1 <> 0 AND EXISTS (SELECT 1 FROM encounters e
        WHERE e.county_code = :county_code AND e.resident_id = k.resident_id
          AND e.start_date BETWEEN make_date(k.year, 1, 1) AND make_date(k.year, 12, 31) AND e.facility_id IS NOT NULL)
  ) AS x GROUP BY resident_id, year
),
sb AS (
  SELECT resident_id, year FROM (SELECT resident_id, year FROM chk
    UNION ALL SELECT resident_id, year FROM cc
    UNION ALL SELECT reg.resident_id, fu.year FROM fu JOIN reg ON reg.id = fu.registration_id) AS x GROUP BY resident_id, year
),
-- Doses due (应种): the immunization system's list when the county has one, else the national schedule.
due AS (
  SELECT d.* FROM (SELECT DISTINCT resident_id FROM k WHERE k.kinds & 1 <> 0) AS w
  CROSS JOIN LATERAL (SELECT d.resident_id, d.vaccine_code, d.dose_number, d.due_on
    FROM immunization_due_doses d, b
    WHERE d.county_code = :county_code AND d.resident_id = w.resident_id AND d.due_on BETWEEN b.lo AND b.hi
    OFFSET 0) AS d
  UNION ALL
  SELECT r.id, s.vaccine, s.dose, (r.birth_date + make_interval(months => s.months))::date
  FROM residents r CROSS JOIN (VALUES ('HepB', 1, 0), ('HepB', 2, 1), ('HepB', 3, 6), ('BCG', 1, 0), ('IPV', 1, 2), ('IPV', 2, 3), ('bOPV', 1, 4), ('bOPV', 2, 48), ('DTaP', 1, 3), ('DTaP', 2, 4), ('DTaP', 3, 5), ('DTaP', 4, 18), ('DT', 1, 72), ('MMR', 1, 8), ('MMR', 2, 18), ('JE-L', 1, 8), ('JE-L', 2, 24), ('MPSV-A', 1, 6), ('MPSV-A', 2, 9), ('MPSV-AC', 1, 36), ('MPSV-AC', 2, 72), ('HepA-L', 1, 18)) AS s(vaccine, dose, months), b
  WHERE r.county_code = :county_code AND r.birth_date > b.lo - interval '7 years' AND r.id IN (SELECT resident_id FROM k WHERE k.kinds & 1 <> 0)
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
    CASE WHEN p.kinds & 1 <> 0 THEN h.last_service_on BETWEEN p.ys AND p.ye OR svc.resident_id IS NOT NULL ELSE o.record_used = 1 OR sb.resident_id IS NOT NULL END AS served,
    h.has_id_number AND h.has_name AND h.has_sex AND h.has_birth_date AND h.has_address AND h.has_phone
      AND h.has_responsible_doctor AS sheet_complete,
    p.birth_date > p.ye - interval '3 years' AS under3, CASE WHEN p.birth_date > p.ye - interval '4 years' THEN (SELECT count(*) FROM unnest('{3,6,8,12,18,24,30}'::int[]) AS m(months)
        WHERE p.birth_date + make_interval(months => m.months) BETWEEN p.ys AND p.ye) ELSE 0 END AS u3_due_n,
    p.birth_date > make_date(p.year, 9, 30) - interval '3 years' AS under3_mch, CASE WHEN p.birth_date > p.ye - interval '4 years' THEN (SELECT count(*) FROM unnest('{3,6,8,12,18,24,30}'::int[]) AS m(months)
        WHERE p.birth_date + make_interval(months => m.months) BETWEEN make_date(p.year - 1, 10, 1) AND make_date(p.year, 9, 30)) ELSE 0 END AS u3_due_mch_n,
    coalesce(cc.n, 0) AS checks, coalesce(cc_mch.n, 0) AS checks_mch, cc.eye, chk.elderly,
    dis.htn, dis.htn_standard, dis.htn_controlled, dis.dm, dis.dm_standard, dis.dm_controlled,
    dis.smd, dis.smd_managed, dis.smd_standard,
    coalesce(con.valid, false) AS contract_valid, con.listed, con.expiring, con.renewed,
    CASE WHEN p.kinds & 1 <> 0 THEN p.age >= 65 OR p.age BETWEEN 0 AND 6 OR preg.resident_id IS NOT NULL OR dis.resident_id IS NOT NULL
      OR coalesce(con.listed, false) ELSE o.priority_member = 1 OR coalesce(con.listed, false) END AS priority,
    imm.due AS imm_due, imm.given AS imm_given,
    o.record AS stored_record, o.record_used AS stored_record_used, o.record_standard AS stored_record_standard, o.elderly_managed AS stored_elderly_managed, o.child_0_6 AS stored_child_0_6, o.child_checked AS stored_child_checked, o.child_eye AS stored_child_eye, o.u3_due AS stored_u3_due, o.u3_managed AS stored_u3_managed, o.u3_due_mch AS stored_u3_due_mch, o.u3_managed_mch AS stored_u3_managed_mch, o.htn_registered AS stored_htn_registered, o.htn_standard AS stored_htn_standard, o.htn_controlled AS stored_htn_controlled, o.dm_registered AS stored_dm_registered, o.dm_standard AS stored_dm_standard, o.dm_controlled AS stored_dm_controlled, o.smd_registered AS stored_smd_registered, o.smd_managed AS stored_smd_managed, o.smd_standard AS stored_smd_standard, o.contract_valid AS stored_contract_valid, o.priority_member AS stored_priority_member, o.priority_contracted AS stored_priority_contracted, o.contracts_expiring AS stored_contracts_expiring, o.contracts_renewed AS stored_contracts_renewed, o.imm_due AS stored_imm_due, o.imm_given AS stored_imm_given
  FROM p
  LEFT JOIN health_records h ON h.county_code = :county_code AND h.resident_id = p.resident_id
  LEFT JOIN svc ON svc.resident_id = p.resident_id AND svc.year = p.year
  LEFT JOIN chk ON chk.resident_id = p.resident_id AND chk.year = p.year
  LEFT JOIN cc ON cc.resident_id = p.resident_id AND cc.year = p.year
  LEFT JOIN cc_mch ON cc_mch.resident_id = p.resident_id AND cc_mch.year = p.year
  LEFT JOIN dis ON dis.resident_id = p.resident_id AND dis.year = p.year
  LEFT JOIN con ON con.resident_id = p.resident_id AND con.year = p.year
  LEFT JOIN preg ON preg.resident_id = p.resident_id AND preg.year = p.year
  LEFT JOIN imm ON imm.resident_id = p.resident_id AND imm.year = p.year
  LEFT JOIN old o ON o.resident_id = p.resident_id AND o.year = p.year
  LEFT JOIN sb ON sb.resident_id = p.resident_id AND sb.year = p.year
),
statuses AS MATERIALIZED (
  SELECT resident_id, year, region_code,
    coalesce((rec)::int, 0) AS record,
    coalesce((rec AND served)::int, 0) AS record_used,
    coalesce((rec AND served AND sheet_complete)::int, 0) AS record_standard,
    CASE WHEN s.kinds & 7 <> 0 THEN coalesce((rec AND age >= 65 AND elderly)::int, 0) ELSE s.stored_elderly_managed END AS elderly_managed,
    CASE WHEN s.kinds & 9 <> 0 THEN coalesce((age BETWEEN 0 AND 6)::int, 0) ELSE s.stored_child_0_6 END AS child_0_6,
    CASE WHEN s.kinds & 9 <> 0 THEN coalesce((age BETWEEN 0 AND 6 AND checks > 0)::int, 0) ELSE s.stored_child_checked END AS child_checked,
    CASE WHEN s.kinds & 9 <> 0 THEN coalesce((age BETWEEN 0 AND 6 AND eye)::int, 0) ELSE s.stored_child_eye END AS child_eye,
    CASE WHEN s.kinds & 9 <> 0 THEN coalesce((under3 AND u3_due_n > 0)::int, 0) ELSE s.stored_u3_due END AS u3_due,
    CASE WHEN s.kinds & 9 <> 0 THEN coalesce((under3 AND u3_due_n > 0 AND checks >= u3_due_n)::int, 0) ELSE s.stored_u3_managed END AS u3_managed,
    CASE WHEN s.kinds & 9 <> 0 THEN coalesce((under3_mch AND u3_due_mch_n > 0)::int, 0) ELSE s.stored_u3_due_mch END AS u3_due_mch,
    CASE WHEN s.kinds & 9 <> 0 THEN coalesce((under3_mch AND u3_due_mch_n > 0 AND checks_mch >= u3_due_mch_n)::int, 0) ELSE s.stored_u3_managed_mch END AS u3_managed_mch,
    CASE WHEN s.kinds & 7 <> 0 THEN coalesce((htn)::int, 0) ELSE s.stored_htn_registered END AS htn_registered,
    CASE WHEN s.kinds & 7 <> 0 THEN coalesce((htn_standard)::int, 0) ELSE s.stored_htn_standard END AS htn_standard,
    CASE WHEN s.kinds & 7 <> 0 THEN coalesce((htn_controlled)::int, 0) ELSE s.stored_htn_controlled END AS htn_controlled,
    CASE WHEN s.kinds & 7 <> 0 THEN coalesce((dm)::int, 0) ELSE s.stored_dm_registered END AS dm_registered,
    CASE WHEN s.kinds & 7 <> 0 THEN coalesce((dm_standard)::int, 0) ELSE s.stored_dm_standard END AS dm_standard,
    CASE WHEN s.kinds & 7 <> 0 THEN coalesce((dm_controlled)::int, 0) ELSE s.stored_dm_controlled END AS dm_controlled,
    CASE WHEN s.kinds & 7 <> 0 THEN coalesce((smd)::int, 0) ELSE s.stored_smd_registered END AS smd_registered,
    CASE WHEN s.kinds & 7 <> 0 THEN coalesce((smd_managed)::int, 0) ELSE s.stored_smd_managed END AS smd_managed,
    CASE WHEN s.kinds & 7 <> 0 THEN coalesce((smd_standard)::int, 0) ELSE s.stored_smd_standard END AS smd_standard,
    CASE WHEN s.kinds & 17 <> 0 THEN coalesce((contract_valid)::int, 0) ELSE s.stored_contract_valid END AS contract_valid,
    CASE WHEN s.kinds & 17 <> 0 THEN coalesce((priority)::int, 0) ELSE s.stored_priority_member END AS priority_member,
    CASE WHEN s.kinds & 17 <> 0 THEN coalesce((priority AND contract_valid)::int, 0) ELSE s.stored_priority_contracted END AS priority_contracted,
    CASE WHEN s.kinds & 17 <> 0 THEN coalesce(expiring, 0) ELSE s.stored_contracts_expiring END AS contracts_expiring,
    CASE WHEN s.kinds & 17 <> 0 THEN coalesce(renewed, 0) ELSE s.stored_contracts_renewed END AS contracts_renewed,
    CASE WHEN s.kinds & 1 <> 0 THEN coalesce(imm_due, 0) ELSE s.stored_imm_due END AS imm_due,
    CASE WHEN s.kinds & 1 <> 0 THEN coalesce(imm_given, 0) ELSE s.stored_imm_given END AS imm_given
  FROM s
),
new AS (
  SELECT * FROM statuses WHERE record + record_used + record_standard + elderly_managed + child_0_6 + child_checked + child_eye + u3_due + u3_managed + u3_due_mch + u3_managed_mch + htn_registered + htn_standard + htn_controlled + dm_registered + dm_standard + dm_controlled + smd_registered + smd_managed + smd_standard + contract_valid + priority_member + priority_contracted + contracts_expiring + contracts_renewed + imm_due + imm_given > 0
),
-- New or changed person-years (present) and stored ones with nothing left to count (not present), with the
-- stored row's address where there is one.
changed AS MATERIALIZED (
  SELECT coalesce(n.resident_id, o.resident_id) AS resident_id, coalesce(n.year, o.year) AS year,
    n.resident_id IS NOT NULL AS present, o.row_address, n.region_code, n.record, n.record_used, n.record_standard, n.elderly_managed, n.child_0_6, n.child_checked, n.child_eye, n.u3_due, n.u3_managed, n.u3_due_mch, n.u3_managed_mch, n.htn_registered, n.htn_standard, n.htn_controlled, n.dm_registered, n.dm_standard, n.dm_controlled, n.smd_registered, n.smd_managed, n.smd_standard, n.contract_valid, n.priority_member, n.priority_contracted, n.contracts_expiring, n.contracts_renewed, n.imm_due, n.imm_given
  FROM new n FULL JOIN old o ON o.resident_id = n.resident_id AND o.year = n.year
  WHERE (n.region_code, n.record, n.record_used, n.record_standard, n.elderly_managed, n.child_0_6, n.child_checked, n.child_eye, n.u3_due, n.u3_managed, n.u3_due_mch, n.u3_managed_mch, n.htn_registered, n.htn_standard, n.htn_controlled, n.dm_registered, n.dm_standard, n.dm_controlled, n.smd_registered, n.smd_managed, n.smd_standard, n.contract_valid, n.priority_member, n.priority_contracted, n.contracts_expiring, n.contracts_renewed, n.imm_due, n.imm_given) IS DISTINCT FROM (o.region_code, o.record, o.record_used, o.record_standard, o.elderly_managed, o.child_0_6, o.child_checked, o.child_eye, o.u3_due, o.u3_managed, o.u3_due_mch, o.u3_managed_mch, o.htn_registered, o.htn_standard, o.htn_controlled, o.dm_registered, o.dm_standard, o.dm_controlled, o.smd_registered, o.smd_managed, o.smd_standard, o.contract_valid, o.priority_member, o.priority_contracted, o.contracts_expiring, o.contracts_renewed, o.imm_due, o.imm_given)
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
    record = c.record, record_used = c.record_used, record_standard = c.record_standard, elderly_managed = c.elderly_managed, child_0_6 = c.child_0_6, child_checked = c.child_checked, child_eye = c.child_eye, u3_due = c.u3_due, u3_managed = c.u3_managed, u3_due_mch = c.u3_due_mch, u3_managed_mch = c.u3_managed_mch, htn_registered = c.htn_registered, htn_standard = c.htn_standard, htn_controlled = c.htn_controlled, dm_registered = c.dm_registered, dm_standard = c.dm_standard, dm_controlled = c.dm_controlled, smd_registered = c.smd_registered, smd_managed = c.smd_managed, smd_standard = c.smd_standard, contract_valid = c.contract_valid, priority_member = c.priority_member, priority_contracted = c.priority_contracted, contracts_expiring = c.contracts_expiring, contracts_renewed = c.contracts_renewed, imm_due = c.imm_due, imm_given = c.imm_given
  FROM changed c
  WHERE y.ctid = ANY(ARRAY(SELECT row_address FROM changed WHERE present AND row_address IS NOT NULL))
    AND y.ctid = c.row_address
  RETURNING 1
),
added AS (
  INSERT INTO indicator_person_years (county_code, year, resident_id, region_code, record, record_used, record_standard, elderly_managed, child_0_6, child_checked, child_eye, u3_due, u3_managed, u3_due_mch, u3_managed_mch, htn_registered, htn_standard, htn_controlled, dm_registered, dm_standard, dm_controlled, smd_registered, smd_managed, smd_standard, contract_valid, priority_member, priority_contracted, contracts_expiring, contracts_renewed, imm_due, imm_given)
  SELECT :county_code, year, resident_id, region_code, record, record_used, record_standard, elderly_managed, child_0_6, child_checked, child_eye, u3_due, u3_managed, u3_due_mch, u3_managed_mch, htn_registered, htn_standard, htn_controlled, dm_registered, dm_standard, dm_controlled, smd_registered, smd_managed, smd_standard, contract_valid, priority_member, priority_contracted, contracts_expiring, contracts_renewed, imm_due, imm_given FROM changed WHERE present AND row_address IS NULL
  RETURNING 1
),
dropped AS (
  DELETE FROM indicator_person_years y
  WHERE y.ctid = ANY(ARRAY(SELECT row_address FROM changed WHERE NOT present))
  RETURNING 1
),
sums AS (
  SELECT x.region_code, x.year, m.measure, m.value
  FROM (SELECT region_code, year, sum(record) AS record, sum(record_used) AS record_used, sum(record_standard) AS record_standard, sum(elderly_managed) AS elderly_managed, sum(child_0_6) AS child_0_6, sum(child_checked) AS child_checked, sum(child_eye) AS child_eye, sum(u3_due) AS u3_due, sum(u3_managed) AS u3_managed, sum(u3_due_mch) AS u3_due_mch, sum(u3_managed_mch) AS u3_managed_mch, sum(htn_registered) AS htn_registered, sum(htn_standard) AS htn_standard, sum(htn_controlled) AS htn_controlled, sum(dm_registered) AS dm_registered, sum(dm_standard) AS dm_standard, sum(dm_controlled) AS dm_controlled, sum(smd_registered) AS smd_registered, sum(smd_managed) AS smd_managed, sum(smd_standard) AS smd_standard, sum(contract_valid) AS contract_valid, sum(priority_member) AS priority_member, sum(priority_contracted) AS priority_contracted, sum(contracts_expiring) AS contracts_expiring, sum(contracts_renewed) AS contracts_renewed, sum(imm_due) AS imm_due, sum(imm_given) AS imm_given FROM (
    SELECT region_code, year, record AS record, record_used AS record_used, record_standard AS record_standard, elderly_managed AS elderly_managed, child_0_6 AS child_0_6, child_checked AS child_checked, child_eye AS child_eye, u3_due AS u3_due, u3_managed AS u3_managed, u3_due_mch AS u3_due_mch, u3_managed_mch AS u3_managed_mch, htn_registered AS htn_registered, htn_standard AS htn_standard, htn_controlled AS htn_controlled, dm_registered AS dm_registered, dm_standard AS dm_standard, dm_controlled AS dm_controlled, smd_registered AS smd_registered, smd_managed AS smd_managed, smd_standard AS smd_standard, contract_valid AS contract_valid, priority_member AS priority_member, priority_contracted AS priority_contracted, contracts_expiring AS contracts_expiring, contracts_renewed AS contracts_renewed, imm_due AS imm_due, imm_given AS imm_given FROM changed WHERE present
    UNION ALL
    SELECT region_code, year, -record AS record, -record_used AS record_used, -record_standard AS record_standard, -elderly_managed AS elderly_managed, -child_0_6 AS child_0_6, -child_checked AS child_checked, -child_eye AS child_eye, -u3_due AS u3_due, -u3_managed AS u3_managed, -u3_due_mch AS u3_due_mch, -u3_managed_mch AS u3_managed_mch, -htn_registered AS htn_registered, -htn_standard AS htn_standard, -htn_controlled AS htn_controlled, -dm_registered AS dm_registered, -dm_standard AS dm_standard, -dm_controlled AS dm_controlled, -smd_registered AS smd_registered, -smd_managed AS smd_managed, -smd_standard AS smd_standard, -contract_valid AS contract_valid, -priority_member AS priority_member, -priority_contracted AS priority_contracted, -contracts_expiring AS contracts_expiring, -contracts_renewed AS contracts_renewed, -imm_due AS imm_due, -imm_given AS imm_given FROM gone
  ) AS d GROUP BY region_code, year) AS x CROSS JOIN LATERAL (VALUES ('record', x.record), ('record_used', x.record_used), ('record_standard', x.record_standard), ('elderly_managed', x.elderly_managed), ('child_0_6', x.child_0_6), ('child_checked', x.child_checked), ('child_eye', x.child_eye), ('u3_due', x.u3_due), ('u3_managed', x.u3_managed), ('u3_due_mch', x.u3_due_mch), ('u3_managed_mch', x.u3_managed_mch), ('htn_registered', x.htn_registered), ('htn_standard', x.htn_standard), ('htn_controlled', x.htn_controlled), ('dm_registered', x.dm_registered), ('dm_standard', x.dm_standard), ('dm_controlled', x.dm_controlled), ('smd_registered', x.smd_registered), ('smd_managed', x.smd_managed), ('smd_standard', x.smd_standard), ('contract_valid', x.contract_valid), ('priority_member', x.priority_member), ('priority_contracted', x.priority_contracted), ('contracts_expiring', x.contracts_expiring), ('contracts_renewed', x.contracts_renewed), ('imm_due', x.imm_due), ('imm_given', x.imm_given)) AS m(measure, value)
  WHERE m.value <> 0
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
  INSERT INTO indicator_region_rollup AS r (county_code, region_code, year, quarter, measure, value)
  SELECT :county_code, region_code, year, 0, measure, value FROM moved WHERE NOT zero
  ON CONFLICT (county_code, measure, year, quarter, region_code) DO UPDATE SET value = r.value + excluded.value
  RETURNING 1
)
-- The measures and years whose sums moved: only the definitions reading them need computing again.
SELECT DISTINCT measure, year FROM moved;
