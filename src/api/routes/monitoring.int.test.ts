import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/db.js';
import { createTestUser, injectAs } from '../../testing/auth.js';
import { backends } from '../../testing/databases.js';
import { ROWS, seedMonitoringDemo, type SamplePlanIds } from '../../testing/monitoring-fixture.js';
import { buildApp } from '../server.js';

describe.each(backends)('monitoring API on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let ids: SamplePlanIds;
  let asPlanner: ReturnType<typeof injectAs>;
  let asAdmin: ReturnType<typeof injectAs>;
  let asAuditor: ReturnType<typeof injectAs>;
  let adminName: string;
  beforeAll(async () => {
    database = await backend.open();
    app = await buildApp(database);
    ids = await seedMonitoringDemo(database.db);
    asPlanner = injectAs(app, await createTestUser(database.db, 'planner'));
    const admin = await createTestUser(database.db, 'admin');
    adminName = admin.username;
    asAdmin = injectAs(app, admin);
    asAuditor = injectAs(app, await createTestUser(database.db, 'auditor'));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('assesses a plan in a year with summary counts and the binding row singled out', async () => {
    const res = await asAuditor({ method: 'GET', url: `/api/plans/${ids.tongzhou}/assessment?year=2023` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toMatchObject({ achieved: 1, 'on-track': 2, 'at-risk': 1, 'off-track': 1 });
    expect(body.singledOut).toEqual([ROWS.tongzhou.pharmacists]);
    const staff = body.rows[ROWS.tongzhou.publicHealthStaff];
    expect(staff.assessment).toMatchObject({
      status: 'on-track',
      actual: { value: 1.05, source: 'computed' },
    });
    expect(staff.assessment.reason.zh).toContain('期望路径 1.04');
    expect(body.rule.zh).toContain('已审核通过的手工填报值');
    expect(
      (await app.inject({ method: 'GET', url: `/api/plans/${ids.tongzhou}/assessment?year=2023` }))
        .statusCode,
    ).toBe(401);
  });

  it('compares an indicator across plans and 404s an unknown one', async () => {
    const res = await asAuditor({ method: 'GET', url: '/api/compare?indicator=health-literacy-level' });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .entries.map((e: { target: { text: string } }) => e.target.text)
        .sort(),
    ).toEqual(['31%', '36.5', '≥ 36', '≥36'].sort());
    const missing = await asAuditor({ method: 'GET', url: '/api/compare?indicator=nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('indicator.not-found');
  });

  it('runs the manual value workflow with the signed-in user as actor', async () => {
    const created = await asPlanner({
      method: 'POST',
      url: `/api/plans/${ids.tongzhou}/manual-values`,
      payload: { position: ROWS.tongzhou.smoking, year: 2022, value: 22.5, source: '慢病监测' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', rowKey: 'smoking-rate-15plus' });
    const submitted = await asPlanner({ method: 'POST', url: `/api/manual-values/${id}/submit` });
    expect(submitted.json().status, submitted.body).toBe('submitted');
    const denied = await asPlanner({ method: 'POST', url: `/api/manual-values/${id}/approve` });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('manual-value.forbidden');
    const noReason = await asAdmin({ method: 'POST', url: `/api/manual-values/${id}/return`, payload: {} });
    expect(noReason.statusCode).toBe(400);
    const returned = await asAdmin({
      method: 'POST',
      url: `/api/manual-values/${id}/return`,
      payload: { reason: '请附监测报告' },
    });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请附监测报告' });
    await asPlanner({
      method: 'PUT',
      url: `/api/manual-values/${id}`,
      payload: { value: 22.4, source: '2022年监测报告' },
    });
    await asPlanner({ method: 'POST', url: `/api/manual-values/${id}/submit` });
    expect((await asAdmin({ method: 'POST', url: `/api/manual-values/${id}/approve` })).json().status).toBe(
      'approved',
    );
    const edit = await asPlanner({
      method: 'PUT',
      url: `/api/manual-values/${id}`,
      payload: { value: 20, reason: 'x' },
    });
    expect(edit.statusCode).toBe(403);
    const auditorWrite = await asAuditor({ method: 'POST', url: `/api/manual-values/${id}/submit` });
    expect(auditorWrite.statusCode).toBe(403);

    const history = await asAuditor({ method: 'GET', url: `/api/manual-values/${id}/history` });
    expect(
      history.json().events.map((e: { action: string; actor: string }) => `${e.action}:${e.actor}`),
    ).toEqual([
      expect.stringMatching(/^create:user:planner-/),
      expect.stringMatching(/^submit:user:planner-/),
      `return:user:${adminName}`,
      expect.stringMatching(/^edit:user:planner-/),
      expect.stringMatching(/^submit:user:planner-/),
      `approve:user:${adminName}`,
    ]);
    const list = await asAuditor({ method: 'GET', url: `/api/plans/${ids.tongzhou}/manual-values` });
    expect(list.json().values.find((v: { id: number }) => v.id === id)).toMatchObject({
      value: 22.4,
      status: 'approved',
    });
  });

  it('downloads the template and imports it back', async () => {
    const template = await asPlanner({
      method: 'GET',
      url: `/api/plans/${ids.siyang}/manual-values/template.xlsx`,
    });
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    ws.eachRow((r) => {
      if (r.getCell(1).value === 'health-literacy-level') r.getCell(header.indexOf('2022')).value = 30.5;
    });
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(await wb.xlsx.writeBuffer())]), 'siyang.xlsx');
    const res = await asPlanner({
      method: 'POST',
      url: `/api/plans/${ids.siyang}/manual-values/import`,
      payload: form,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: [] });
  });

  it('keeps the checklist: list, update, refuse an auditor', async () => {
    const list = await asAuditor({ method: 'GET', url: `/api/plans/${ids.tongzhou}/items` });
    expect(list.json().items).toHaveLength(21);
    const put = await asPlanner({
      method: 'PUT',
      url: `/api/plans/${ids.tongzhou}/items/task/2`,
      payload: {
        department: '医政科',
        progress: [{ year: 2023, status: 'delayed', note: '区人民医院新院区延期' }],
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ heading: '切实完善医疗卫生服务体系', department: '医政科' });
    expect(put.json().progress[0]).toMatchObject({ year: 2023, status: 'delayed' });
    const bad = await asPlanner({
      method: 'PUT',
      url: `/api/plans/${ids.tongzhou}/items/task/2`,
      payload: { progress: [{ year: 2023, status: 'done' }] },
    });
    expect(bad.statusCode).toBe(400);
    const denied = await asAuditor({
      method: 'PUT',
      url: `/api/plans/${ids.tongzhou}/items/task/2`,
      payload: {},
    });
    expect(denied.statusCode).toBe(403);
  });

  it('downloads reports as xlsx and html, and asks an annual report for its year', async () => {
    const xlsx = await asAuditor({
      method: 'GET',
      url: `/api/plans/${ids.tongzhou}/report?kind=final&format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain(`weijian-plan-${ids.tongzhou}-final-2025.xlsx`);
    const html = await asAuditor({
      method: 'GET',
      url: `/api/plans/${ids.tongzhou}/report?kind=midterm&format=html`,
    });
    expect(html.body).toContain('中期评估报告（2023年）');
    const noYear = await asAuditor({ method: 'GET', url: `/api/plans/${ids.tongzhou}/report?kind=annual` });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().code).toBe('report.year-required');
  });
});
