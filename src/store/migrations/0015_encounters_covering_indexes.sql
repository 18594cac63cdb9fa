-- The indicator rebuild reads a year's encounters twice (visits by facility and quarter; the residents
-- seen at a facility of the platform), and its discharges. With every column it reads in the date index
-- and the discharge index, the passes read the indexes alone (index-only scans, once the table is
-- vacuumed), not the table's pages, on which a year's rows lie scattered. The refresh asks per
-- person-year whether a visit at a facility exists: the facility in the resident index answers that
-- from the index too.
DROP INDEX "encounters_start_idx";--> statement-breakpoint
DROP INDEX "encounters_discharge_idx";--> statement-breakpoint
DROP INDEX "encounters_resident_idx";--> statement-breakpoint
CREATE INDEX "encounters_start_idx" ON "encounters" USING btree ("county_code","start_date","facility_id","class","resident_id","patient_county_code","total_cost","out_of_pocket");--> statement-breakpoint
CREATE INDEX "encounters_discharge_idx" ON "encounters" USING btree ("county_code","end_date","facility_id","start_date","length_of_stay") WHERE "encounters"."class" = 'inpatient';--> statement-breakpoint
CREATE INDEX "encounters_resident_idx" ON "encounters" USING btree ("county_code","resident_id","start_date","facility_id");