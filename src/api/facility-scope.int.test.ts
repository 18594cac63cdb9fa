import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/db.js';
import { findDuplicateCandidates } from '../store/mpi.js';
import {
  COUNTY,
  FACILITY_A,
  FACILITY_A2,
  PERSONAL_VALUES,
  seedAccessCounty,
  TOWN_A,
} from '../testing/access-county.js';
import { createTestUser, type TestUser } from '../testing/auth.js';
import { backends } from '../testing/databases.js';
import { buildApp } from './server.js';

/*
 * A data scope of a facility: within its region, only the facility's patients (here: town A's pair, whose
 * health records town A's health centre keeps). The health station of the same town has no patients, so its
 * user sees no one — and every refusal answers like a resident that does not exist.
 */
describe.each(backends)('facility scope on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let ids: { a: number[]; b: number[] };
  let centre: TestUser;
  let station: TestUser;
  let town: TestUser;

  beforeAll(async () => {
    database = await backend.open();
    app = await buildApp(database);
    ids = await seedAccessCounty(database.db);
    await findDuplicateCandidates(database.db, COUNTY);
    centre = await createTestUser(database.db, 'facility', { regionCode: TOWN_A, facilityId: FACILITY_A });
    station = await createTestUser(database.db, 'facility', { regionCode: TOWN_A, facilityId: FACILITY_A2 });
    town = await createTestUser(database.db, 'facility', { regionCode: TOWN_A });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = (user: TestUser, url: string) => app.inject({ url, headers: user.headers });
  const post = (user: TestUser, url: string, payload: object) =>
    app.inject({ method: 'POST', url, payload, headers: user.headers });

  it('searches and lists only the facility’s patients', async () => {
    const found = (user: TestUser) =>
      get(user, `/api/residents?county=${COUNTY}`).then((r) =>
        r.json().residents.map((x: { id: number }) => x.id),
      );
    expect(await found(centre)).toEqual(ids.a);
    expect(await found(station)).toEqual([]);
    expect(await found(town)).toEqual(ids.a);
    const pairs = (user: TestUser) =>
      get(user, `/api/residents/duplicates?county=${COUNTY}`).then((r) => r.json().total as number);
    expect([await pairs(centre), await pairs(station), await pairs(town)]).toEqual([1, 0, 1]);
  });

  it('reads, reveals and merges a patient, and answers 404 for anyone else', async () => {
    const [first, second] = ids.a as [number, number];
    const reveal = (user: TestUser, id: number) =>
      post(user, `/api/residents/${COUNTY}/${id}/reveal`, { reason: '门诊核对身份' });
    expect((await reveal(centre, first)).statusCode).toBe(200);
    const refused = await reveal(station, first);
    const missing = await reveal(station, 999_999);
    expect([refused.statusCode, refused.json().code]).toEqual([404, missing.json().code]);
    for (const value of PERSONAL_VALUES) expect(refused.body).not.toContain(value);

    expect((await get(centre, `/api/residents/${COUNTY}/${first}/timeline`)).statusCode).toBe(200);
    expect((await get(station, `/api/residents/${COUNTY}/${first}/timeline`)).statusCode).toBe(404);
    expect((await get(station, `/api/residents/${COUNTY}/${first}`)).statusCode).toBe(404);

    const reject = { county: COUNTY, residentId: first, otherResidentId: second };
    expect((await post(station, '/api/residents/duplicates/reject', reject)).statusCode).toBe(404);
    expect((await post(centre, '/api/residents/duplicates/reject', reject)).statusCode).toBe(200);
  });
});
