import { and, count, desc, eq, gt } from 'drizzle-orm';
import { WeijianError } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import { signInAttempts } from '../store/schema/index.js';
import { hashPassword, verifyPassword } from './password.js';
import { createSession } from './sessions.js';
import { findUser, type UserRow } from './users.js';

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
  return { user, sessionId: await createSession(db, user.id) };
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
