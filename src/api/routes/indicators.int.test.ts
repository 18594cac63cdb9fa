import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildIndicators } from '../../engine/index.js';
import { COUNTY, loadTinyCounty, T1 } from '../../engine/tiny-county.fixture.js';
import type { Database } from '../../store/db.js';
import { signedInInject } from '../../testing/auth.js';
import { backends } from '../../testing/databases.js';
import { buildApp } from '../server.js';

describe.each(backends)('indicator API on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let inject: Awaited<ReturnType<typeof signedInInject>>;
  beforeAll(async () => {
    database = await backend.open();
    app = await buildApp(database);
    inject = await signedInInject(app, database.db);
    await loadTinyCounty(database.db);
    await rebuildIndicators(database.db, COUNTY, { years: [2023] });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('reads a value with its numerator, denominator, rule and period', async () => {
    const res = await inject({
      method: 'GET',
      url: `/api/indicators?region=${COUNTY}&year=2023&indicator=hypertension-control-rate,physicians-per-1000`,
    });
    expect(res.statusCode).toBe(200);
    const [control, physicians] = res.json().values;
    expect(control).toMatchObject({
      indicatorId: 'hypertension-control-rate',
      unit: '%',
      level: 'county',
      region: { code: `${COUNTY}000000`, name: '小县' },
      period: { basis: 'calendar', from: '2023-01-01', to: '2023-12-31' },
      numerator: 1,
      denominator: 3,
      display: '33.33% = 1 / 3',
      definition: {
        version: 1,
        current: true,
        numerator: 'hypertension patients controlled at the most recent follow-up',
      },
    });
    expect(physicians.display).toBe('2.67人 = 8 / 3 000 × 1 000');
  });

  it('gives MCH indicators on their statistical year, quarters on request, towns and facilities', async () => {
    const mch = await inject({
      url: `/api/indicators?region=${COUNTY}&year=2023&indicator=infant-mortality-rate`,
    });
    expect(mch.json().values.map((v: { period: unknown; value: number }) => [v.period, v.value])).toEqual([
      [{ basis: 'mch', from: '2022-10-01', to: '2023-09-30' }, 1000],
    ]);
    const quarters = await inject({
      url: `/api/indicators?region=${COUNTY}&year=2023&indicator=primary-care-visit-share&quarters=true`,
    });
    expect(quarters.json().values.map((v: { quarter: number | null }) => v.quarter)).toEqual([null, 1, 2, 3]);
    const town = await inject({ url: `/api/indicators?region=${T1}&year=2023&indicator=beds-per-1000` });
    expect(town.json().values[0]).toMatchObject({ level: 'town', numerator: 15, denominator: 2000 });
    const facility = await inject({
      url: `/api/indicators?region=${COUNTY}&year=2023&facility=1&indicator=average-length-of-stay-tertiary`,
    });
    expect(facility.json().values[0]).toMatchObject({
      level: 'facility',
      facility: { id: 1, name: 'F1' },
      value: 5,
    });
  });

  it('writes a per-100 000 rate after its value as value/10万', async () => {
    const res = await inject({
      url: `/api/indicators?region=${COUNTY}&year=2023&indicator=maternal-mortality-rate`,
    });
    // 1 maternal death in 1 live birth of the MCH year's 2023 part (only 2023 is rebuilt here), not "1000001/10万".
    expect(res.json().values[0].display).toBe('100000/10万 = 1 / 1');
  });

  it('answers bad input with problem JSON', async () => {
    const region = await inject({ url: '/api/indicators?region=32&year=2023' });
    expect(region.statusCode).toBe(400);
    expect(region.headers['content-type']).toMatch(/problem\+json/);
    const indicator = await inject({ url: `/api/indicators?region=${COUNTY}&indicator=no-such` });
    expect([indicator.statusCode, indicator.json().code]).toEqual([400, 'indicators.unknown']);
  });
});
