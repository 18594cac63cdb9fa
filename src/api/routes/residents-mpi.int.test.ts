import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../../domain/identity/resident-id.js';
import type { Database } from '../../store/db.js';
import { encounters, regions, residents } from '../../store/schema/index.js';
import { signedInInject } from '../../testing/auth.js';
import { backends } from '../../testing/databases.js';
import { buildApp } from '../server.js';

const county = '320612';
const village = '320612100201';
const idNumber = makeResidentId(county, '1955-03-08', 123);

describe.each(backends)('resident duplicate API on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let inject: Awaited<ReturnType<typeof signedInInject>>;
  let ids: number[];
  beforeAll(async () => {
    database = await backend.open();
    app = await buildApp(database);
    inject = await signedInInject(app, database.db);
    const { db } = database;
    await db.insert(regions).values([
      { countyCode: county, code: '320612000000', level: 'county', name: '通州区' },
      {
        countyCode: county,
        code: '320612100000',
        parentCode: '320612000000',
        level: 'town',
        name: '金沙街道',
      },
      { countyCode: county, code: village, parentCode: '320612100000', level: 'village', name: '一村' },
    ]);
    const base = {
      countyCode: county,
      sex: 'male' as const,
      birthDate: '1955-03-08',
      resident: true,
      registered: true,
    };
    const rows = await db
      .insert(residents)
      .values([
        { ...base, name: '张三', residentIdNumber: idNumber, residenceVillageCode: village },
        { ...base, name: '张三', phone: '13812345678', residenceVillageCode: village },
        { ...base, name: '李四', residenceVillageCode: village },
        { ...base, name: '李四', residenceVillageCode: village },
      ])
      .returning({ id: residents.id });
    ids = rows.map((r) => r.id);
    await db.insert(encounters).values({
      countyCode: county,
      sourceSystem: 'his',
      sourceId: 'api-1',
      residentId: ids[1]!,
      facilityCountyCode: '320613',
      facilityName: '外县医院',
      class: 'outpatient',
      startDate: '2024-01-02',
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('finds candidates once and lists them masked with record counts', async () => {
    const empty = await inject({ method: 'GET', url: `/api/residents/duplicates?county=${county}` });
    expect(empty.json()).toEqual({ total: 0, candidates: [] });
    const find = () => inject({ method: 'POST', url: '/api/residents/duplicates/find', payload: { county } });
    expect((await find()).json()).toEqual({ created: 2 });
    expect((await find()).json()).toEqual({ created: 0 });

    const list = await inject({
      method: 'GET',
      url: `/api/residents/duplicates?county=${county}&limit=1`,
    });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.total).toBe(2);
    expect(body.candidates).toHaveLength(1);
    expect(body.candidates[0]).toMatchObject({
      rule: 'demographics',
      strength: 'probable',
      status: 'pending',
      resident: { id: ids[0], name: '张*', idNumber: '3206**********' + idNumber.slice(-4), phone: null },
      other: { id: ids[1], name: '张*', idNumber: null, phone: '138****5678', village: { name: '一村' } },
    });
    expect(body.candidates[0].other.records.encounters).toBe(1);
    expect(list.body).not.toContain(idNumber);
    expect(list.body).not.toContain('13812345678');
    expect(list.body).not.toContain('张三');
  });

  it('merges a pair and refuses to merge it again with problem JSON', async () => {
    const payload = { county, survivorId: ids[0], mergedId: ids[1], reason: '电话核实为同一人' };
    const merged = await inject({ method: 'POST', url: '/api/residents/merge', payload });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({
      rule: 'demographics',
      filled: ['phone'],
      moved: { encounters: 1 },
      dropped: [],
      actor: expect.stringMatching(/^user:admin-/),
    });
    const again = await inject({ method: 'POST', url: '/api/residents/merge', payload });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ code: 'mpi.already-merged' });
    const list = await inject({
      method: 'GET',
      url: `/api/residents/duplicates?county=${county}&status=merged`,
    });
    expect(list.json().candidates[0]).toMatchObject({
      status: 'merged',
      decidedBy: expect.stringMatching(/^user:admin-/),
    });
  });

  it('rejects a pair', async () => {
    const reject = () =>
      inject({
        method: 'POST',
        url: '/api/residents/duplicates/reject',
        payload: { county, residentId: ids[3], otherResidentId: ids[2] },
      });
    expect((await reject()).json()).toEqual({ status: 'rejected' });
    expect((await reject()).statusCode).toBe(200);
    const pending = await inject({ method: 'GET', url: `/api/residents/duplicates?county=${county}` });
    expect(pending.json().total).toBe(0);
  });

  it('answers bad input with problem JSON', async () => {
    const cases = [
      {
        method: 'GET' as const,
        url: '/api/residents/duplicates?county=32',
        status: 400,
        code: 'request.invalid',
      },
      {
        method: 'POST' as const,
        url: '/api/residents/merge',
        payload: { county, survivorId: ids[2], mergedId: ids[2], reason: 'x' },
        status: 400,
        code: 'mpi.merge-self',
      },
      {
        method: 'POST' as const,
        url: '/api/residents/merge',
        payload: { county, survivorId: ids[2], mergedId: ids[3], reason: ' ' },
        status: 400,
        code: 'request.invalid',
      },
      {
        method: 'POST' as const,
        url: '/api/residents/merge',
        payload: { county, survivorId: ids[2], mergedId: 999999, reason: 'x' },
        status: 404,
        code: 'mpi.resident-not-found',
      },
      {
        method: 'POST' as const,
        url: '/api/residents/duplicates/reject',
        payload: { county, residentId: ids[0], otherResidentId: ids[2] },
        status: 404,
        code: 'mpi.candidate-not-found',
      },
    ];
    for (const { status, code, ...request } of cases) {
      const response = await inject(request);
      expect([request.url, response.statusCode, response.json().code]).toEqual([request.url, status, code]);
    }
  });
});
