CREATE INDEX "residents_name_prefix_idx" ON "residents" USING btree ("county_code","name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "residents_id_number_suffix_idx" ON "residents" USING btree ("county_code",reverse("resident_id_number") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "residents_phone_idx" ON "residents" USING btree ("county_code","phone");--> statement-breakpoint
CREATE INDEX "referrals_resident_idx" ON "referrals" USING btree ("county_code","resident_id","referred_on");