-- The indicator rebuild reads a year's encounters twice (visits by facility and quarter; the residents
-- seen at a facility of the platform). With every column it reads in the date index, both passes read
-- the index alone (an index-only scan, once the table is vacuumed), not the table's pages, on which a
-- year's rows lie scattered. The refresh asks per person-year whether a visit at a facility exists: the
-- facility in the resident index answers that from the index too.
DROP INDEX "encounters_start_idx";--> statement-breakpoint
DROP INDEX "encounters_resident_idx";--> statement-breakpoint
CREATE INDEX "encounters_start_idx" ON "encounters" USING btree ("county_code","start_date","facility_id","class","resident_id","patient_county_code","total_cost","out_of_pocket");--> statement-breakpoint
CREATE INDEX "encounters_resident_idx" ON "encounters" USING btree ("county_code","resident_id","start_date","facility_id");