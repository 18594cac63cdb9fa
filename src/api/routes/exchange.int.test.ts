import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/db.js';
import { signedInInject } from '../../testing/auth.js';
import { backends } from '../../testing/databases.js';
import { COUNTY, countyResources } from '../../testing/fhir-county.js';
import { buildApp } from '../server.js';

const ndjson = (resources: Iterable<unknown>) => [...resources].map((r) => JSON.stringify(r)).join('\n');

describe.each(backends)('record exchange API on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let inject: Awaited<ReturnType<typeof signedInInject>>;
  beforeAll(async () => {
    database = await backend.open();
    app = await buildApp(database);
    inject = await signedInInject(app, database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('imports NDJSON by multipart upload and exports the county as a Bulk Data manifest', async () => {
    const form = new FormData();
    form.append('skipInvalid', 'true');
    form.append('file', new Blob([ndjson(countyResources(20)) + '\nnot json\n']), 'county.ndjson');
    const imported = await inject({ method: 'POST', url: '/api/import', payload: form });
    expect(imported.statusCode).toBe(200);
    const [report] = imported.json().reports;
    expect(report.rejected).toEqual([
      expect.objectContaining({ file: 'county.ndjson', code: 'fhir.json', line: report.read }),
    ]);
    expect(report.byType.Patient).toBe(20);

    const exported = await inject({ method: 'GET', url: `/api/export/fhir?county=${COUNTY}` });
    expect(exported.statusCode).toBe(200);
    const manifest = exported.json();
    const patients = manifest.output.find((o: { type: string }) => o.type === 'Patient');
    expect(patients.count).toBe(20);
    const file = await inject({ method: 'GET', url: patients.url });
    expect(file.headers['content-type']).toContain('application/fhir+ndjson');
    expect(file.body.trim().split('\n')).toHaveLength(20);
  });

  it('refuses a request that is not multipart', async () => {
    const response = await inject({ method: 'POST', url: '/api/import', payload: { file: 'x' } });
    expect(response.statusCode).toBe(415);
  });
});
