-- A family-doctor contract counts only in the years it spans (valid on 31 Dec, priority listing,
-- expiring) and, for the contract it renews, in that contract's last year (renewal rate): queue those
-- person-years instead of all of the holder's years, so a batch of new contracts refreshes one or two
-- years, not six (docs/indicators.md).
CREATE OR REPLACE FUNCTION indicator_dirty_family_doctor_contracts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('weijian.rollups', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_dirty (county_code, kind, key, year)
      SELECT r.county_code, 'resident', r.resident_id, y.year FROM new_rows r
      CROSS JOIN generate_series(extract(year FROM r.start_on)::int, extract(year FROM r.end_on)::int) AS y(year)
      UNION
      SELECT r.county_code, 'resident', o.resident_id, extract(year FROM o.end_on) FROM new_rows r
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
