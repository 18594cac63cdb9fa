import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refresherFor, type IndicatorRefresher } from '../app/indicator-refresher.js';
import { query } from '../engine/sql/bind.js';
import { COUNTY, openTinyCounty } from '../engine/tiny-county.fixture.js';
import type { Database } from '../store/db.js';
import { residentIdentifiers } from '../store/schema/index.js';
import { signedInInject } from '../testing/auth.js';
import { backends } from '../testing/databases.js';
import { buildApp } from './server.js';

/*
 * Values follow the records written through the API, with no `indicators compute`. The tiny county in
 * 2023 (tiny-county.int.test.ts): records used 6 of 7 (all open records but P3's); visits at primary-care
 * facilities 9 of 16. A visit of P3 at F2 (a township health centre) makes them 7/7 and 10/17; a second
 * one 11/18.
 */
/** A visit of P3: a file names the patient by the sending system's id, the REST API by the stored id. */
const visit = (id: string, day: string, patient = 'Patient/p3') => ({
  resourceType: 'Encounter',
  id,
  meta: { source: 'his' },
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  subject: { reference: patient },
  serviceProvider: { reference: 'Organization/F2' },
  period: { start: day },
});

describe.each(backends)('indicators after writes through the API on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let refresher: IndicatorRefresher;
  let inject: Awaited<ReturnType<typeof signedInInject>>;
  beforeAll(async () => {
    database = await openTinyCounty(backend.open);
    // P3 as the hospital system knows it.
    await database.db
      .insert(residentIdentifiers)
      .values({ countyCode: COUNTY, system: 'source:his', value: 'p3', residentId: 3 });
    refresher = refresherFor(database.db, { delayMs: 0 });
    app = await buildApp(database, { refresher });
    inject = await signedInInject(app, database.db);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  async function ratios() {
    const res = await inject({
      url: `/api/indicators?region=${COUNTY}&year=2023&indicator=ehr-usage-rate,primary-care-visit-share`,
    });
    return res
      .json()
      .values.map((v: { indicatorId: string; numerator: number; denominator: number }) => [
        v.indicatorId,
        `${v.numerator}/${v.denominator}`,
      ]);
  }

  it('refreshes the county of an imported file before answering', async () => {
    expect(await ratios()).toEqual([
      ['ehr-usage-rate', '6/7'],
      ['primary-care-visit-share', '9/16'],
    ]);
    const form = new FormData();
    form.append('county', COUNTY);
    form.append('file', new Blob([JSON.stringify(visit('v1', '2023-09-01'))]), 'visits.ndjson');
    const res = await inject({ method: 'POST', url: '/api/import', payload: form });
    expect(res.statusCode).toBe(200);
    expect(res.json().reports[0]).toMatchObject({ written: 1, rejected: [] });
    expect(res.json().indicators).toEqual([
      expect.objectContaining({ county: COUNTY, personYears: 0, visits: 1 }),
    ]);
    expect(await ratios()).toEqual([
      ['ehr-usage-rate', '7/7'],
      ['primary-care-visit-share', '10/17'],
    ]);
  });

  /** A FHIR create, then the values once the refresher is idle. */
  async function createThenRatios(resource: object) {
    const res = await inject({
      method: 'POST',
      url: '/fhir/Encounter',
      headers: { 'content-type': 'application/fhir+json' },
      payload: resource,
    });
    await refresher.idle();
    return { res, after: await ratios() };
  }

  it('refreshes a moment after a FHIR create', async () => {
    const { res, after } = await createThenRatios(visit('v2', '2023-09-02', 'Patient/3'));
    expect(res.statusCode, res.body).toBe(201);
    expect(after).toEqual([
      ['ehr-usage-rate', '7/7'],
      ['primary-care-visit-share', '11/18'],
    ]);
  });

  it('leaves the values as they were after a refused write', async () => {
    const { res, after } = await createThenRatios({
      ...visit('v3', '2023-09-03', 'Patient/3'),
      serviceProvider: { reference: 'Organization/NOPE' },
    });
    expect(res.statusCode).toBe(422);
    expect(after).toEqual([
      ['ehr-usage-rate', '7/7'],
      ['primary-care-visit-share', '11/18'],
    ]);
  });

  it('refreshes at start, in the background, what was queued before', async () => {
    await query(
      database.db,
      `INSERT INTO indicator_dirty (county_code, kind, key, year) VALUES (:county, 'population', 0, 2023)`,
      { county: COUNTY },
    );
    const queued = () => query(database.db, `SELECT kind FROM indicator_dirty`);
    const atStart = refresherFor(database.db, { delayMs: 0 });
    const started = await buildApp(database, { refresher: atStart, refreshQueuedAtStart: true });
    try {
      await atStart.idle();
      expect(await queued()).toEqual([]);
    } finally {
      await started.close();
    }
  });
});
