ALTER TABLE "indicator_dirty" DROP CONSTRAINT "indicator_dirty_kind_check";--> statement-breakpoint
ALTER TABLE "indicator_dirty" ADD CONSTRAINT "indicator_dirty_kind_check" CHECK ("indicator_dirty"."kind" in ('resident', 'vital', 'notifiable', 'population', 'resources', 'facility', 'visit', 'follow_up', 'checkup', 'child_check', 'contract'));--> statement-breakpoint
-- A new follow-up, check-up, child check or contract is queued under its own kind, not as `resident`: it
-- can change only the statuses computed from its table, and the use of the record (as a service), so the
-- refresh recomputes those and keeps the rest of the stored person-year (src/engine/build/person-years.ts,
-- PERSON_KINDS). A row changed or removed still queues its person-years whole (`resident`), old and new.
CREATE OR REPLACE FUNCTION indicator_dirty_chronic_disease_follow_ups() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added text := CASE WHEN TG_OP = 'INSERT' THEN 'follow_up' ELSE 'resident' END;
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, added, g.resident_id, extract(year FROM r.followed_up_on) FROM new_rows r
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
CREATE OR REPLACE FUNCTION indicator_dirty_health_checkups() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added text := CASE WHEN TG_OP = 'INSERT' THEN 'checkup' ELSE 'resident' END;
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, added, r.resident_id, extract(year FROM r.checked_on) FROM new_rows r
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
CREATE OR REPLACE FUNCTION indicator_dirty_child_health_checks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added text := CASE WHEN TG_OP = 'INSERT' THEN 'child_check' ELSE 'resident' END;
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, added, r.resident_id, extract(year FROM r.checked_on) FROM new_rows r
      UNION
      SELECT r.county_code, added, r.resident_id, extract(year FROM r.checked_on) + 1 FROM new_rows r
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
CREATE OR REPLACE FUNCTION indicator_dirty_family_doctor_contracts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added text := CASE WHEN TG_OP = 'INSERT' THEN 'contract' ELSE 'resident' END;
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, added, r.resident_id, y.year FROM new_rows r
      CROSS JOIN generate_series(extract(year FROM r.start_on)::int, extract(year FROM r.end_on)::int) AS y(year)
      UNION
      SELECT r.county_code, added, o.resident_id, extract(year FROM o.end_on) FROM new_rows r
      JOIN family_doctor_contracts o ON o.county_code = r.county_code AND o.id = r.renews_contract_id
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, y.year FROM old_rows r
      CROSS JOIN generate_series(extract(year FROM r.start_on)::int, extract(year FROM r.end_on)::int) AS y(year)
      UNION
      SELECT r.county_code, 'resident', o.resident_id, extract(year FROM o.end_on) FROM old_rows r
      JOIN family_doctor_contracts o ON o.county_code = r.county_code AND o.id = r.renews_contract_id
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
