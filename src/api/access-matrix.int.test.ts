import { randomUUID } from 'node:crypto';
import type { FastifyContextConfig, FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleHas, type Role } from '../access/permissions.js';
import type { Database } from '../store/db.js';
import { findDuplicateCandidates } from '../store/mpi.js';
import {
  COUNTY,
  PERSONAL_VALUES,
  PEOPLE,
  seedAccessCounty,
  TOWN_A,
  VILLAGE_A,
  VILLAGE_B,
} from '../testing/access-county.js';
import { createTestUser, type TestUser } from '../testing/auth.js';
import { backends } from '../testing/databases.js';
import { declaredRoutes, registerAuth } from './auth.js';
import { buildApp } from './server.js';

/*
 * Role × endpoint × scope: every route of the app is called by one user of each role (with the scope
 * below) and by nobody. A role without the route's permission gets 403, nobody gets 401, and no refusal —
 * nor any answer but a reveal — carries a name, an ID number or a phone. The personal-data routes have
 * their expected answers written out, scope included.
 */
const USERS: Record<Role, { regionCode: string | null; facilityId?: number }> = {
  admin: { regionCode: null },
  planner: { regionCode: null },
  facility: { regionCode: TOWN_A, facilityId: 1 },
  doctor: { regionCode: VILLAGE_A },
  cdc: { regionCode: COUNTY },
  auditor: { regionCode: null },
};
const ROLE_ORDER = Object.keys(USERS) as Role[];

type Expected = Partial<Record<Role, number>>;

describe('route declarations', () => {
  it('refuses to register a route without a permission, or a write without an audit action', async () => {
    const configs: FastifyContextConfig[] = [{}, { permission: 'plans:write' }];
    for (const config of configs) {
      const app = Fastify();
      await registerAuth(app, null as never);
      await expect(
        app.register(async (child) => {
          child.post('/api/undeclared', { config }, async () => ({}));
        }),
      ).rejects.toThrow(/declare config\.(permission|audit)/);
    }
  });
});

describe.each(backends)('access matrix on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let ids: { a: number[]; b: number[] };
  const users = {} as Record<Role, TestUser>;

  beforeAll(async () => {
    database = await backend.open();
    app = await buildApp(database);
    ids = await seedAccessCounty(database.db);
    await findDuplicateCandidates(database.db, COUNTY);
    for (const role of ROLE_ORDER) users[role] = await createTestUser(database.db, role, USERS[role]);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** A request that the route accepts when the caller may make it. */
  function sample(method: string, url: string): { url: string; payload?: unknown; expected?: Expected } {
    const path = url
      .replace(':county', COUNTY)
      .replace(':id', String(ids.a[0]))
      .replace(':job', randomUUID())
      .replace(':file', 'Patient.ndjson')
      .replace(':kind', 'beds')
      .replace(':type', 'Patient')
      .replace(/:\w+/g, '1');
    const samples: Record<string, { url?: string; payload?: unknown; expected?: Expected }> = {
      'GET /api/residents/duplicates': {
        url: `${path}?county=${COUNTY}`,
        expected: { admin: 200, facility: 200, doctor: 200, cdc: 200 },
      },
      'POST /api/residents/duplicates/find': {
        payload: { county: COUNTY },
        expected: { admin: 200, facility: 403 /* town scope: not the whole county */ },
      },
      'POST /api/residents/merge': {
        payload: { county: COUNTY, survivorId: ids.b[0], mergedId: ids.b[1], reason: '核实' },
        expected: { admin: 200, facility: 404 /* town B is out of scope */ },
      },
      'POST /api/residents/duplicates/reject': {
        payload: { county: COUNTY, residentId: ids.a[0], otherResidentId: ids.a[1] },
        expected: { admin: 200, facility: 200 },
      },
      'POST /api/residents/:county/:id/reveal': {
        payload: { reason: '随访核对身份' },
        expected: { facility: 200, doctor: 200, cdc: 200 },
      },
      'GET /api/residents': {
        url: `${path}?county=${COUNTY}`,
        expected: { admin: 200, facility: 200, doctor: 200, cdc: 200 },
      },
      'GET /api/residents/:county/:id': { expected: { admin: 200, facility: 200, doctor: 200, cdc: 200 } },
      'GET /api/residents/:county/:id/timeline': {
        expected: { admin: 200, facility: 200, doctor: 200, cdc: 200 },
      },
      'GET /api/export/fhir': { url: `${path}?county=${COUNTY}`, expected: { admin: 200, cdc: 200 } },
      'GET /api/export/fhir/:job/:file': { expected: { admin: 404, cdc: 404 } /* not their export */ },
      'GET /api/users': { expected: { admin: 200 } },
      'POST /api/users': {
        payload: { username: `u-${randomUUID().slice(0, 8)}`, password: 'Another-pass-9', role: 'doctor' },
        expected: { admin: 201 },
      },
      'GET /api/audit': { expected: { admin: 200, auditor: 200 } },
      'GET /api/indicators': { url: `${path}?region=${COUNTY}&year=2023` },
      'GET /api/templates/:kind.xlsx': {},
    };
    const found = samples[`${method} ${url}`] ?? {};
    return {
      url: found.url ?? path,
      payload: found.payload ?? (method === 'GET' ? undefined : {}),
      ...found,
    };
  }

  it('answers every route by role and scope, refusing without leaking', async () => {
    // Every route of the API and of the FHIR endpoint (the Swagger UI's pages carry no data).
    const routes = declaredRoutes(app).filter(
      (r) =>
        r.method !== 'HEAD' &&
        ((r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')) || r.url.startsWith('/fhir')),
    );
    expect(routes.filter((r) => r.url.startsWith('/fhir')).length).toBeGreaterThan(5);
    expect(routes.length).toBeGreaterThan(15);
    const seen: string[] = [];
    for (const route of routes) {
      if (route.url === '/api/auth/sign-in') continue; // its own tests: it is how one signs in
      const { url, payload, expected } = sample(route.method, route.url);
      const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const anonymous = await app.inject({ method, url, payload: payload as never });
      if (route.permission !== 'public') {
        seen.push(`${route.method} ${route.url} nobody ${anonymous.statusCode}`);
        expect(anonymous.statusCode, `${route.method} ${route.url} without credentials`).toBe(401);
      }
      for (const role of ROLE_ORDER) {
        const response = await app.inject({
          method,
          url,
          payload: payload as never,
          headers: users[role].headers,
        });
        const where = `${route.method} ${route.url} as ${role}`;
        const allowed = roleHas(role, route.permission);
        // The FHIR endpoint narrows by region only, so it refuses facility-scoped accounts.
        const fhirRefused =
          route.url.startsWith('/fhir') && route.permission !== 'public' && USERS[role].facilityId != null;
        const want = allowed && !fhirRefused ? expected?.[role] : 403;
        // The sample's empty body is refused as malformed (400) before the scope is looked at.
        if (fhirRefused && method !== 'GET') expect([400, 403], where).toContain(response.statusCode);
        else if (want !== undefined) expect(response.statusCode, where).toBe(want);
        else expect([401, 403], where).not.toContain(response.statusCode);
        if (response.statusCode >= 400) {
          // The FHIR endpoint answers errors as OperationOutcomes, the API as problem JSON.
          const errorType = route.url.startsWith('/fhir')
            ? 'application/fhir+json'
            : 'application/problem+json';
          expect(response.headers['content-type'], where).toContain(errorType);
          expect(response.body, where).not.toMatch(/\s+at .*\.(ts|js):\d+/);
        }
        const reveal = route.url.endsWith('/reveal') && response.statusCode === 200;
        // FHIR answers full resources to the exchange clients allowed them (each read audited; see
        // docs/access-control.md): only its refusals are held to carrying nothing.
        const exchange = route.url.startsWith('/fhir') && response.statusCode < 300;
        if (!reveal && !exchange)
          for (const value of PERSONAL_VALUES) expect(response.body, where).not.toContain(value);
      }
    }
  });

  it('lists only the pairs of the caller’s scope and reveals only residents in it', async () => {
    const doctorB = await createTestUser(database.db, 'doctor', { regionCode: VILLAGE_B });
    const list = await app.inject({
      url: `/api/residents/duplicates?county=${COUNTY}&status=merged`,
      headers: doctorB.headers,
    });
    expect(list.json().candidates.map((c: { resident: { id: number } }) => c.resident.id)).toEqual([
      ids.b[0],
    ]);
    const aList = await app.inject({
      url: `/api/residents/duplicates?county=${COUNTY}&status=rejected`,
      headers: doctorB.headers,
    });
    expect(aList.json()).toEqual({ total: 0, candidates: [] });

    const reveal = (id: number, user: TestUser) =>
      app.inject({
        method: 'POST',
        url: `/api/residents/${COUNTY}/${id}/reveal`,
        payload: { reason: '签约服务' },
        headers: user.headers,
      });
    const own = await reveal(ids.b[0]!, doctorB);
    expect(own.json()).toMatchObject({ name: PEOPLE.b.name, idNumber: PEOPLE.b.idNumber });
    const other = await reveal(ids.a[0]!, doctorB);
    const missing = await reveal(999_999, doctorB);
    expect(other.statusCode).toBe(404);
    // Out of scope answers exactly like nonexistent: same code, same shape.
    expect(Object.keys(other.json())).toEqual(Object.keys(missing.json()));
    expect(other.json().code).toBe(missing.json().code);
    for (const value of PERSONAL_VALUES) expect(other.body).not.toContain(value);

    const elsewhere = await app.inject({
      url: '/api/residents/duplicates?county=320613',
      headers: users.cdc.headers,
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('lets only the author of an export fetch its files, and refuses a town-scoped county export', async () => {
    const kickOff = await app.inject({
      url: `/api/export/fhir?county=${COUNTY}`,
      headers: users.cdc.headers,
    });
    expect(kickOff.statusCode).toBe(200);
    const patients = kickOff.json().output.find((o: { type: string }) => o.type === 'Patient');
    const mine = await app.inject({ url: patients.url, headers: users.cdc.headers });
    expect(mine.statusCode).toBe(200);
    const theirs = await app.inject({ url: patients.url, headers: users.admin.headers });
    expect(theirs.statusCode).toBe(404);
    const townCdc = await createTestUser(database.db, 'cdc', { regionCode: TOWN_A });
    const narrow = await app.inject({ url: `/api/export/fhir?county=${COUNTY}`, headers: townCdc.headers });
    expect([narrow.statusCode, narrow.json().code]).toEqual([403, 'access.scope-too-narrow']);
    const unnamed = await app.inject({ url: '/api/export/fhir', headers: townCdc.headers });
    expect(unnamed.json().code).toBe('access.county-required');
  });
});
