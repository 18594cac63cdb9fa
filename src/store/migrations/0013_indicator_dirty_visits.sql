ALTER TABLE "indicator_dirty" DROP CONSTRAINT "indicator_dirty_kind_check";--> statement-breakpoint
ALTER TABLE "indicator_dirty" ADD CONSTRAINT "indicator_dirty_kind_check" CHECK ("indicator_dirty"."kind" in ('resident', 'vital', 'notifiable', 'population', 'resources', 'facility', 'visit'));--> statement-breakpoint
-- A new visit at a facility of the platform (a linked clinical visit, 健康档案使用率) can change only the use
-- of its person-year's record: it is queued as a `visit`, which the refresh applies without recomputing the
-- person-year (refresh.ts): the record is used if the person-year then stored has it open and unused. As in
-- migration 0011, a person-year already stored as used is not queued. One not stored, or stored without an
-- open record, is queued all the same: a concurrent transaction may be giving it a record, and the refresh
-- (after that one's commit) sees it. A stored person-year out of date has its own `resident` entry queued by
-- the change that made it so, which recomputes it whole. A visit moved or removed queues its old
-- person-year whole, as before.
CREATE OR REPLACE FUNCTION indicator_dirty_encounter_residents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
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
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT DISTINCT r.county_code, 'resident', r.resident_id, extract(year FROM r.start_date) FROM old_rows r
      WHERE r.resident_id IS NOT NULL AND r.facility_id IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
