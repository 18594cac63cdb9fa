import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { apiTokens, sessions, users } from '../store/schema/index.js';
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

export async function tokenPrincipal(db: Db, token: string): Promise<Principal | null> {
  if (!token.startsWith('wj_')) return null;
  const [found] = await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, userId: apiTokens.userId });
  if (!found) return null;
  const [user] = await db.select().from(users).where(eq(users.id, found.userId));
  return user && !user.disabled ? principalOf(user, 'token', found.id) : null;
}

export async function revokeApiToken(db: Db, id: number): Promise<void> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!row) throw new WeijianError('token.not-found', `no live API token ${id}`, {}, 404);
}
