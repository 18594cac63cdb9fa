import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePlans } from '../../app/import-plans.js';
import type { Database } from '../../store/db.js';
import { signedInInject } from '../../testing/auth.js';
import { backends } from '../../testing/databases.js';
import { samplePlan } from '../../testing/plan-fixture.js';
import { readSeed, seedFiles } from '../../testing/seeds.js';
import { buildApp } from '../server.js';

function upload(files: { name: string; bytes: Uint8Array }[]): FormData {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([Buffer.from(f.bytes)]), f.name);
  return form;
}

describe.each(backends)('plan API on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let inject: Awaited<ReturnType<typeof signedInInject>>;
  beforeAll(async () => {
    database = await backend.open();
    app = await buildApp(database);
    inject = await signedInInject(app, database.db);
    await storePlans(database.db, [samplePlan()]);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists plans and reads one by id', async () => {
    const list = await inject({ method: 'GET', url: '/api/plans' });
    expect(list.statusCode).toBe(200);
    const [entry] = list.json().plans;
    expect(entry).toMatchObject({
      title: '示例县“十四五”卫生健康发展规划',
      indicatorCount: 2,
      mappedCount: 1,
    });
    const one = await inject({ method: 'GET', url: `/api/plans/${entry.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json().indicators[0]).toMatchObject({
      name: '人均预期寿命',
      target: { kind: 'bound', value: 83.5 },
    });
  });

  it('answers unknown ids and bad ids with problem JSON', async () => {
    const missing = await inject({ method: 'GET', url: '/api/plans/9999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ status: 404, code: 'plan.not-found' });
    const bad = await inject({ method: 'GET', url: '/api/plans/abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('request.invalid');
    expect(JSON.stringify(bad.json())).not.toContain('    at ');
  });

  it('imports a seed plan by multipart upload and re-import updates it in place', async () => {
    const bytes = readSeed('jiangyin');
    const first = await inject({
      method: 'POST',
      url: '/api/plans/import',
      payload: upload([{ name: seedFiles.jiangyin, bytes }]),
    });
    expect(first.statusCode).toBe(200);
    const [imported] = first.json().plans;
    expect(imported).toMatchObject({ created: true, region: { code: '320281' }, summary: { rows: 31 } });
    const again = await inject({
      method: 'POST',
      url: '/api/plans/import',
      payload: upload([{ name: 'again.txt', bytes }]),
    });
    expect(again.json().plans[0]).toMatchObject({ id: imported.id, created: false });
    const list = await inject({ method: 'GET', url: '/api/plans' });
    expect(list.json().plans).toHaveLength(2);
  });

  it('previews plan documents without storing them, naming the stored plan an import would update', async () => {
    const before = (await inject({ method: 'GET', url: '/api/plans' })).json().plans;
    const jiangyin = before.find((p: { region: { code: string } }) => p.region.code === '320281');
    const res = await inject({
      method: 'POST',
      url: '/api/plans/preview',
      payload: upload([
        { name: seedFiles.jizhou, bytes: readSeed('jizhou') },
        { name: 'jiangyin.txt', bytes: readSeed('jiangyin') },
      ]),
    });
    expect(res.statusCode).toBe(200);
    const [jizhou, again] = res.json().plans;
    expect(jizhou).toMatchObject({
      fileName: seedFiles.jizhou,
      existingId: null,
      summary: { rows: 20 },
      plan: { region: { code: '120119', name: '蓟州区' }, period: { start: 2021, end: 2025 } },
    });
    expect(jizhou.plan.indicators).toHaveLength(20);
    expect(again).toMatchObject({ fileName: 'jiangyin.txt', existingId: jiangyin.id, summary: { rows: 31 } });
    expect((await inject({ method: 'GET', url: '/api/plans' })).json().plans).toEqual(before);
    const bad = await inject({
      method: 'POST',
      url: '/api/plans/preview',
      payload: upload([{ name: 'empty.txt', bytes: new Uint8Array() }]),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().place).toMatchObject({ file: 'empty.txt' });
  });

  it('rejects a bad file with the file named, storing nothing of the batch', async () => {
    const before = (await inject({ method: 'GET', url: '/api/plans' })).json().plans;
    const res = await inject({
      method: 'POST',
      url: '/api/plans/import',
      payload: upload([
        { name: seedFiles.jizhou, bytes: readSeed('jizhou') },
        { name: 'empty.txt', bytes: new Uint8Array() },
      ]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().place).toMatchObject({ file: 'empty.txt' });
    const after = (await inject({ method: 'GET', url: '/api/plans' })).json().plans;
    expect(after).toEqual(before);
  });

  it('refuses an upload over the size limit with 413 before reading it all', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/plans/import',
      payload: upload([{ name: 'huge.txt', bytes: new Uint8Array(50 * 1024 * 1024) }]),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });

  it('refuses a non-multipart import and serves the OpenAPI document', async () => {
    const res = await inject({ method: 'POST', url: '/api/plans/import', payload: { a: 1 } });
    expect(res.statusCode).toBe(415);
    const doc = await inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.json().paths).toHaveProperty(['/api/plans/{id}']);
    expect(doc.json().paths).toHaveProperty(['/api/plans/import']);
  });
});
