CREATE TABLE "manual_value_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "manual_value_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"manual_value_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"old_value" double precision,
	"new_value" double precision,
	"old_status" text,
	"new_status" text NOT NULL,
	"reason" text,
	CONSTRAINT "manual_value_events_action_check" CHECK ("manual_value_events"."action" in ('create', 'edit', 'submit', 'approve', 'return'))
);
--> statement-breakpoint
CREATE TABLE "manual_values" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "manual_values_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"row_key" text NOT NULL,
	"indicator_id" text,
	"year" smallint NOT NULL,
	"value" double precision NOT NULL,
	"status" text NOT NULL,
	"return_reason" text,
	"source" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manual_values_region_row_year_key" UNIQUE("region_code","row_key","year"),
	CONSTRAINT "manual_values_status_check" CHECK ("manual_values"."status" in ('draft', 'submitted', 'approved', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "plan_item_assignments" (
	"plan_id" integer NOT NULL,
	"kind" text NOT NULL,
	"item_key" text NOT NULL,
	"department" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_item_assignments_key" UNIQUE("plan_id","kind","item_key")
);
--> statement-breakpoint
CREATE TABLE "plan_item_progress" (
	"plan_id" integer NOT NULL,
	"kind" text NOT NULL,
	"item_key" text NOT NULL,
	"year" smallint NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_item_progress_key" UNIQUE("plan_id","kind","item_key","year"),
	CONSTRAINT "plan_item_progress_status_check" CHECK ("plan_item_progress"."status" in ('not-started', 'in-progress', 'completed', 'delayed'))
);
--> statement-breakpoint
ALTER TABLE "manual_value_events" ADD CONSTRAINT "manual_value_events_manual_value_id_manual_values_id_fk" FOREIGN KEY ("manual_value_id") REFERENCES "public"."manual_values"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_assignments" ADD CONSTRAINT "plan_item_assignments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_progress" ADD CONSTRAINT "plan_item_progress_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "manual_value_events_value_idx" ON "manual_value_events" USING btree ("manual_value_id","id");