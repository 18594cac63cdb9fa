import { and, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { apiTokens, sessions, signInAttempts, users } from '../store/schema/index.js';
import type { Principal } from './principal.js';
import { newSecret, sha256 } from './secrets.js';
import { findUser, principalOf } from './users.js';
import { WeijianError } from '../domain/errors.js';

/** A session ends 12 hours after sign-in, or after 30 minutes without a request (等级保护: session timeout). */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;

export async function createSession(db: Db, userId: number): Promise<string> {
  const id = newSecret();
  await db.insert(sessions).values({
    idHash: sha256(id),
    userId,
    expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
  });
  return id;
}

/** The principal of a live session, touching it; null for an unknown, expired, idle or disabled one. */
export async function sessionPrincipal(db: Db, sessionId: string): Promise<Principal | null> {
  const idHash = sha256(sessionId);
  const idleSince = new Date(Date.now() - SESSION_IDLE_MS);
  const [found] = await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(sessions.idHash, idHash),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, idleSince),
      ),
    )
    .returning({ userId: sessions.userId });
  if (!found) return null;
  const [user] = await db.select().from(users).where(eq(users.id, found.userId));
  return user && !user.disabled ? principalOf(user, 'session') : null;
}

/** Sign-in attempts older than this are dropped: the limits look back 15 minutes, the audit log keeps them all. */
export const ATTEMPTS_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the sessions that can no longer be used (past their lifetime, or idle too long) and old sign-in
 * attempts, so that neither table grows with every sign-in. Run at each sign-in: cheap, and nothing to schedule.
 */
export async function pruneExpired(db: Db): Promise<{ sessions: number; attempts: number }> {
  const ended = await db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, sql`now()`), lt(sessions.lastSeenAt, new Date(Date.now() - SESSION_IDLE_MS))),
    )
    .returning({ id: sessions.idHash });
  const attempts = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.at, new Date(Date.now() - ATTEMPTS_KEPT_MS)))
    .returning({ id: signInAttempts.id });
  return { sessions: ended.length, attempts: attempts.length };
}

/** Ends every session of a user but `keep` (the one that changed the password). */
export async function endOtherSessions(db: Db, userId: number, keep?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keep ? ne(sessions.idHash, sha256(keep)) : undefined));
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(sessionId)));
}

/** A new API token for a machine client: shown once, stored as its SHA-256. */
export async function createApiToken(
  db: Db,
  username: string,
  name: string,
): Promise<{ id: number; token: string }> {
  const user = await findUser(db, username);
  if (!user) throw new WeijianError('user.not-found', `no user ${username}`, {}, 404);
  const token = newSecret('wj_');
  const [row] = await db
    .insert(apiTokens)
    .values({ userId: user.id, tokenHash: sha256(token), name })
    .returning({ id: apiTokens.id });
  return { id: row!.id, token };
}

/** How stale a token's last-use time may get: to the minute is enough to decide which tokens to revoke. */
export const TOKEN_TOUCH_MS = 60 * 1000;

/**
 * The principal of a live API token and its user, in one read; the last-use time is written only when older
 * than TOKEN_TOUCH_MS, not by every request (a write and a commit per API call, most of a search's time).
 */
export async function tokenPrincipal(db: Db, token: string): Promise<Principal | null> {
  if (!token.startsWith('wj_')) return null;
  const [found] = await db
    .select({ id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)));
  if (!found || found.user.disabled) return null;
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > TOKEN_TOUCH_MS)
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiTokens.id, found.id));
  return principalOf(found.user, 'token', found.id);
}

export async function revokeApiToken(db: Db, id: number): Promise<void> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!row) throw new WeijianError('token.not-found', `no live API token ${id}`, {}, 404);
}
