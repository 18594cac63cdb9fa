import { asc, eq } from 'drizzle-orm';
import { WeijianError } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import { sessions, users } from '../store/schema/index.js';
import { checkPasswordStrength, hashPassword } from './password.js';
import type { Role } from './permissions.js';
import type { Principal } from './principal.js';
import { parseScope } from './scope.js';

export type UserRow = typeof users.$inferSelect;

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  regionCode?: string | null;
  facilityId?: number | null;
}

/** What may be shown of an account: never the hash. */
export interface UserView {
  id: number;
  username: string;
  role: Role;
  regionCode: string | null;
  facilityId: number | null;
  disabled: boolean;
  createdAt: string;
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export async function createUser(db: Db, input: NewUser, cost?: Parameters<typeof hashPassword>[1]) {
  if (!USERNAME.test(input.username)) {
    throw new WeijianError(
      'user.invalid-name',
      '2–64 letters, digits, . _ - (starting with a letter or digit)',
      {
        field: 'username',
      },
    );
  }
  checkPasswordStrength(input.password);
  const scope = parseScope(input.regionCode, input.facilityId);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (existing) throw new WeijianError('user.exists', `the user ${input.username} exists`, {}, 409);
  const [row] = await db
    .insert(users)
    .values({
      username: input.username,
      passwordHash: await hashPassword(input.password, cost),
      role: input.role,
      regionCode: scope.regionCode,
      facilityId: scope.facilityId,
    })
    .returning();
  return viewOf(row!);
}

export async function listUsers(db: Db): Promise<UserView[]> {
  return (await db.select().from(users).orderBy(asc(users.username))).map(viewOf);
}

export async function findUser(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function userById(db: Db, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Whether any account exists: `serve` says how to create the first administrator when none does. */
export async function hasUsers(db: Db): Promise<boolean> {
  return (await db.select({ id: users.id }).from(users).limit(1)).length > 0;
}

export function viewOf(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    regionCode: row.regionCode,
    facilityId: row.facilityId,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
  };
}

export function principalOf(row: UserRow, via: 'session' | 'token', tokenId?: number): Principal {
  return {
    actor: `user:${row.username}`,
    userId: row.id,
    role: row.role,
    scope: { regionCode: row.regionCode, facilityId: row.facilityId },
    via,
    ...(tokenId === undefined ? {} : { tokenId }),
  };
}

/**
 * Sets a user's password (checked for strength): the CLI's reset by the local administrator and the last
 * step of a user's own change. The callers end the sessions that must end.
 */
export async function setPassword(
  db: Db,
  username: string,
  password: string,
  cost?: Parameters<typeof hashPassword>[1],
): Promise<UserView> {
  checkPasswordStrength(password);
  const [row] = await db
    .update(users)
    .set({ passwordHash: await hashPassword(password, cost) })
    .where(eq(users.username, username))
    .returning();
  if (!row) throw new WeijianError('user.not-found', `no user ${username}`, {}, 404);
  return viewOf(row);
}

/** Disables an account and ends its sessions; its API tokens stop working with it (they check `disabled`). */
export async function disableUser(db: Db, username: string): Promise<UserView> {
  const [row] = await db
    .update(users)
    .set({ disabled: true })
    .where(eq(users.username, username))
    .returning();
  if (!row) throw new WeijianError('user.not-found', `no user ${username}`, {}, 404);
  await db.delete(sessions).where(eq(sessions.userId, row.id));
  return viewOf(row);
}
