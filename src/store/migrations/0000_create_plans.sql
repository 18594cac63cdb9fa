CREATE TABLE "plan_indicators" (
	"plan_id" integer NOT NULL,
	"table" text NOT NULL,
	"position" integer NOT NULL,
	"domain" text,
	"seq" text,
	"marks" jsonb NOT NULL,
	"name" text NOT NULL,
	"indicator_id" text,
	"unmapped_reason" text,
	"unit" text,
	"baseline" jsonb,
	"target" jsonb NOT NULL,
	"target_kind" text NOT NULL,
	"nature" text,
	"parent" integer,
	"line_start" integer NOT NULL,
	"line_end" integer NOT NULL,
	"warnings" jsonb NOT NULL,
	CONSTRAINT "plan_indicators_plan_id_table_position_pk" PRIMARY KEY("plan_id","table","position")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"plan_id" integer NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"heading" text NOT NULL,
	"chapter" text,
	"line_start" integer NOT NULL,
	"line_end" integer NOT NULL,
	"items" jsonb NOT NULL,
	CONSTRAINT "plan_items_plan_id_kind_position_pk" PRIMARY KEY("plan_id","kind","position")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"region_code" text,
	"region_name" text NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"issued_on" text,
	"table_notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outline" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_indicators_indicator_id_index" ON "plan_indicators" USING btree ("indicator_id");