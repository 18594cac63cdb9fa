-- A new visit is not queued when its person-year is stored as used (migration 0013). If another
-- transaction removes that use and refreshes the county while the visit's transaction is still open, the
-- refresh cannot see the visit and stores the person-year as unused; the visit, committed after, queued
-- nothing. So a statement that writes encounters takes the county's indicator lock in share mode, held to
-- its commit: a refresh or rebuild (which takes it exclusively, src/engine/refresh.ts) waits for the
-- encounters' commit and sees them. Imports still run side by side, and a refresh inside the importing
-- transaction is not held back by its own lock. Every encounter statement takes it, in this trigger, which
-- fires before the facility rollup's (names in order): the importer holds it before any rollup row a
-- rebuild would wait for, so the two cannot deadlock.
CREATE OR REPLACE FUNCTION indicator_dirty_encounter_residents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_advisory_xact_lock_shared(hashtext('weijian.indicators'), hashtext(c.county_code))
      FROM (SELECT DISTINCT county_code FROM new_rows) AS c;
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT DISTINCT r.county_code, 'visit', r.resident_id, extract(year FROM r.start_date) FROM new_rows r
      WHERE r.resident_id IS NOT NULL AND r.facility_id IS NOT NULL
        -- A scalar subquery, so each row looks its person-year up by the key: as a join, the planner (blind
        -- to the transition table's size) may hash the whole person-year table for every statement.
        AND coalesce((SELECT y.record_used FROM indicator_person_years y WHERE y.county_code = r.county_code
          AND y.year = extract(year FROM r.start_date) AND y.resident_id = r.resident_id), 0) = 0
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_advisory_xact_lock_shared(hashtext('weijian.indicators'), hashtext(c.county_code))
      FROM (SELECT DISTINCT county_code FROM old_rows) AS c;
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT DISTINCT r.county_code, 'resident', r.resident_id, extract(year FROM r.start_date) FROM old_rows r
      WHERE r.resident_id IS NOT NULL AND r.facility_id IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
