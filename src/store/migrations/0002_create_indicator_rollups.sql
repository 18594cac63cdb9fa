CREATE TABLE "indicator_deaths" (
	"county_code" text NOT NULL,
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"sex" text NOT NULL,
	"age_group" smallint NOT NULL,
	"deaths" integer NOT NULL,
	"ncd_deaths" integer NOT NULL,
	CONSTRAINT "indicator_deaths_pk" PRIMARY KEY("county_code","region_code","year","sex","age_group"),
	CONSTRAINT "indicator_deaths_county_code_check" CHECK ("indicator_deaths"."county_code" ~ '^[0-9]{6}$')
);
--> statement-breakpoint
CREATE TABLE "indicator_dirty" (
	"county_code" text NOT NULL,
	"kind" text NOT NULL,
	"key" bigint NOT NULL,
	"year" smallint NOT NULL,
	CONSTRAINT "indicator_dirty_pk" PRIMARY KEY("county_code","kind","key","year"),
	CONSTRAINT "indicator_dirty_kind_check" CHECK ("indicator_dirty"."kind" in ('resident', 'vital', 'notifiable', 'population', 'resources', 'facility'))
);
--> statement-breakpoint
CREATE TABLE "indicator_facility_rollup" (
	"county_code" text NOT NULL,
	"facility_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"measure" text NOT NULL,
	"value" numeric NOT NULL,
	CONSTRAINT "indicator_facility_rollup_pk" PRIMARY KEY("county_code","measure","year","quarter","facility_id"),
	CONSTRAINT "indicator_facility_rollup_county_code_check" CHECK ("indicator_facility_rollup"."county_code" ~ '^[0-9]{6}$'),
	CONSTRAINT "indicator_facility_rollup_quarter_check" CHECK ("indicator_facility_rollup"."quarter" between 0 and 4)
);
--> statement-breakpoint
CREATE TABLE "indicator_person_years" (
	"county_code" text NOT NULL,
	"year" smallint NOT NULL,
	"resident_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"record" smallint DEFAULT 0 NOT NULL,
	"record_used" smallint DEFAULT 0 NOT NULL,
	"record_standard" smallint DEFAULT 0 NOT NULL,
	"elderly_managed" smallint DEFAULT 0 NOT NULL,
	"child_0_6" smallint DEFAULT 0 NOT NULL,
	"child_checked" smallint DEFAULT 0 NOT NULL,
	"child_eye" smallint DEFAULT 0 NOT NULL,
	"u3_due" smallint DEFAULT 0 NOT NULL,
	"u3_managed" smallint DEFAULT 0 NOT NULL,
	"u3_due_mch" smallint DEFAULT 0 NOT NULL,
	"u3_managed_mch" smallint DEFAULT 0 NOT NULL,
	"htn_registered" smallint DEFAULT 0 NOT NULL,
	"htn_standard" smallint DEFAULT 0 NOT NULL,
	"htn_controlled" smallint DEFAULT 0 NOT NULL,
	"dm_registered" smallint DEFAULT 0 NOT NULL,
	"dm_standard" smallint DEFAULT 0 NOT NULL,
	"dm_controlled" smallint DEFAULT 0 NOT NULL,
	"smd_registered" smallint DEFAULT 0 NOT NULL,
	"smd_managed" smallint DEFAULT 0 NOT NULL,
	"smd_standard" smallint DEFAULT 0 NOT NULL,
	"contract_valid" smallint DEFAULT 0 NOT NULL,
	"priority_member" smallint DEFAULT 0 NOT NULL,
	"priority_contracted" smallint DEFAULT 0 NOT NULL,
	"contracts_expiring" smallint DEFAULT 0 NOT NULL,
	"contracts_renewed" smallint DEFAULT 0 NOT NULL,
	"imm_due" smallint DEFAULT 0 NOT NULL,
	"imm_given" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_person_years_pk" PRIMARY KEY("county_code","year","resident_id"),
	CONSTRAINT "indicator_person_years_county_code_check" CHECK ("indicator_person_years"."county_code" ~ '^[0-9]{6}$')
);
--> statement-breakpoint
CREATE TABLE "indicator_population" (
	"county_code" text NOT NULL,
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"sex" text NOT NULL,
	"age_group" smallint NOT NULL,
	"year_end" integer NOT NULL,
	"mid_year" numeric NOT NULL,
	"mid_year_source" text NOT NULL,
	CONSTRAINT "indicator_population_pk" PRIMARY KEY("county_code","region_code","year","sex","age_group"),
	CONSTRAINT "indicator_population_county_code_check" CHECK ("indicator_population"."county_code" ~ '^[0-9]{6}$'),
	CONSTRAINT "indicator_population_source_check" CHECK ("indicator_population"."mid_year_source" in ('published', 'average', 'year-end'))
);
--> statement-breakpoint
CREATE TABLE "indicator_region_rollup" (
	"county_code" text NOT NULL,
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"measure" text NOT NULL,
	"value" numeric NOT NULL,
	CONSTRAINT "indicator_region_rollup_pk" PRIMARY KEY("county_code","measure","year","quarter","region_code"),
	CONSTRAINT "indicator_region_rollup_county_code_check" CHECK ("indicator_region_rollup"."county_code" ~ '^[0-9]{6}$'),
	CONSTRAINT "indicator_region_rollup_quarter_check" CHECK ("indicator_region_rollup"."quarter" between 0 and 4)
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"county_code" text NOT NULL,
	"indicator_id" text NOT NULL,
	"region_code" text NOT NULL,
	"facility_id" bigint NOT NULL,
	"level" text NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"period_basis" text NOT NULL,
	"numerator" numeric NOT NULL,
	"denominator" numeric NOT NULL,
	"value" double precision,
	"definition_version" integer NOT NULL,
	"population_basis" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"provenance" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "indicator_values_pk" PRIMARY KEY("county_code","indicator_id","year","quarter","period_basis","region_code","facility_id"),
	CONSTRAINT "indicator_values_county_code_check" CHECK ("indicator_values"."county_code" ~ '^[0-9]{6}$'),
	CONSTRAINT "indicator_values_level_check" CHECK ("indicator_values"."level" in ('county', 'town', 'village', 'facility')),
	CONSTRAINT "indicator_values_basis_check" CHECK ("indicator_values"."period_basis" in ('calendar', 'mch')),
	CONSTRAINT "indicator_values_quarter_check" CHECK ("indicator_values"."quarter" between 0 and 4)
);
--> statement-breakpoint
CREATE INDEX "indicator_person_years_resident_idx" ON "indicator_person_years" USING btree ("county_code","resident_id");--> statement-breakpoint
CREATE INDEX "indicator_values_region_idx" ON "indicator_values" USING btree ("county_code","region_code","year");
--> statement-breakpoint
/*
 * Incremental maintenance (docs/indicators.md). Statement triggers with transition tables run once per
 * INSERT, UPDATE (incl. INSERT … ON CONFLICT DO UPDATE), DELETE or COPY, in the importing transaction:
 * - encounters: the facility-quarter counts are updated by difference (new rows minus old rows);
 * - every records table: what it changes is queued in indicator_dirty for the next refresh.
 * A bulk loader may SET weijian.rollups = 'off' for its session and rebuild afterwards.
 */
CREATE FUNCTION indicator_encounter_facts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_facility_rollup AS t (county_code, facility_id, year, quarter, measure, value)
      SELECT f.county_code, f.facility_id, f.year, f.quarter, f.measure, sum(f.value)
      FROM (
        SELECT e.county_code, coalesce(e.facility_id, 0) AS facility_id, extract(year FROM e.start_date) AS year,
          extract(quarter FROM e.start_date) AS quarter, m.measure, m.value * 1
        FROM new_rows e CROSS JOIN LATERAL (VALUES
          ('visits', (e.class <> 'inpatient')::int::numeric),
          ('admissions', (e.class = 'inpatient')::int::numeric),
          ('resident_encounters', (e.patient_county_code IS NOT DISTINCT FROM e.county_code)::int::numeric),
          ('cost_total', CASE WHEN e.out_of_pocket IS NOT NULL THEN e.total_cost END),
          ('cost_oop', CASE WHEN e.total_cost IS NOT NULL THEN e.out_of_pocket END)
        ) AS m(measure, value)
        UNION ALL
        SELECT e.county_code, coalesce(e.facility_id, 0), extract(year FROM e.end_date), extract(quarter FROM e.end_date),
          m.measure, m.value * 1
        FROM new_rows e CROSS JOIN LATERAL (VALUES
          ('discharges', 1::numeric),
          ('bed_days', coalesce(e.length_of_stay, greatest(e.end_date - e.start_date, 1))::numeric)
        ) AS m(measure, value)
        WHERE e.class = 'inpatient' AND e.end_date IS NOT NULL
      ) AS f(county_code, facility_id, year, quarter, measure, value)
      WHERE f.value IS NOT NULL AND f.value <> 0
      GROUP BY 1, 2, 3, 4, 5
      ORDER BY 1, 5, 3, 4, 2
      ON CONFLICT (county_code, measure, year, quarter, facility_id) DO UPDATE SET value = t.value + excluded.value;
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT e.county_code, 'facility', 0, extract(year FROM e.start_date) FROM new_rows e
      UNION
      SELECT e.county_code, 'facility', 0, extract(year FROM e.end_date) FROM new_rows e WHERE e.end_date IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_facility_rollup AS t (county_code, facility_id, year, quarter, measure, value)
      SELECT f.county_code, f.facility_id, f.year, f.quarter, f.measure, sum(f.value)
      FROM (
        SELECT e.county_code, coalesce(e.facility_id, 0) AS facility_id, extract(year FROM e.start_date) AS year,
          extract(quarter FROM e.start_date) AS quarter, m.measure, m.value * -1
        FROM old_rows e CROSS JOIN LATERAL (VALUES
          ('visits', (e.class <> 'inpatient')::int::numeric),
          ('admissions', (e.class = 'inpatient')::int::numeric),
          ('resident_encounters', (e.patient_county_code IS NOT DISTINCT FROM e.county_code)::int::numeric),
          ('cost_total', CASE WHEN e.out_of_pocket IS NOT NULL THEN e.total_cost END),
          ('cost_oop', CASE WHEN e.total_cost IS NOT NULL THEN e.out_of_pocket END)
        ) AS m(measure, value)
        UNION ALL
        SELECT e.county_code, coalesce(e.facility_id, 0), extract(year FROM e.end_date), extract(quarter FROM e.end_date),
          m.measure, m.value * -1
        FROM old_rows e CROSS JOIN LATERAL (VALUES
          ('discharges', 1::numeric),
          ('bed_days', coalesce(e.length_of_stay, greatest(e.end_date - e.start_date, 1))::numeric)
        ) AS m(measure, value)
        WHERE e.class = 'inpatient' AND e.end_date IS NOT NULL
      ) AS f(county_code, facility_id, year, quarter, measure, value)
      WHERE f.value IS NOT NULL AND f.value <> 0
      GROUP BY 1, 2, 3, 4, 5
      ORDER BY 1, 5, 3, 4, 2
      ON CONFLICT (county_code, measure, year, quarter, facility_id) DO UPDATE SET value = t.value + excluded.value;
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT e.county_code, 'facility', 0, extract(year FROM e.start_date) FROM old_rows e
      UNION
      SELECT e.county_code, 'facility', 0, extract(year FROM e.end_date) FROM old_rows e WHERE e.end_date IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER encounters_indicators_insert AFTER INSERT ON encounters
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_encounter_facts_apply();
--> statement-breakpoint
CREATE TRIGGER encounters_indicators_update AFTER UPDATE ON encounters
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_encounter_facts_apply();
--> statement-breakpoint
CREATE TRIGGER encounters_indicators_delete AFTER DELETE ON encounters
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_encounter_facts_apply();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_residents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.id, 0 FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.id, 0 FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  -- Births, deaths and cases without a residence of their own follow the resident's village.
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT DISTINCT n.county_code, k.kind, 0, 0
      FROM new_rows n JOIN old_rows o ON o.county_code = n.county_code AND o.id = n.id
      CROSS JOIN (VALUES ('vital'), ('notifiable')) AS k(kind)
      WHERE n.residence_village_code IS DISTINCT FROM o.residence_village_code
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER residents_indicators_insert AFTER INSERT ON residents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_residents();
--> statement-breakpoint
CREATE TRIGGER residents_indicators_update AFTER UPDATE ON residents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_residents();
--> statement-breakpoint
CREATE TRIGGER residents_indicators_delete AFTER DELETE ON residents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_residents();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_health_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER health_records_indicators_insert AFTER INSERT ON health_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_health_records();
--> statement-breakpoint
CREATE TRIGGER health_records_indicators_update AFTER UPDATE ON health_records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_health_records();
--> statement-breakpoint
CREATE TRIGGER health_records_indicators_delete AFTER DELETE ON health_records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_health_records();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_chronic_disease_registrations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER chronic_disease_registrations_indicators_insert AFTER INSERT ON chronic_disease_registrations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_chronic_disease_registrations();
--> statement-breakpoint
CREATE TRIGGER chronic_disease_registrations_indicators_update AFTER UPDATE ON chronic_disease_registrations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_chronic_disease_registrations();
--> statement-breakpoint
CREATE TRIGGER chronic_disease_registrations_indicators_delete AFTER DELETE ON chronic_disease_registrations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_chronic_disease_registrations();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_chronic_disease_follow_ups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', g.resident_id, extract(year FROM r.followed_up_on) FROM new_rows r
      JOIN chronic_disease_registrations g ON g.county_code = r.county_code AND g.id = r.registration_id
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', g.resident_id, extract(year FROM r.followed_up_on) FROM old_rows r
      JOIN chronic_disease_registrations g ON g.county_code = r.county_code AND g.id = r.registration_id
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER chronic_disease_follow_ups_indicators_insert AFTER INSERT ON chronic_disease_follow_ups
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_chronic_disease_follow_ups();
--> statement-breakpoint
CREATE TRIGGER chronic_disease_follow_ups_indicators_update AFTER UPDATE ON chronic_disease_follow_ups
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_chronic_disease_follow_ups();
--> statement-breakpoint
CREATE TRIGGER chronic_disease_follow_ups_indicators_delete AFTER DELETE ON chronic_disease_follow_ups
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_chronic_disease_follow_ups();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_health_checkups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, extract(year FROM r.checked_on) FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, extract(year FROM r.checked_on) FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER health_checkups_indicators_insert AFTER INSERT ON health_checkups
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_health_checkups();
--> statement-breakpoint
CREATE TRIGGER health_checkups_indicators_update AFTER UPDATE ON health_checkups
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_health_checkups();
--> statement-breakpoint
CREATE TRIGGER health_checkups_indicators_delete AFTER DELETE ON health_checkups
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_health_checkups();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_child_health_checks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, extract(year FROM r.checked_on) FROM new_rows r
      UNION
      SELECT r.county_code, 'resident', r.resident_id, extract(year FROM r.checked_on) + 1 FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, extract(year FROM r.checked_on) FROM old_rows r
      UNION
      SELECT r.county_code, 'resident', r.resident_id, extract(year FROM r.checked_on) + 1 FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER child_health_checks_indicators_insert AFTER INSERT ON child_health_checks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_child_health_checks();
--> statement-breakpoint
CREATE TRIGGER child_health_checks_indicators_update AFTER UPDATE ON child_health_checks
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_child_health_checks();
--> statement-breakpoint
CREATE TRIGGER child_health_checks_indicators_delete AFTER DELETE ON child_health_checks
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_child_health_checks();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_immunizations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER immunizations_indicators_insert AFTER INSERT ON immunizations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_immunizations();
--> statement-breakpoint
CREATE TRIGGER immunizations_indicators_update AFTER UPDATE ON immunizations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_immunizations();
--> statement-breakpoint
CREATE TRIGGER immunizations_indicators_delete AFTER DELETE ON immunizations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_immunizations();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_immunization_due_doses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER immunization_due_doses_indicators_insert AFTER INSERT ON immunization_due_doses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_immunization_due_doses();
--> statement-breakpoint
CREATE TRIGGER immunization_due_doses_indicators_update AFTER UPDATE ON immunization_due_doses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_immunization_due_doses();
--> statement-breakpoint
CREATE TRIGGER immunization_due_doses_indicators_delete AFTER DELETE ON immunization_due_doses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_immunization_due_doses();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_pregnancies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM new_rows r
      UNION
      SELECT r.county_code, 'vital', 0, extract(year FROM r.delivery_date) FROM new_rows r WHERE r.delivery_date IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM old_rows r
      UNION
      SELECT r.county_code, 'vital', 0, extract(year FROM r.delivery_date) FROM old_rows r WHERE r.delivery_date IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER pregnancies_indicators_insert AFTER INSERT ON pregnancies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_pregnancies();
--> statement-breakpoint
CREATE TRIGGER pregnancies_indicators_update AFTER UPDATE ON pregnancies
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_pregnancies();
--> statement-breakpoint
CREATE TRIGGER pregnancies_indicators_delete AFTER DELETE ON pregnancies
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_pregnancies();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_prenatal_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', p.resident_id, extract(year FROM r.visited_on) FROM new_rows r
      JOIN pregnancies p ON p.county_code = r.county_code AND p.id = r.pregnancy_id
      UNION
      SELECT r.county_code, 'vital', 0, extract(year FROM p.delivery_date) FROM new_rows r
      JOIN pregnancies p ON p.county_code = r.county_code AND p.id = r.pregnancy_id WHERE p.delivery_date IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', p.resident_id, extract(year FROM r.visited_on) FROM old_rows r
      JOIN pregnancies p ON p.county_code = r.county_code AND p.id = r.pregnancy_id
      UNION
      SELECT r.county_code, 'vital', 0, extract(year FROM p.delivery_date) FROM old_rows r
      JOIN pregnancies p ON p.county_code = r.county_code AND p.id = r.pregnancy_id WHERE p.delivery_date IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER prenatal_visits_indicators_insert AFTER INSERT ON prenatal_visits
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_prenatal_visits();
--> statement-breakpoint
CREATE TRIGGER prenatal_visits_indicators_update AFTER UPDATE ON prenatal_visits
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_prenatal_visits();
--> statement-breakpoint
CREATE TRIGGER prenatal_visits_indicators_delete AFTER DELETE ON prenatal_visits
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_prenatal_visits();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_live_births() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'vital', 0, extract(year FROM r.birth_date) FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'vital', 0, extract(year FROM r.birth_date) FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER live_births_indicators_insert AFTER INSERT ON live_births
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_live_births();
--> statement-breakpoint
CREATE TRIGGER live_births_indicators_update AFTER UPDATE ON live_births
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_live_births();
--> statement-breakpoint
CREATE TRIGGER live_births_indicators_delete AFTER DELETE ON live_births
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_live_births();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_deaths() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'vital', 0, extract(year FROM r.death_date) FROM new_rows r
      UNION
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM new_rows r WHERE r.resident_id IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'vital', 0, extract(year FROM r.death_date) FROM old_rows r
      UNION
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM old_rows r WHERE r.resident_id IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER deaths_indicators_insert AFTER INSERT ON deaths
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_deaths();
--> statement-breakpoint
CREATE TRIGGER deaths_indicators_update AFTER UPDATE ON deaths
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_deaths();
--> statement-breakpoint
CREATE TRIGGER deaths_indicators_delete AFTER DELETE ON deaths
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_deaths();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_family_doctor_contracts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM new_rows r
      UNION
      SELECT r.county_code, 'resident', o.resident_id, 0 FROM new_rows r
      JOIN family_doctor_contracts o ON o.county_code = r.county_code AND o.id = r.renews_contract_id
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, 0 FROM old_rows r
      UNION
      SELECT r.county_code, 'resident', o.resident_id, 0 FROM old_rows r
      JOIN family_doctor_contracts o ON o.county_code = r.county_code AND o.id = r.renews_contract_id
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER family_doctor_contracts_indicators_insert AFTER INSERT ON family_doctor_contracts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_family_doctor_contracts();
--> statement-breakpoint
CREATE TRIGGER family_doctor_contracts_indicators_update AFTER UPDATE ON family_doctor_contracts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_family_doctor_contracts();
--> statement-breakpoint
CREATE TRIGGER family_doctor_contracts_indicators_delete AFTER DELETE ON family_doctor_contracts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_family_doctor_contracts();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_notifiable_disease_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'notifiable', 0,
        extract(year FROM coalesce(r.onset_date, r.diagnosed_on, (r.reported_at AT TIME ZONE 'Asia/Shanghai')::date))
      FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'notifiable', 0,
        extract(year FROM coalesce(r.onset_date, r.diagnosed_on, (r.reported_at AT TIME ZONE 'Asia/Shanghai')::date))
      FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notifiable_disease_reports_indicators_insert AFTER INSERT ON notifiable_disease_reports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_notifiable_disease_reports();
--> statement-breakpoint
CREATE TRIGGER notifiable_disease_reports_indicators_update AFTER UPDATE ON notifiable_disease_reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_notifiable_disease_reports();
--> statement-breakpoint
CREATE TRIGGER notifiable_disease_reports_indicators_delete AFTER DELETE ON notifiable_disease_reports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_notifiable_disease_reports();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_staff() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resources', 0, 0 FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resources', 0, 0 FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER staff_indicators_insert AFTER INSERT ON staff
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_staff();
--> statement-breakpoint
CREATE TRIGGER staff_indicators_update AFTER UPDATE ON staff
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_staff();
--> statement-breakpoint
CREATE TRIGGER staff_indicators_delete AFTER DELETE ON staff
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_staff();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_facility_beds() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resources', 0, 0 FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resources', 0, 0 FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER facility_beds_indicators_insert AFTER INSERT ON facility_beds
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_facility_beds();
--> statement-breakpoint
CREATE TRIGGER facility_beds_indicators_update AFTER UPDATE ON facility_beds
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_facility_beds();
--> statement-breakpoint
CREATE TRIGGER facility_beds_indicators_delete AFTER DELETE ON facility_beds
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_facility_beds();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_facilities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resources', 0, 0 FROM new_rows r
      UNION
      SELECT r.county_code, 'facility', 0, 0 FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resources', 0, 0 FROM old_rows r
      UNION
      SELECT r.county_code, 'facility', 0, 0 FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER facilities_indicators_insert AFTER INSERT ON facilities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_facilities();
--> statement-breakpoint
CREATE TRIGGER facilities_indicators_update AFTER UPDATE ON facilities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_facilities();
--> statement-breakpoint
CREATE TRIGGER facilities_indicators_delete AFTER DELETE ON facilities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_facilities();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_population() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'population', 0, r.year FROM new_rows r
      UNION
      SELECT r.county_code, 'population', 0, r.year + 1 FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'population', 0, r.year FROM old_rows r
      UNION
      SELECT r.county_code, 'population', 0, r.year + 1 FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER population_indicators_insert AFTER INSERT ON population
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_population();
--> statement-breakpoint
CREATE TRIGGER population_indicators_update AFTER UPDATE ON population
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_population();
--> statement-breakpoint
CREATE TRIGGER population_indicators_delete AFTER DELETE ON population
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_population();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_childcare_places() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'population', 0, r.year FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'population', 0, r.year FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER childcare_places_indicators_insert AFTER INSERT ON childcare_places
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_childcare_places();
--> statement-breakpoint
CREATE TRIGGER childcare_places_indicators_update AFTER UPDATE ON childcare_places
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_childcare_places();
--> statement-breakpoint
CREATE TRIGGER childcare_places_indicators_delete AFTER DELETE ON childcare_places
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_childcare_places();
--> statement-breakpoint
CREATE FUNCTION indicator_dirty_regions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'population', 0, 0 FROM new_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'population', 0, 0 FROM old_rows r
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER regions_indicators_insert AFTER INSERT ON regions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_regions();
--> statement-breakpoint
CREATE TRIGGER regions_indicators_update AFTER UPDATE ON regions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_regions();
--> statement-breakpoint
CREATE TRIGGER regions_indicators_delete AFTER DELETE ON regions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_regions();
