import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Role } from '../access/permissions.js';
import { createApiToken } from '../access/sessions.js';
import { createUser } from '../access/users.js';
import type { Db } from '../store/db.js';

/** A cheap scrypt cost for test accounts (the hash records it, so verification still works). */
const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };
export const TEST_PASSWORD = 'Test-password-1';

let serial = 0;

export interface TestUser {
  username: string;
  token: string;
  headers: { authorization: string };
}

/** An account of `role` with the given data scope and an API token for it. */
export async function createTestUser(
  db: Db,
  role: Role,
  scope: { regionCode?: string | null; facilityId?: number | null } = {},
): Promise<TestUser> {
  const username = `${role}-${++serial}-${process.pid}`;
  await createUser(db, { username, password: TEST_PASSWORD, role, ...scope }, TEST_COST);
  const { token } = await createApiToken(db, username, 'test');
  return { username, token, headers: { authorization: `Bearer ${token}` } };
}

/** `app.inject` with a user's credentials on every request. */
export function injectAs(app: FastifyInstance, user: TestUser) {
  return (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...user.headers, ...options.headers } });
}

/** An administrator of every region, for tests of routes that are not about access. */
export async function signedInInject(app: FastifyInstance, db: Db, role: Role = 'admin') {
  return injectAs(app, await createTestUser(db, role));
}
