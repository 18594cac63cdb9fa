-- The audit trail of manual values is append-only, like audit_log (0004): who changed a figure, when and why
-- must survive any later edit of the figure itself.
CREATE FUNCTION manual_value_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'manual_value_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER manual_value_events_no_update_delete BEFORE UPDATE OR DELETE ON manual_value_events
  FOR EACH ROW EXECUTE FUNCTION manual_value_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER manual_value_events_no_truncate BEFORE TRUNCATE ON manual_value_events
  FOR EACH STATEMENT EXECUTE FUNCTION manual_value_events_refuse_change();
