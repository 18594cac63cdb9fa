import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildIndicators } from '../engine/index.js';
import { COUNTY, loadTinyCounty, T1, T2 } from '../engine/tiny-county.fixture.js';
import type { Database } from '../store/db.js';
import { createTestUser, type TestUser } from '../testing/auth.js';
import { backends } from '../testing/databases.js';
import { buildApp } from './server.js';

/*
 * The small-cell rule through GET /api/indicators (docs/access-control.md): the tiny county's 2023
 * hypertension control rate is 1 / 3 — a numerator and a denominator of 1–4 — so only callers who may read
 * the county's records see it; physicians per 1 000 (8 / 3 000) is shown to everyone.
 */
const INDICATORS = 'hypertension-control-rate,physicians-per-1000';

describe.each(backends)('small-cell rule on the indicator API on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  const users = {} as Record<'admin' | 'county' | 'town' | 'facility', TestUser>;

  beforeAll(async () => {
    database = await backend.open();
    app = await buildApp(database);
    await loadTinyCounty(database.db);
    await rebuildIndicators(database.db, COUNTY, { years: [2023] });
    users.admin = await createTestUser(database.db, 'admin');
    users.county = await createTestUser(database.db, 'cdc', { regionCode: COUNTY });
    users.town = await createTestUser(database.db, 'doctor', { regionCode: T1.slice(0, 9) });
    users.facility = await createTestUser(database.db, 'facility', { regionCode: COUNTY, facilityId: 1 });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const read = async (user: TestUser, region: string) => {
    const response = await app.inject({
      url: `/api/indicators?region=${region}&year=2023&indicator=${INDICATORS}`,
      headers: user.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json().values as {
      indicatorId: string;
      numerator: number | null;
      denominator: number | null;
      value: number | null;
      display: string;
      suppressed?: boolean;
    }[];
  };
  const control = (values: Awaited<ReturnType<typeof read>>) =>
    values.find((v) => v.indicatorId === 'hypertension-control-rate')!;

  it('shows a county cell of 1 / 3 to callers who may read the county’s records', async () => {
    for (const user of [users.admin, users.county]) {
      expect(control(await read(user, COUNTY))).toMatchObject({ numerator: 1, denominator: 3 });
    }
  });

  it('hides it from a town scope and a facility scope, value, numerator and denominator', async () => {
    for (const user of [users.town, users.facility]) {
      const values = await read(user, COUNTY);
      expect(control(values)).toMatchObject({
        value: null,
        numerator: null,
        denominator: null,
        display: '—',
        suppressed: true,
      });
      const physicians = values.find((v) => v.indicatorId === 'physicians-per-1000')!;
      expect(physicians).toMatchObject({ numerator: 8, denominator: 3000 });
      expect(physicians.suppressed).toBeUndefined();
    }
  });

  it('shows a town user the small cells of their own town, and a 0 anywhere', async () => {
    // Town 1 holds the county's three hypertension patients: 1 / 3 again, the town user's own people.
    const own = await read(users.town, T1);
    expect(control(own)).toMatchObject({ numerator: 1, denominator: 3 });
    expect(own.every((v) => v.suppressed === undefined)).toBe(true);
    // Town 2 has no physician: 0 singles no one out.
    const other = await read(users.town, T2);
    expect(other.map((v) => [v.indicatorId, v.numerator, v.suppressed])).toEqual([
      ['physicians-per-1000', 0, undefined],
    ]);
  });
});
