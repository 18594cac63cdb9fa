import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchAudit } from '../access/audit.js';
import { createApiToken, revokeApiToken, TOKEN_TOUCH_MS } from '../access/sessions.js';
import { LOCKOUT, RATE_LIMIT } from '../access/sign-in.js';
import { disableUser } from '../access/users.js';
import type { Database } from '../store/db.js';
import { apiTokens } from '../store/schema/index.js';
import { findDuplicateCandidates } from '../store/mpi.js';
import { COUNTY, PERSONAL_VALUES, seedAccessCounty, VILLAGE_A } from '../testing/access-county.js';
import { createTestUser, injectAs, TEST_PASSWORD, type TestUser } from '../testing/auth.js';
import { backends } from '../testing/databases.js';
import { SESSION_COOKIE } from './auth.js';
import { buildApp } from './server.js';

describe.each(backends)('sign-in, sessions, audit and logs on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let ids: { a: number[]; b: number[] };
  let doctor: TestUser;
  let admin: TestUser;
  const log: string[] = [];

  beforeAll(async () => {
    database = await backend.open();
    const stream = new Writable({
      write: (chunk, _encoding, done) => {
        log.push(String(chunk));
        done();
      },
    });
    app = await buildApp(database, { logger: { stream } });
    ids = await seedAccessCounty(database.db);
    await findDuplicateCandidates(database.db, COUNTY);
    doctor = await createTestUser(database.db, 'doctor', { regionCode: VILLAGE_A });
    admin = await createTestUser(database.db, 'admin');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const signIn = (username: string, password: string, remoteAddress = '10.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, remoteAddress });
  const cookieOf = (response: LightMyRequestResponse) => {
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
    return { cookie, header: `${SESSION_COOKIE}=${cookie.value}` };
  };

  it('signs in with an HttpOnly SameSite cookie and asks for the CSRF token on writes', async () => {
    const response = await signIn(doctor.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const { cookie, header } = cookieOf(response);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const { csrfToken, user } = response.json();
    expect(user).toMatchObject({ username: doctor.username, role: 'doctor', regionCode: VILLAGE_A });
    expect(response.body).not.toContain('scrypt');

    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: header } });
    expect(me.json()).toMatchObject({ csrfToken, permissions: expect.arrayContaining(['residents:reveal']) });
    expect(me.headers['cache-control']).toBe('no-store');

    const reveal = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/api/residents/${COUNTY}/${ids.a[0]}/reveal`,
        payload: { reason: '家庭医生签约核对' },
        headers: { cookie: header, ...headers },
      });
    expect((await reveal({})).json().code).toBe('auth.csrf');
    expect((await reveal({ 'x-csrf-token': 'forged' })).statusCode).toBe(403);
    expect((await reveal({ 'x-csrf-token': csrfToken })).statusCode).toBe(200);

    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: header, 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ url: '/api/auth/me', headers: { cookie: header } });
    expect([after.statusCode, after.json().code]).toEqual([401, 'auth.session-expired']);
  });

  it('refuses a wrong password alike for known and unknown users, then locks the account', async () => {
    const user = await createTestUser(database.db, 'planner');
    const wrong = await signIn(user.username, 'Wrong-password-1', '10.0.1.1');
    const unknown = await signIn('nobody-here', 'Wrong-password-1', '10.0.1.1');
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.statusCode).toBe(401);
    for (let i = 1; i < LOCKOUT.failures; i++) await signIn(user.username, 'Wrong-password-1', '10.0.1.1');
    const locked = await signIn(user.username, TEST_PASSWORD, '10.0.1.2');
    expect([locked.statusCode, locked.json().code]).toEqual([429, 'auth.locked']);
  });

  it('limits the sign-in attempts of one address', async () => {
    const user = await createTestUser(database.db, 'auditor');
    for (let i = 0; i < RATE_LIMIT.attempts; i++) {
      expect((await signIn(user.username, TEST_PASSWORD, '10.0.2.1')).statusCode).toBe(200);
    }
    const limited = await signIn(user.username, TEST_PASSWORD, '10.0.2.1');
    expect([limited.statusCode, limited.json().code]).toEqual([429, 'auth.rate-limited']);
    expect((await signIn(user.username, TEST_PASSWORD, '10.0.2.2')).statusCode).toBe(200);
  });

  it('refuses an unknown, malformed or revoked API token and a disabled account', async () => {
    for (const authorization of ['Bearer wj_nope', 'Basic abc', `Bearer ${doctor.token}x`]) {
      const response = await app.inject({ url: '/api/auth/me', headers: { authorization } });
      expect(response.statusCode).toBe(401);
    }
    const leaving = await createTestUser(database.db, 'cdc');
    const second = await createApiToken(database.db, leaving.username, 'second');
    const me = (token: string) =>
      app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me(second.token)).statusCode).toBe(200);
    await revokeApiToken(database.db, second.id);
    expect((await me(second.token)).statusCode).toBe(401);
    expect((await me(leaving.token)).statusCode).toBe(200);
    await disableUser(database.db, leaving.username);
    expect((await me(leaving.token)).statusCode).toBe(401);
    expect((await signIn(leaving.username, TEST_PASSWORD, '10.0.3.1')).statusCode).toBe(401);
  });

  it('records when an API token was last used, to the minute', async () => {
    const user = await createTestUser(database.db, 'planner');
    const { id, token } = await createApiToken(database.db, user.username, 'touched');
    const lastUsed = async () =>
      (await database.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!.lastUsedAt;
    const me = () => app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(await lastUsed()).toBeNull();
    expect((await me()).statusCode).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect((await me()).statusCode).toBe(200);
    expect(await lastUsed()).toEqual(first); // within the minute: not written again
    await database.db
      .update(apiTokens)
      .set({ lastUsedAt: new Date(Date.now() - TOKEN_TOUCH_MS - 1000) })
      .where(eq(apiTokens.id, id));
    expect((await me()).statusCode).toBe(200);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - TOKEN_TOUCH_MS);
  });

  it('writes an audit row for each read, write, export and sign-in, searchable by auditors', async () => {
    const as = (user: TestUser) => injectAs(app, user);
    await as(doctor)({ url: `/api/residents/duplicates?county=${COUNTY}` });
    await as(admin)({
      method: 'POST',
      url: '/api/residents/duplicates/reject',
      payload: { county: COUNTY, residentId: ids.b[0], otherResidentId: ids.b[1] },
    });
    await as(admin)({ url: `/api/export/fhir?county=${COUNTY}` });
    await as(doctor)({
      method: 'POST',
      url: `/api/residents/${COUNTY}/${ids.b[0]}/reveal`,
      payload: { reason: 'x1' },
    });

    const rows = await searchAudit(database.db, { limit: 1000 });
    const find = (action: string, actor: string) =>
      rows.find((r) => r.action === action && r.actor === actor);
    expect(find('residents.duplicates.list', `user:${doctor.username}`)).toMatchObject({
      actorRole: 'doctor',
      countyCode: COUNTY,
      outcome: 'ok',
      ip: '127.0.0.1',
      details: { residentIds: [ids.a[0], ids.a[1]] },
    });
    expect(find('residents.duplicates.reject', `user:${admin.username}`)).toMatchObject({ outcome: 'ok' });
    expect(find('records.export', `user:${admin.username}`)).toMatchObject({
      resourceType: 'export',
      countyCode: COUNTY,
    });
    expect(
      rows.find((r) => r.action === 'residents.reveal' && r.reason === '家庭医生签约核对'),
    ).toMatchObject({
      outcome: 'ok',
      resourceId: String(ids.a[0]),
    });
    // Town B's resident is out of the doctor's scope: refused, and the refusal is on record too.
    expect(rows.find((r) => r.action === 'residents.reveal' && r.reason === 'x1')).toMatchObject({
      outcome: 'failed',
      details: { status: 404 },
    });
    expect(rows.filter((r) => r.action === 'auth.sign-in' && r.outcome === 'denied').length).toBeGreaterThan(
      4,
    );
    for (const value of PERSONAL_VALUES) expect(JSON.stringify(rows)).not.toContain(value);

    const auditor = await createTestUser(database.db, 'auditor');
    const search = await as(auditor)({ url: `/api/audit?action=residents&actor=user:${doctor.username}` });
    expect(search.json().entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['residents.reveal', 'residents.duplicates.list']),
    );
    expect((await as(doctor)({ url: '/api/audit' })).statusCode).toBe(403);
  });

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE fail', async () => {
    for (const statement of [
      sql`update audit_log set actor = 'someone else'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ]) {
      await expect(database.db.execute(statement)).rejects.toThrow();
    }
    expect((await searchAudit(database.db, { limit: 1 })).length).toBe(1);
  });

  it('never logs personal data, passwords, tokens or cookies', async () => {
    const text = log.join('');
    expect(text).toContain('/api/residents/duplicates');
    for (const secret of [
      ...PERSONAL_VALUES,
      TEST_PASSWORD,
      doctor.token,
      admin.token,
      SESSION_COOKIE + '=',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
