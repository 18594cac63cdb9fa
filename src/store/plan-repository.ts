import { asc, eq, sql } from 'drizzle-orm';
import type { ParsedPlan, PlanIndicatorRow, PlanItem } from '../domain/plan/types.js';
import type { Db } from './db.js';
import { planIndicators, planItems, plans } from './schema/index.js';

/** A plan as stored: the parsed plan plus its id and timestamps. */
export interface StoredPlan extends ParsedPlan {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export interface PlanListEntry {
  id: number;
  title: string;
  region: { code: string | null; name: string };
  period: { start: number; end: number };
  issuedOn: string | null;
  indicatorCount: number;
  mappedCount: number;
  updatedAt: string;
}

/** Natural key: the same region and period is the same plan, whatever the file was called. */
export function planSlug(plan: Pick<ParsedPlan, 'region' | 'period'>): string {
  const region = plan.region.code ?? plan.region.name.replace(/\s+/g, '');
  return `${region}:${plan.period.start}-${plan.period.end}`;
}

/**
 * Stores a parsed plan in one transaction: a re-import of the same plan replaces its rows in place
 * (same id), and a failure leaves what was stored before untouched.
 */
export async function savePlan(db: Db, plan: ParsedPlan): Promise<{ id: number; created: boolean }> {
  return db.transaction(async (tx) => {
    const values = {
      slug: planSlug(plan),
      title: plan.title,
      regionCode: plan.region.code,
      regionName: plan.region.name,
      periodStart: plan.period.start,
      periodEnd: plan.period.end,
      issuedOn: plan.issuedOn,
      tableNotes: plan.tableNotes,
      warnings: plan.warnings,
      outline: plan.outline,
      source: plan.source,
    };
    // xmax = 0 only for a freshly inserted row: tells insert from update in one statement.
    const [row] = await tx
      .insert(plans)
      .values(values)
      .onConflictDoUpdate({ target: plans.slug, set: { ...values, updatedAt: sql`now()` } })
      .returning({ id: plans.id, created: sql<boolean>`(xmax = 0)` });
    if (!row) throw new Error('plan upsert returned no row');
    await tx.delete(planIndicators).where(eq(planIndicators.planId, row.id));
    await tx.delete(planItems).where(eq(planItems.planId, row.id));
    const indicatorRows = [
      ...plan.indicators.map((r, i) => indicatorValues(row.id, 'main', i, r)),
      ...plan.reviewIndicators.map((r, i) => indicatorValues(row.id, 'review', i, r)),
    ];
    if (indicatorRows.length) await tx.insert(planIndicators).values(indicatorRows);
    const itemRows = [
      ...plan.tasks.map((t, i) => itemValues(row.id, 'task', i, t)),
      ...plan.projects.map((p, i) => itemValues(row.id, 'project', i, p)),
    ];
    if (itemRows.length) await tx.insert(planItems).values(itemRows);
    return { id: row.id, created: Boolean(row.created) };
  });
}

function indicatorValues(planId: number, table: 'main' | 'review', position: number, r: PlanIndicatorRow) {
  return {
    planId,
    table,
    position,
    domain: r.domain,
    seq: r.seq,
    marks: r.marks,
    name: r.name,
    indicatorId: r.indicatorId,
    unmappedReason: r.unmappedReason,
    unit: r.unit,
    baseline: r.baseline,
    target: r.target,
    targetKind: r.target.kind,
    nature: r.nature,
    parent: r.parent,
    lineStart: r.sourceLines[0],
    lineEnd: r.sourceLines[1],
    warnings: r.warnings,
  };
}

function itemValues(planId: number, kind: 'task' | 'project', position: number, item: PlanItem) {
  return {
    planId,
    kind,
    position,
    number: item.number,
    heading: item.heading,
    chapter: item.chapter,
    lineStart: item.lines[0],
    lineEnd: item.lines[1],
    items: item.items,
  };
}

export async function listPlans(db: Db): Promise<PlanListEntry[]> {
  const rows = await db
    .select({
      id: plans.id,
      title: plans.title,
      regionCode: plans.regionCode,
      regionName: plans.regionName,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
      issuedOn: plans.issuedOn,
      updatedAt: plans.updatedAt,
      indicatorCount: sql<number>`(select count(*)::int from plan_indicators pi
        where pi.plan_id = ${plans.id} and pi."table" = 'main')`,
      mappedCount: sql<number>`(select count(*)::int from plan_indicators pi
        where pi.plan_id = ${plans.id} and pi."table" = 'main' and pi.indicator_id is not null)`,
    })
    .from(plans)
    .orderBy(asc(plans.id));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    region: { code: r.regionCode, name: r.regionName },
    period: { start: r.periodStart, end: r.periodEnd },
    issuedOn: r.issuedOn,
    indicatorCount: Number(r.indicatorCount),
    mappedCount: Number(r.mappedCount),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function getPlan(db: Db, id: number): Promise<StoredPlan | null> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, id));
  if (!plan) return null;
  const rows = await db
    .select()
    .from(planIndicators)
    .where(eq(planIndicators.planId, id))
    .orderBy(asc(planIndicators.table), asc(planIndicators.position));
  const items = await db
    .select()
    .from(planItems)
    .where(eq(planItems.planId, id))
    .orderBy(asc(planItems.kind), asc(planItems.position));
  const toRow = (r: (typeof rows)[number]): PlanIndicatorRow => ({
    domain: r.domain,
    seq: r.seq,
    marks: r.marks,
    name: r.name,
    indicatorId: r.indicatorId,
    unmappedReason: r.unmappedReason,
    unit: r.unit,
    baseline: r.baseline ?? null,
    target: r.target,
    nature: r.nature,
    parent: r.parent,
    sourceLines: [r.lineStart, r.lineEnd],
    warnings: r.warnings,
  });
  const toItem = (i: (typeof items)[number]): PlanItem => ({
    number: i.number,
    heading: i.heading,
    chapter: i.chapter,
    lines: [i.lineStart, i.lineEnd],
    items: i.items,
  });
  return {
    id: plan.id,
    title: plan.title,
    region: { code: plan.regionCode, name: plan.regionName },
    period: { start: plan.periodStart, end: plan.periodEnd },
    issuedOn: plan.issuedOn,
    indicators: rows.filter((r) => r.table === 'main').map(toRow),
    reviewIndicators: rows.filter((r) => r.table === 'review').map(toRow),
    tableNotes: plan.tableNotes,
    outline: plan.outline,
    tasks: items.filter((i) => i.kind === 'task').map(toItem),
    projects: items.filter((i) => i.kind === 'project').map(toItem),
    warnings: plan.warnings,
    source: plan.source,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export async function countPlans(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(plans);
  return Number(row?.n ?? 0);
}
