import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchAudit } from '../access/audit.js';
import { SESSION_IDLE_MS } from '../access/sessions.js';
import { sha256 } from '../access/secrets.js';
import { findUser } from '../access/users.js';
import type { Database } from '../store/db.js';
import { sessions, signInAttempts } from '../store/schema/index.js';
import { createTestUser, TEST_PASSWORD, type TestUser } from '../testing/auth.js';
import { backends } from '../testing/databases.js';
import { SESSION_COOKIE } from './auth.js';
import { buildApp } from './server.js';

const NEW_PASSWORD = 'Changed-pass-42';

describe.each(backends)('own password and session clean-up on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let planner: TestUser;

  beforeAll(async () => {
    database = await backend.open();
    app = await buildApp(database);
    planner = await createTestUser(database.db, 'planner');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const signIn = (password: string, remoteAddress = '10.0.0.7') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: planner.username, password },
      remoteAddress,
    });
  const sessionOf = (response: LightMyRequestResponse) => ({
    cookie: `${SESSION_COOKIE}=${response.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`,
    csrf: response.json().csrfToken as string,
  });
  const change = (session: { cookie: string; csrf: string }, body: object, csrf = true) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: body,
      headers: { cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrf } : {}) },
    });
  const me = (session: { cookie: string }) =>
    app.inject({ url: '/api/auth/me', headers: { cookie: session.cookie } });

  it('changes one’s own password with the current one, ending the other sessions', async () => {
    const here = sessionOf(await signIn(TEST_PASSWORD));
    const elsewhere = sessionOf(await signIn(TEST_PASSWORD, '10.0.0.8'));
    const body = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };

    expect((await change(here, body, false)).json().code).toBe('auth.csrf');
    const wrong = await change(here, { ...body, currentPassword: 'Not-the-pass-1' });
    expect([wrong.statusCode, wrong.json().code, wrong.json().place]).toEqual([
      400,
      'auth.wrong-password',
      { field: 'currentPassword' },
    ]);
    const weak = await change(here, { ...body, newPassword: 'short' });
    expect([weak.statusCode, weak.json().code]).toEqual([400, 'user.weak-password']);
    const same = await change(here, { ...body, newPassword: TEST_PASSWORD });
    expect(same.json().code).toBe('user.same-password');

    expect((await change(here, body)).statusCode).toBe(204);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await signIn(TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(NEW_PASSWORD)).statusCode).toBe(200);

    const audit = await searchAudit(database.db, { action: 'auth.password-change' });
    expect(audit.map((e) => e.outcome)).toEqual(['ok', 'failed', 'failed', 'failed', 'denied']);
    expect(audit[0]).toMatchObject({ actor: `user:${planner.username}`, resourceType: 'user' });
    for (const entry of audit) expect(JSON.stringify(entry)).not.toContain(NEW_PASSWORD);
  });

  it('counts a wrong current password as a failed sign-in (the lockout applies)', async () => {
    const session = sessionOf(await signIn(NEW_PASSWORD, '10.0.0.9'));
    const failures = () =>
      database.db.$count(
        signInAttempts,
        and(eq(signInAttempts.username, planner.username), eq(signInAttempts.success, false)),
      );
    const before = await failures();
    await change(session, { currentPassword: 'Guessing-pass-1', newPassword: 'Another-pass-77' });
    expect(await failures()).toBe(before + 1);
  });

  it('deletes expired and idle sessions and day-old sign-in attempts at each sign-in', async () => {
    const user = (await findUser(database.db, planner.username))!;
    const now = Date.now();
    await database.db.insert(sessions).values([
      { idHash: sha256('expired'), userId: user.id, expiresAt: new Date(now - 1000) },
      {
        idHash: sha256('idle'),
        userId: user.id,
        expiresAt: new Date(now + 3_600_000),
        lastSeenAt: new Date(now - SESSION_IDLE_MS - 60_000),
      },
      { idHash: sha256('live'), userId: user.id, expiresAt: new Date(now + 3_600_000) },
    ]);
    await database.db.insert(signInAttempts).values({
      username: planner.username,
      ip: '10.0.0.10',
      success: false,
      at: new Date(now - 25 * 3_600_000),
    });
    expect((await signIn(NEW_PASSWORD, '10.0.0.11')).statusCode).toBe(200);
    const left = (await database.db.select({ idHash: sessions.idHash }).from(sessions)).map((s) => s.idHash);
    expect(left).not.toContain(sha256('expired'));
    expect(left).not.toContain(sha256('idle'));
    expect(left).toContain(sha256('live'));
    const old = await database.db.select().from(signInAttempts);
    expect(old.filter((a) => a.at.getTime() < now - 24 * 3_600_000)).toEqual([]);
  });
});
