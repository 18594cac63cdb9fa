-- A resident's visit at a facility of the platform is a "linked clinical visit" that counts as use of the
-- health record in its year (健康档案使用率, indicator-definitions.md): queue that person-year. A new visit
-- can only add use, so a person-year already stored as used is not queued (most visits of a batch); a visit
-- moved or removed is always queued. The facility-quarter counts of the same rows stay with
-- indicator_encounter_facts_apply (migration 0002).
CREATE FUNCTION indicator_dirty_encounter_residents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT DISTINCT r.county_code, 'resident', r.resident_id, extract(year FROM r.start_date) FROM new_rows r
      WHERE r.resident_id IS NOT NULL AND r.facility_id IS NOT NULL
        -- A scalar subquery, so each row looks its person-year up by the key: as a join, the planner (blind
        -- to the transition table's size) may hash the whole person-year table for every statement.
        AND coalesce((SELECT y.record_used FROM indicator_person_years y WHERE y.county_code = r.county_code
          AND y.year = extract(year FROM r.start_date) AND y.resident_id = r.resident_id), 0) = 0
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT DISTINCT r.county_code, 'resident', r.resident_id, extract(year FROM r.start_date) FROM old_rows r
      WHERE r.resident_id IS NOT NULL AND r.facility_id IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER encounters_dirty_residents_insert AFTER INSERT ON encounters
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_encounter_residents();
--> statement-breakpoint
CREATE TRIGGER encounters_dirty_residents_update AFTER UPDATE ON encounters
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_encounter_residents();
--> statement-breakpoint
CREATE TRIGGER encounters_dirty_residents_delete AFTER DELETE ON encounters
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_encounter_residents();
