import {
  doublePrecision,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { oneOf } from './columns.js';
import { plans } from './plans.js';

/*
 * Plan monitoring (docs/monitoring.md): hand-entered actuals with their approval workflow and audit trail,
 * and the checklist of a plan's key tasks and projects. Plan rows and items are re-created by position on
 * every re-import, so nothing here points at them: manual values are keyed by region and row key, the
 * checklist by the plan (whose id a re-import keeps) and the item's kind and heading.
 */

export const MANUAL_VALUE_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const MANUAL_VALUE_ACTIONS = ['create', 'edit', 'submit', 'approve', 'return'] as const;
export const ITEM_STATUSES = ['not-started', 'in-progress', 'completed', 'delayed'] as const;

/**
 * One hand-entered value of a plan row in a region and year. `row_key` is the catalog id of a mapped row,
 * else `name:` + the normalised printed name, so the value survives a re-import and is shared by every plan
 * of the region that prints the same indicator.
 */
export const manualValues = pgTable(
  'manual_values',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    regionCode: text('region_code').notNull(),
    rowKey: text('row_key').notNull(),
    /** The catalog id when the row is mapped (also the start of `row_key`), for joins with computed values. */
    indicatorId: text('indicator_id'),
    year: smallint('year').notNull(),
    value: doublePrecision('value').notNull(),
    status: text('status', { enum: MANUAL_VALUE_STATUSES }).notNull(),
    returnReason: text('return_reason'),
    /** Where the figure comes from: survey, statistical yearbook, document number. */
    source: text('source'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('manual_values_region_row_year_key').on(t.regionCode, t.rowKey, t.year),
    oneOf('manual_values_status_check', t.status, MANUAL_VALUE_STATUSES),
  ],
);

/** The audit trail of manual values: one row per change, never updated or deleted (a trigger refuses). */
export const manualValueEvents = pgTable(
  'manual_value_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    manualValueId: integer('manual_value_id')
      .notNull()
      .references(() => manualValues.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action', { enum: MANUAL_VALUE_ACTIONS }).notNull(),
    oldValue: doublePrecision('old_value'),
    newValue: doublePrecision('new_value'),
    oldStatus: text('old_status', { enum: MANUAL_VALUE_STATUSES }),
    newStatus: text('new_status', { enum: MANUAL_VALUE_STATUSES }).notNull(),
    reason: text('reason'),
  },
  (t) => [
    index('manual_value_events_value_idx').on(t.manualValueId, t.id),
    oneOf('manual_value_events_action_check', t.action, MANUAL_VALUE_ACTIONS),
  ],
);

/** Who answers for a key task or project (the plan's 清单 and 责任 mechanism). `item_key` = normalised heading. */
export const planItemAssignments = pgTable(
  'plan_item_assignments',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['task', 'project'] }).notNull(),
    itemKey: text('item_key').notNull(),
    department: text('department').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('plan_item_assignments_key').on(t.planId, t.kind, t.itemKey)],
);

/** The yearly status and progress note of a key task or project. */
export const planItemProgress = pgTable(
  'plan_item_progress',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['task', 'project'] }).notNull(),
    itemKey: text('item_key').notNull(),
    year: smallint('year').notNull(),
    status: text('status', { enum: ITEM_STATUSES }).notNull(),
    note: text('note'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('plan_item_progress_key').on(t.planId, t.kind, t.itemKey, t.year),
    oneOf('plan_item_progress_status_check', t.status, ITEM_STATUSES),
  ],
);
