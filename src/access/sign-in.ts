import { and, count, desc, eq, gt } from 'drizzle-orm';
import { WeijianError } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import { signInAttempts } from '../store/schema/index.js';
import { hashPassword, verifyPassword } from './password.js';
import { createSession, endOtherSessions, pruneExpired } from './sessions.js';
import { findUser, setPassword, userById, type UserRow } from './users.js';

/*
 * Sign-in limits, counted from sign_in_attempts so that they survive restarts and hold across servers:
 * an account (known or not, so that the answer does not tell which names exist) is locked for 15 minutes
 * after 5 failures in a row within 15 minutes; one address may try 20 times a minute.
 */
export const LOCKOUT = { failures: 5, windowMs: 15 * 60 * 1000 };
export const RATE_LIMIT = { attempts: 20, windowMs: 60 * 1000 };

/** Verified against when the user does not exist, so that both answers take as long. */
const dummyHash = hashPassword('not a password of anyone');

export interface SignedIn {
  user: UserRow;
  sessionId: string;
}

export async function signIn(db: Db, username: string, password: string, ip: string): Promise<SignedIn> {
  await refuseWhenLimited(db, username, ip);
  const user = await findUser(db, username);
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  const success = valid && user !== undefined && !user.disabled;
  await db.insert(signInAttempts).values({ username, ip, success });
  if (!success) throw new WeijianError('auth.invalid-credentials', 'wrong user name or password', {}, 401);
  await pruneExpired(db);
  return { user, sessionId: await createSession(db, user.id) };
}

/**
 * A signed-in user's new password: the current one proves it is them (a session left open on a shared
 * computer is not enough), under the same limits as sign-in; a wrong one counts as a failed sign-in. Every
 * other session of the user ends; API tokens stay (revoke them with `weijian token revoke`).
 */
export async function changeOwnPassword(
  db: Db,
  userId: number,
  change: { currentPassword: string; newPassword: string; ip: string; keepSession?: string },
  cost?: Parameters<typeof hashPassword>[1],
): Promise<void> {
  const user = await userById(db, userId);
  if (!user || user.disabled) throw new WeijianError('auth.required', 'sign in first', {}, 401);
  await refuseWhenLimited(db, user.username, change.ip);
  const valid = await verifyPassword(change.currentPassword, user.passwordHash);
  if (!valid) {
    await db.insert(signInAttempts).values({ username: user.username, ip: change.ip, success: false });
    throw new WeijianError('auth.wrong-password', 'the current password is wrong', {
      field: 'currentPassword',
    });
  }
  if (change.newPassword === change.currentPassword) {
    throw new WeijianError('user.same-password', 'the new password must differ from the current one', {
      field: 'newPassword',
    });
  }
  await setPassword(db, user.username, change.newPassword, cost);
  await endOtherSessions(db, user.id, change.keepSession);
}

async function refuseWhenLimited(db: Db, username: string, ip: string): Promise<void> {
  const a = signInAttempts;
  const now = Date.now();
  const [recent] = await db
    .select({ n: count() })
    .from(a)
    .where(and(eq(a.ip, ip), gt(a.at, new Date(now - RATE_LIMIT.windowMs))));
  if ((recent?.n ?? 0) >= RATE_LIMIT.attempts) {
    throw new WeijianError(
      'auth.rate-limited',
      'too many sign-in attempts from this address; wait a minute',
      {},
      429,
    );
  }
  const last = await db
    .select({ success: a.success, at: a.at })
    .from(a)
    .where(and(eq(a.username, username), gt(a.at, new Date(now - LOCKOUT.windowMs))))
    .orderBy(desc(a.at), desc(a.id))
    .limit(LOCKOUT.failures);
  if (last.length === LOCKOUT.failures && last.every((x) => !x.success)) {
    const until = new Date(last[0]!.at.getTime() + LOCKOUT.windowMs);
    throw new WeijianError(
      'auth.locked',
      `locked after ${LOCKOUT.failures} failed sign-ins until ${until.toISOString()}`,
      {},
      429,
    );
  }
}
