/**
 * Hand-entered values (indicators the records cannot determine: health literacy, smoking rate, …) with their
 * workflow (workflow.ts) and audit trail: every change writes one manual_value_events row in the same
 * transaction, with who, when, the old and new value and status, and why.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { WeijianError } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import { manualValueEvents, manualValues } from '../store/schema/index.js';
import type { ManualActual } from './actuals.js';
import { toManualActual } from './actuals-store.js';
import { loadPlan } from './plan-monitoring.js';
import { regionKey, rowKey } from './row-key.js';
import { nextStatus, type Actor, type ManualValueStatus, type WorkflowAction } from './workflow.js';

export interface ManualValueView extends ManualActual {
  regionCode: string;
  rowKey: string;
  indicatorId: string | null;
}

export interface ManualValueEvent {
  id: number;
  at: string;
  actor: string;
  action: WorkflowAction;
  oldValue: number | null;
  newValue: number | null;
  oldStatus: ManualValueStatus | null;
  newStatus: ManualValueStatus;
  reason: string | null;
}

/** The row a value is for: the plan's region and the row's stable key. */
export interface ManualValueSubject {
  regionCode: string;
  rowKey: string;
  indicatorId: string | null;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Row = typeof manualValues.$inferSelect;

const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

/** The subject of a plan's main-table row at `position`. */
export async function subjectOf(db: Db, planId: number, position: number): Promise<ManualValueSubject> {
  const plan = await loadPlan(db, planId);
  const row = plan.indicators[position];
  if (!row) {
    throw new WeijianError(
      'plan.row-not-found',
      `plan ${planId} has no indicator row ${position}`,
      { field: 'position' },
      404,
    );
  }
  return { regionCode: regionKey(plan), rowKey: rowKey(row), indicatorId: row.indicatorId };
}

/** Every manual value of the plan's region for the plan's rows. */
export async function listManualValues(db: Db, planId: number): Promise<ManualValueView[]> {
  const plan = await loadPlan(db, planId);
  const keys = [...new Set(plan.indicators.map(rowKey))];
  const rows = await db
    .select()
    .from(manualValues)
    .where(and(eq(manualValues.regionCode, regionKey(plan)), inArray(manualValues.rowKey, keys)))
    .orderBy(asc(manualValues.rowKey), asc(manualValues.year));
  return rows.map(view);
}

export async function getManualValue(db: Db, id: number): Promise<ManualValueView> {
  const [row] = await db.select().from(manualValues).where(eq(manualValues.id, id));
  if (!row) throw notFound(id);
  return view(row);
}

export interface NewManualValue {
  year: number;
  value: number;
  source?: string | null;
}

/** A new draft; 409 when the row already has a value for the year (edit that one instead). */
export async function createManualValue(
  db: Db,
  actor: Actor,
  subject: ManualValueSubject,
  input: NewManualValue,
): Promise<ManualValueView> {
  checkInput(input.year, input.value);
  const status = nextStatus(actor, 'create', null);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: manualValues.id })
      .from(manualValues)
      .where(
        and(
          eq(manualValues.regionCode, subject.regionCode),
          eq(manualValues.rowKey, subject.rowKey),
          eq(manualValues.year, input.year),
        ),
      );
    if (existing) {
      throw new WeijianError(
        'manual-value.exists',
        `a value for ${subject.rowKey} in ${input.year} exists already (id ${existing.id}): edit it`,
        { field: 'year' },
        409,
      );
    }
    const [row] = await tx
      .insert(manualValues)
      .values({
        ...subject,
        year: input.year,
        value: input.value,
        status,
        source: input.source ?? null,
        createdBy: actor.id,
        updatedBy: actor.id,
      })
      .returning();
    await record(tx, actor, 'create', null, row!, null);
    return view(row!);
  });
}

export interface ManualValueEdit {
  value: number;
  source?: string | null;
  reason?: string | null;
}

/** A new figure (and source); an approved value only by an admin with a reason. */
export async function editManualValue(
  db: Db,
  actor: Actor,
  id: number,
  edit: ManualValueEdit,
): Promise<ManualValueView> {
  checkInput(null, edit.value);
  return change(db, actor, id, 'edit', edit.reason ?? null, (_, status) => ({
    value: edit.value,
    status,
    ...(edit.source !== undefined ? { source: edit.source } : {}),
  }));
}

/** submit, approve or return (a return needs the reason the enterer will read). */
export async function transitionManualValue(
  db: Db,
  actor: Actor,
  id: number,
  action: 'submit' | 'approve' | 'return',
  reason: string | null = null,
): Promise<ManualValueView> {
  return change(db, actor, id, action, reason, (_, status) => ({
    status,
    returnReason: action === 'return' ? reason : null,
  }));
}

export async function manualValueHistory(db: Db, id: number): Promise<ManualValueEvent[]> {
  await getManualValue(db, id);
  const rows = await db
    .select()
    .from(manualValueEvents)
    .where(eq(manualValueEvents.manualValueId, id))
    .orderBy(asc(manualValueEvents.id));
  return rows.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    oldValue: e.oldValue,
    newValue: e.newValue,
    oldStatus: e.oldStatus,
    newStatus: e.newStatus,
    reason: e.reason,
  }));
}

async function change(
  db: Db,
  actor: Actor,
  id: number,
  action: WorkflowAction,
  reason: string | null,
  patch: (row: Row, status: ManualValueStatus) => Partial<Row>,
): Promise<ManualValueView> {
  return db.transaction(async (tx) => {
    // Locked, so two approvers or an edit racing an approval see each other's outcome.
    const [before] = await tx.select().from(manualValues).where(eq(manualValues.id, id)).for('update');
    if (!before) throw notFound(id);
    const status = nextStatus(actor, action, before.status, reason);
    const [after] = await tx
      .update(manualValues)
      .set({ ...patch(before, status), updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(manualValues.id, id))
      .returning();
    await record(tx, actor, action, before, after!, reason);
    return view(after!);
  });
}

async function record(
  tx: Tx,
  actor: Actor,
  action: WorkflowAction,
  before: Row | null,
  after: Row,
  reason: string | null,
) {
  await tx.insert(manualValueEvents).values({
    manualValueId: after.id,
    actor: actor.id,
    action,
    oldValue: before?.value ?? null,
    newValue: after.value,
    oldStatus: before?.status ?? null,
    newStatus: after.status,
    reason: reason?.trim() || null,
  });
}

function checkInput(year: number | null, value: number): void {
  if (year !== null && (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX))
    throw new WeijianError('manual-value.invalid-year', `year must be ${YEAR_MIN}–${YEAR_MAX}, got ${year}`, {
      field: 'year',
    });
  if (!Number.isFinite(value))
    throw new WeijianError('manual-value.invalid-value', `value must be a number, got ${value}`, {
      field: 'value',
    });
}

function notFound(id: number): WeijianError {
  return new WeijianError('manual-value.not-found', `no manual value with id ${id}`, {}, 404);
}

function view(row: Row): ManualValueView {
  return {
    ...toManualActual(row),
    regionCode: row.regionCode,
    rowKey: row.rowKey,
    indicatorId: row.indicatorId,
  };
}
