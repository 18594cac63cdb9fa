ALTER TABLE "referrals" ADD COLUMN "encounter_id" bigint;--> statement-breakpoint
ALTER TABLE "chronic_disease_follow_ups" ADD COLUMN "encounter_id" bigint;--> statement-breakpoint
ALTER TABLE "child_health_checks" ADD COLUMN "encounter_id" bigint;--> statement-breakpoint
ALTER TABLE "health_checkups" ADD COLUMN "encounter_id" bigint;--> statement-breakpoint
ALTER TABLE "notifiable_disease_reports" ADD COLUMN "encounter_id" bigint;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_encounter_fk" FOREIGN KEY ("county_code","encounter_id") REFERENCES "public"."encounters"("county_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chronic_disease_follow_ups" ADD CONSTRAINT "chronic_disease_follow_ups_encounter_fk" FOREIGN KEY ("county_code","encounter_id") REFERENCES "public"."encounters"("county_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_health_checks" ADD CONSTRAINT "child_health_checks_encounter_fk" FOREIGN KEY ("county_code","encounter_id") REFERENCES "public"."encounters"("county_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_checkups" ADD CONSTRAINT "health_checkups_encounter_fk" FOREIGN KEY ("county_code","encounter_id") REFERENCES "public"."encounters"("county_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifiable_disease_reports" ADD CONSTRAINT "notifiable_disease_reports_encounter_fk" FOREIGN KEY ("county_code","encounter_id") REFERENCES "public"."encounters"("county_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referrals_encounter_idx" ON "referrals" USING btree ("county_code","encounter_id") WHERE "referrals"."encounter_id" is not null;--> statement-breakpoint
CREATE INDEX "chronic_disease_follow_ups_encounter_idx" ON "chronic_disease_follow_ups" USING btree ("county_code","encounter_id") WHERE "chronic_disease_follow_ups"."encounter_id" is not null;--> statement-breakpoint
CREATE INDEX "child_health_checks_encounter_idx" ON "child_health_checks" USING btree ("county_code","encounter_id") WHERE "child_health_checks"."encounter_id" is not null;--> statement-breakpoint
CREATE INDEX "health_checkups_encounter_idx" ON "health_checkups" USING btree ("county_code","encounter_id") WHERE "health_checkups"."encounter_id" is not null;--> statement-breakpoint
CREATE INDEX "notifiable_disease_reports_encounter_idx" ON "notifiable_disease_reports" USING btree ("county_code","encounter_id") WHERE "notifiable_disease_reports"."encounter_id" is not null;