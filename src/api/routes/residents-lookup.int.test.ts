import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchAudit } from '../../access/audit.js';
import type { Database } from '../../store/db.js';
import { createTestUser, type TestUser } from '../../testing/auth.js';
import { backends } from '../../testing/databases.js';
import {
  COUNTY,
  FACILITY,
  HOSPITAL_ELSEWHERE,
  MERGED_ID,
  PEOPLE,
  PERSONAL_VALUES,
  seedResidentLookupCounty,
  TOWN_A,
  TOWN_B,
  VILLAGE_A,
} from '../../testing/resident-lookup-fixture.js';
import { buildApp } from '../server.js';

const village = { code: VILLAGE_A, name: '一村' };
const town = { code: `${TOWN_A}000`, name: '金沙镇' };
const clinic = { id: FACILITY.id, name: FACILITY.name };
const elsewhere = { id: null, name: HOSPITAL_ELSEWHERE };

/** 王小明 as every list shows him: surname kept, ID number 4 + 4, mobile 3 + 4. */
const xiaomingMasked = {
  county: COUNTY,
  id: 1,
  name: '王**',
  sex: 'male',
  birthDate: '1950-04-12',
  idNumber: '3206**********0110',
  phone: '139****1111',
  village,
  town,
  deathDate: null,
};

describe.each(backends)('resident lookup API on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  const users = {} as Record<'admin' | 'doctorA' | 'facilityA' | 'cdc' | 'planner', TestUser>;
  /** Every body answered, checked at the end for full personal values. */
  const bodies: string[] = [];
  /** The server's log lines. */
  const log: string[] = [];

  beforeAll(async () => {
    database = await backend.open();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log.push(String(chunk));
        done();
      },
    });
    app = await buildApp(database, { logger: { stream } });
    await seedResidentLookupCounty(database.db);
    users.admin = await createTestUser(database.db, 'admin');
    users.doctorA = await createTestUser(database.db, 'doctor', { regionCode: VILLAGE_A });
    users.facilityA = await createTestUser(database.db, 'facility', { regionCode: TOWN_A, facilityId: 1 });
    users.cdc = await createTestUser(database.db, 'cdc', { regionCode: COUNTY });
    users.planner = await createTestUser(database.db, 'planner');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  async function get(user: TestUser, url: string) {
    const response = await app.inject({ method: 'GET', url, headers: user.headers } as InjectOptions);
    bodies.push(response.body);
    return { status: response.statusCode, body: response.json() };
  }
  const search = (user: TestUser, query: string) => get(user, `/api/residents?county=${COUNTY}&${query}`);
  const ids = (body: { residents: { id: number }[] }) => body.residents.map((r) => r.id);

  it('finds residents by the start of a name, masked, in code-point order, without merged duplicates', async () => {
    const { status, body } = await search(users.admin, `q=${encodeURIComponent('王')}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ county: COUNTY, total: 3, page: 1, pageSize: 20, match: ['name'] });
    // 王小明 (小 U+5C0F, 明 U+660E) < 王小虎 (虎 U+864E) < 王芳 (芳 U+82B3 > 小); #6 is merged into #1.
    expect(ids(body)).toEqual([1, 3, 2]);
    expect(body.residents[0]).toEqual(xiaomingMasked);
    expect(body.residents[2]).toMatchObject({
      name: '王*',
      idNumber: '3206**********0220',
      phone: '137****2222',
    });
    expect(body.residents[1]).toMatchObject({ name: '王**', idNumber: null, phone: null });
  });

  it('finds by ID number in full or by its last digits, by phone and by platform id', async () => {
    const lastFour = await search(users.admin, 'q=0110');
    expect([lastFour.body.match, ids(lastFour.body)]).toEqual([['platform-id', 'id-number-suffix'], [1]]);
    const full = await search(users.admin, `q=${PEOPLE.xiaoming.idNumber}`);
    expect([full.body.match, ids(full.body)]).toEqual([['id-number'], [1]]);
    const phone = await search(users.admin, `q=${PEOPLE.xiaoming.phone}`);
    expect([phone.body.match, ids(phone.body)]).toEqual([['platform-id', 'id-number-suffix', 'phone'], [1]]);
    expect(ids((await search(users.admin, 'q=4')).body)).toEqual([4]);
    const page2 = await search(users.admin, 'pageSize=2&page=2');
    expect([page2.body.total, ids(page2.body)]).toEqual([5, [3, 4]]);
  });

  it('finds only residents of the caller’s scope', async () => {
    expect(ids((await search(users.doctorA, '')).body)).toEqual([1, 2, 3]);
    expect((await search(users.doctorA, 'q=4')).body.total).toBe(0);
    expect((await search(users.facilityA, `q=${encodeURIComponent('李')}`)).body.total).toBe(0);
    expect((await search(users.facilityA, `town=${TOWN_B}`)).body.total).toBe(0);
    // A facility scope: of town A, only the facility's patients (resident 1's health record is kept there).
    expect(ids((await search(users.facilityA, `town=${TOWN_A}000`)).body)).toEqual([1]);
    // Living outside the county: only county-wide scopes see her.
    expect((await search(users.facilityA, `q=${encodeURIComponent('欧阳')}`)).body.total).toBe(0);
    const nana = await search(users.cdc, `q=${encodeURIComponent('欧阳')}`);
    expect(nana.body.residents).toEqual([
      {
        county: COUNTY,
        id: 5,
        name: '欧阳**',
        sex: 'female',
        birthDate: '1985-09-09',
        idNumber: '3206**********0447',
        phone: '135****4444',
        village: null,
        town: null,
        deathDate: null,
      },
    ]);
    const otherCounty = await get(users.doctorA, '/api/residents?county=320613');
    expect([otherCounty.status, otherCounty.body.code]).toEqual([404, 'mpi.resident-not-found']);
    const badTown = await search(users.admin, 'town=320613100');
    expect([badTown.status, badTown.body.place]).toEqual([400, { field: 'town' }]);
  });

  it('reads one resident in scope, and answers one out of scope exactly like a missing one', async () => {
    const own = await get(users.doctorA, `/api/residents/${COUNTY}/1`);
    expect(own).toEqual({
      status: 200,
      body: { ...xiaomingMasked, resident: true, registered: true, mergedIntoId: null, hasAddress: true },
    });
    const merged = await get(users.admin, `/api/residents/${COUNTY}/${MERGED_ID}`);
    expect(merged.body).toMatchObject({ id: MERGED_ID, name: '王**', mergedIntoId: 1, hasAddress: false });
    const outOfScope = await get(users.doctorA, `/api/residents/${COUNTY}/${PEOPLE.lisi.id}`);
    const missing = await get(users.doctorA, `/api/residents/${COUNTY}/999999`);
    expect(outOfScope.status).toBe(404);
    expect(Object.keys(outOfScope.body)).toEqual(Object.keys(missing.body));
    expect(outOfScope.body.code).toBe(missing.body.code);
    expect((await get(users.facilityA, `/api/residents/${COUNTY}/5`)).status).toBe(404);
    // In the facility's town but not its patient.
    expect((await get(users.facilityA, `/api/residents/${COUNTY}/2`)).status).toBe(404);
    expect((await get(users.facilityA, `/api/residents/${COUNTY}/1`)).status).toBe(200);
    expect((await get(users.cdc, `/api/residents/${COUNTY}/5`)).status).toBe(200);
    for (const url of [
      '/api/residents?county=320612',
      `/api/residents/${COUNTY}/1`,
      `/api/residents/${COUNTY}/1/timeline`,
    ])
      expect((await get(users.planner, url)).status).toBe(403);
  });

  it('gives the timeline of every record, newest first, same-day entries in kind order', async () => {
    const { status, body } = await get(users.doctorA, `/api/residents/${COUNTY}/1/timeline`);
    expect(status).toBe(200);
    expect(body).toEqual({
      county: COUNTY,
      residentId: 1,
      entries: [
        {
          kind: 'follow-up',
          date: '2024-05-10',
          id: 22,
          facility: clinic,
          disease: 'hypertension',
          faceToFace: false,
          systolic: 138,
          diastolic: 85,
          fastingGlucose: null,
          controlled: true,
        },
        {
          kind: 'check-up',
          date: '2024-05-10',
          id: 40,
          facility: clinic,
          programme: 'elderly',
          lifestyleAssessment: true,
          physicalExamination: true,
          auxiliaryTests: true,
          healthGuidance: true,
          formComplete: true,
        },
        {
          kind: 'encounter',
          date: '2024-03-05',
          id: 30,
          facility: clinic,
          class: 'outpatient',
          endDate: null,
          department: '内科',
          diagnoses: [
            { code: 'I10', name: '原发性高血压' },
            { code: 'E11.9', name: '2型糖尿病' },
          ],
          totalCost: 256.5,
          outOfPocket: 80.2,
          lengthOfStay: null,
        },
        {
          kind: 'follow-up',
          date: '2024-02-01',
          id: 21,
          facility: clinic,
          disease: 'hypertension',
          faceToFace: true,
          systolic: 150,
          diastolic: 95,
          fastingGlucose: null,
          controlled: false,
        },
        {
          kind: 'contract',
          date: '2024-01-01',
          id: 50,
          facility: clinic,
          endOn: '2024-12-31',
          cancelledOn: null,
          teamName: '金沙一队',
          priorityGroups: ['elderly', 'hypertension'],
          renewsContractId: null,
        },
        {
          kind: 'encounter',
          date: '2023-11-02',
          id: 31,
          facility: elsewhere,
          class: 'inpatient',
          endDate: '2023-11-09',
          department: '神经内科',
          diagnoses: [{ code: 'I63.9', name: '脑梗死' }],
          totalCost: 12000,
          outOfPocket: 3600,
          lengthOfStay: 7,
        },
        {
          kind: 'referral',
          date: '2023-11-01',
          id: 60,
          facility: clinic,
          direction: 'up',
          status: 'completed',
          receivedOn: '2023-11-02',
          toFacility: elsewhere,
        },
        {
          kind: 'immunization',
          date: '2023-10-15',
          id: 70,
          facility: clinic,
          vaccineCode: 'FLU',
          doseNumber: 1,
        },
        {
          kind: 'chronic-registration',
          date: '2021-01-10',
          id: 20,
          facility: clinic,
          disease: 'hypertension',
          closedOn: null,
          closeReason: null,
        },
        {
          kind: 'health-record',
          date: '2020-03-01',
          id: 10,
          facility: clinic,
          lastServiceOn: '2024-05-10',
          closedOn: null,
        },
      ],
    });
  });

  it('gives pregnancies and child care where present', async () => {
    const mother = await get(users.doctorA, `/api/residents/${COUNTY}/2/timeline`);
    expect(mother.body.entries).toEqual([
      {
        kind: 'delivery',
        date: '2023-07-15',
        id: 80,
        facility: clinic,
        hospitalDelivery: true,
        postpartumVisitOn: '2023-07-25',
      },
      { kind: 'prenatal-visit', date: '2023-04-20', id: 80, facility: clinic, gestationalWeek: 25 },
      {
        kind: 'pregnancy',
        date: '2023-01-05',
        id: 80,
        facility: null,
        registrationWeek: 10,
        deliveryDate: '2023-07-15',
      },
      { kind: 'prenatal-visit', date: '2023-01-05', id: 80, facility: clinic, gestationalWeek: 10 },
    ]);
    const child = await get(users.doctorA, `/api/residents/${COUNTY}/3/timeline`);
    expect(child.body.entries).toEqual([
      { kind: 'child-check', date: '2024-01-15', id: 90, facility: clinic, eyeScreening: true },
      {
        kind: 'immunization',
        date: '2023-08-15',
        id: 72,
        facility: clinic,
        vaccineCode: 'HepB',
        doseNumber: 2,
      },
      {
        kind: 'immunization',
        date: '2023-07-15',
        id: 71,
        facility: clinic,
        vaccineCode: 'HepB',
        doseNumber: 1,
      },
    ]);
    const refused = await get(users.doctorA, `/api/residents/${COUNTY}/${PEOPLE.lisi.id}/timeline`);
    expect([refused.status, refused.body.code]).toEqual([404, 'mpi.resident-not-found']);
  });

  it('writes every read to the audit log, refusals too, with ids and never a personal value', async () => {
    const doctor = await searchAudit(database.db, { actor: `user:${users.doctorA.username}` });
    const actions = doctor.map((e) => [e.action, e.resourceId, e.outcome, e.details?.status]);
    // Newest first: the reads of the two tests above, in reverse.
    expect(actions.slice(0, 7)).toEqual([
      ['residents.timeline', '4', 'failed', 404],
      ['residents.timeline', '3', 'ok', 200],
      ['residents.timeline', '2', 'ok', 200],
      ['residents.timeline', '1', 'ok', 200],
      ['residents.read', '999999', 'failed', 404],
      ['residents.read', '4', 'failed', 404],
      ['residents.read', '1', 'ok', 200],
    ]);
    const timeline = doctor.find((e) => e.action === 'residents.timeline' && e.resourceId === '1')!;
    expect(timeline).toMatchObject({ countyCode: COUNTY, resourceType: 'resident', actorRole: 'doctor' });
    expect(timeline.details).toEqual({ status: 200, entries: 10, token: expect.any(Number) });
    const searches = doctor.filter((e) => e.action === 'residents.search');
    expect(searches.map((e) => e.details)).toEqual([
      { status: 404, token: expect.any(Number) },
      { status: 200, token: expect.any(Number), match: ['platform-id'], total: 0, page: 1, residentIds: [] },
      { status: 200, token: expect.any(Number), match: ['all'], total: 3, page: 1, residentIds: [1, 2, 3] },
    ]);
    const everything = JSON.stringify(await searchAudit(database.db, { action: 'residents', limit: 1000 }));
    for (const value of [...PERSONAL_VALUES, '欧阳', '0110']) expect(everything).not.toContain(value);
  });

  it('never logs what was searched for', () => {
    // Pino's own numbers (time, pid, responseTime) can hold any four digits, '0110' too: only what the
    // requests put in the log is checked.
    const text = log.join('').replace(/"(time|pid|responseTime)":[\d.]+/g, '"$1":0');
    expect(text).toContain('/api/residents?county=320612&q=[redacted]');
    const searched = [PEOPLE.xiaoming.idNumber, PEOPLE.xiaoming.phone, '0110', encodeURIComponent('欧阳')];
    for (const value of [...PERSONAL_VALUES, ...searched]) expect(text).not.toContain(value);
  });

  it('never answers a full name, ID number or phone', () => {
    expect(bodies.length).toBeGreaterThan(25);
    for (const body of bodies) for (const value of PERSONAL_VALUES) expect(body).not.toContain(value);
  });
});
