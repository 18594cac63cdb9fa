import { and, desc, eq, gte, like, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { auditLog, type AUDIT_OUTCOMES } from '../store/schema/index.js';
import type { Principal } from './principal.js';

/**
 * One audited event. `details` holds ids, counts and codes, never names, ID numbers or phones
 * (docs/access-control.md lists the actions).
 */
export interface AuditEvent {
  action: string;
  resourceType?: string;
  resourceId?: string;
  countyCode?: string;
  reason?: string;
  outcome?: (typeof AUDIT_OUTCOMES)[number];
  details?: Record<string, unknown>;
}

export interface AuditActor {
  actor: string;
  role: string | null;
  ip: string | null;
}

export const actorOf = (principal: Principal, ip: string | null = null): AuditActor => ({
  actor: principal.actor,
  role: principal.role,
  ip,
});

export async function writeAudit(db: Db, who: AuditActor, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    actor: who.actor,
    actorRole: who.role,
    ip: who.ip,
    action: event.action,
    resourceType: event.resourceType ?? null,
    resourceId: event.resourceId ?? null,
    countyCode: event.countyCode ?? null,
    reason: event.reason ?? null,
    outcome: event.outcome ?? 'ok',
    details: event.details ?? null,
  });
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  countyCode?: string;
  since?: Date;
  until?: Date;
  limit?: number;
  offset?: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  actorRole: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  countyCode: string | null;
  ip: string | null;
  reason: string | null;
  outcome: string;
  details: Record<string, unknown> | null;
}

/** Newest first. `action` matches itself and its sub-actions (`residents` finds `residents.reveal`). */
export async function searchAudit(db: Db, query: AuditQuery = {}): Promise<AuditEntry[]> {
  const a = auditLog;
  const where: SQL[] = [];
  if (query.actor) where.push(eq(a.actor, query.actor));
  if (query.action) {
    const escaped = query.action.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(or(eq(a.action, query.action), like(a.action, `${escaped}.%`))!);
  }
  if (query.countyCode) where.push(eq(a.countyCode, query.countyCode));
  if (query.since) where.push(gte(a.at, query.since));
  if (query.until) where.push(lt(a.at, query.until));
  const rows = await db
    .select()
    .from(a)
    .where(and(...where))
    .orderBy(desc(a.id))
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0);
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), details: r.details ?? null }));
}

/** Whether `actor` did `action` on `resourceId` successfully: who started an export may fetch its files. */
export async function hasDone(db: Db, actor: string, action: string, resourceId: string): Promise<boolean> {
  const a = auditLog;
  const [row] = await db
    .select({ id: a.id })
    .from(a)
    .where(and(eq(a.actor, actor), eq(a.action, action), eq(a.resourceId, resourceId), eq(a.outcome, 'ok')))
    .limit(1);
  return row !== undefined;
}
