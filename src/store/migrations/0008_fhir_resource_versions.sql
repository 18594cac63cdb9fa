CREATE TABLE "fhir_resource_versions" (
	"county_code" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" text NOT NULL,
	"version_id" integer NOT NULL,
	"last_updated" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fhir_resource_versions_county_code_resource_type_resource_id_pk" PRIMARY KEY("county_code","resource_type","resource_id"),
	CONSTRAINT "fhir_resource_versions_county_code_check" CHECK ("fhir_resource_versions"."county_code" ~ '^[0-9]{6}$')
);
--> statement-breakpoint
CREATE INDEX "fhir_resource_versions_updated_idx" ON "fhir_resource_versions" USING btree ("county_code","resource_type","last_updated");