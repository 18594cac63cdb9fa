/**
 * The checklist of a plan's key tasks (重点任务) and projects (专栏): the responsible department and, per year,
 * a status and a progress note — the "list and responsibility" (清单化、责任化) mechanism the plans describe.
 * Items are addressed by kind and position (as the plan shows them) and stored by their normalised heading,
 * so a re-import that reorders the outline keeps what was entered.
 */
import { and, eq } from 'drizzle-orm';
import { WeijianError } from '../domain/errors.js';
import type { PlanItem } from '../domain/plan/types.js';
import type { Db } from '../store/db.js';
import { ITEM_STATUSES, planItemAssignments, planItemProgress } from '../store/schema/index.js';
import { loadPlan } from './plan-monitoring.js';
import { assertMayEditChecklist, type Actor } from './workflow.js';

export type ItemKind = 'task' | 'project';
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  'not-started': '未启动',
  'in-progress': '推进中',
  completed: '已完成',
  delayed: '滞后',
};

export type ChecklistItem = {
  kind: ItemKind;
  position: number;
  number: string;
  heading: string;
  chapter: string | null;
  items: string[];
  department: string | null;
  progress: { year: number; status: ItemStatus; note: string | null; updatedBy: string; updatedAt: string }[];
};

export interface ItemUpdate {
  department?: string | null;
  progress?: { year: number; status: ItemStatus; note?: string | null }[];
}

export function itemKey(item: Pick<PlanItem, 'heading'>): string {
  return item.heading.normalize('NFKC').replace(/\s+/g, '');
}

export async function listPlanItems(db: Db, planId: number): Promise<ChecklistItem[]> {
  const plan = await loadPlan(db, planId);
  const assignments = await db
    .select()
    .from(planItemAssignments)
    .where(eq(planItemAssignments.planId, planId));
  const progress = await db.select().from(planItemProgress).where(eq(planItemProgress.planId, planId));
  const build =
    (kind: ItemKind) =>
    (item: PlanItem, position: number): ChecklistItem => {
      const key = itemKey(item);
      const mine = <T extends { kind: string; itemKey: string }>(r: T) =>
        r.kind === kind && r.itemKey === key;
      return {
        kind,
        position,
        number: item.number,
        heading: item.heading,
        chapter: item.chapter,
        items: item.items,
        department: assignments.find(mine)?.department ?? null,
        progress: progress
          .filter(mine)
          .sort((a, b) => a.year - b.year)
          .map((p) => ({
            year: p.year,
            status: p.status,
            note: p.note,
            updatedBy: p.updatedBy,
            updatedAt: p.updatedAt.toISOString(),
          })),
      };
    };
  return [...plan.tasks.map(build('task')), ...plan.projects.map(build('project'))];
}

/** Sets the department (null clears it) and upserts the given years' progress. */
export async function updatePlanItem(
  db: Db,
  actor: Actor,
  planId: number,
  kind: ItemKind,
  position: number,
  update: ItemUpdate,
): Promise<ChecklistItem> {
  assertMayEditChecklist(actor);
  const plan = await loadPlan(db, planId);
  const item = (kind === 'task' ? plan.tasks : plan.projects)[position];
  if (!item)
    throw new WeijianError('plan-item.not-found', `plan ${planId} has no ${kind} ${position}`, {}, 404);
  const outside = update.progress?.find((p) => p.year < plan.period.start || p.year > plan.period.end);
  if (outside) {
    throw new WeijianError(
      'plan-item.invalid-year',
      `progress years are ${plan.period.start}–${plan.period.end}, got ${outside.year}`,
      { field: 'year' },
    );
  }
  const key = { planId, kind, itemKey: itemKey(item) };
  const stamp = { updatedBy: actor.id, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    if (update.department === null || update.department?.trim() === '') {
      await tx
        .delete(planItemAssignments)
        .where(
          and(
            eq(planItemAssignments.planId, planId),
            eq(planItemAssignments.kind, kind),
            eq(planItemAssignments.itemKey, key.itemKey),
          ),
        );
    } else if (update.department !== undefined) {
      const values = { ...key, department: update.department.trim(), ...stamp };
      await tx
        .insert(planItemAssignments)
        .values(values)
        .onConflictDoUpdate({
          target: [planItemAssignments.planId, planItemAssignments.kind, planItemAssignments.itemKey],
          set: { department: values.department, ...stamp },
        });
    }
    for (const p of update.progress ?? []) {
      const set = { status: p.status, note: p.note ?? null, ...stamp };
      await tx
        .insert(planItemProgress)
        .values({ ...key, year: p.year, ...set })
        .onConflictDoUpdate({
          target: [
            planItemProgress.planId,
            planItemProgress.kind,
            planItemProgress.itemKey,
            planItemProgress.year,
          ],
          set,
        });
    }
  });
  const items = await listPlanItems(db, planId);
  return items.find((i) => i.kind === kind && i.position === position)!;
}
