import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, text, timestamp, index } from 'drizzle-orm/pg-core';
import type { OutlineNode, PrintedValue, Target } from '../../domain/plan/types.js';

/** One imported plan. `slug` (region code or name + period) is the natural key that makes re-import an update. */
export const plans = pgTable('plans', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  regionCode: text('region_code'),
  regionName: text('region_name').notNull(),
  periodStart: integer('period_start').notNull(),
  periodEnd: integer('period_end').notNull(),
  issuedOn: text('issued_on'),
  tableNotes: jsonb('table_notes')
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  warnings: jsonb('warnings')
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  outline: jsonb('outline')
    .$type<OutlineNode[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  source: jsonb('source')
    .$type<{ fileName: string; encoding: string; sha256: string; lineCount: number }>()
    .notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Rows of the main-indicator table (`main`) and of the previous plan's review table (`review`). */
export const planIndicators = pgTable(
  'plan_indicators',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    table: text('table', { enum: ['main', 'review'] }).notNull(),
    position: integer('position').notNull(),
    domain: text('domain'),
    seq: text('seq'),
    marks: jsonb('marks').$type<string[]>().notNull(),
    name: text('name').notNull(),
    indicatorId: text('indicator_id'),
    unmappedReason: text('unmapped_reason'),
    unit: text('unit'),
    baseline: jsonb('baseline').$type<PrintedValue | null>(),
    target: jsonb('target').$type<Target>().notNull(),
    targetKind: text('target_kind').notNull(),
    nature: text('nature', { enum: ['expected', 'binding', 'guiding'] }),
    parent: integer('parent'),
    lineStart: integer('line_start').notNull(),
    lineEnd: integer('line_end').notNull(),
    warnings: jsonb('warnings').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.table, t.position] }), index().on(t.indicatorId)],
);

/** Key tasks (重点任务) and key projects (专栏) of a plan, with the line span of their text. */
export const planItems = pgTable(
  'plan_items',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['task', 'project'] }).notNull(),
    position: integer('position').notNull(),
    number: text('number').notNull(),
    heading: text('heading').notNull(),
    chapter: text('chapter'),
    lineStart: integer('line_start').notNull(),
    lineEnd: integer('line_end').notNull(),
    items: jsonb('items').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.kind, t.position] })],
);
