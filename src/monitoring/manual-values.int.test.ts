import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/db.js';
import { backends } from '../testing/databases.js';
import {
  admin,
  approver,
  planner,
  ROWS,
  storeSamplePlans,
  type SamplePlanIds,
} from '../testing/monitoring-fixture.js';
import { importManualValues, manualTemplate, TEMPLATE_SHEET } from './manual-excel.js';
import {
  createManualValue,
  editManualValue,
  listManualValues,
  manualValueHistory,
  subjectOf,
  transitionManualValue,
} from './manual-values.js';
import { monitorPlan } from './plan-monitoring.js';

describe.each(backends)('manual values on $name', (backend) => {
  let database: Database;
  let ids: SamplePlanIds;
  beforeAll(async () => {
    database = await backend.open();
    ids = await storeSamplePlans(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('draft → submitted → returned with a reason → corrected → approved, every step in the trail', async () => {
    const db = database.db;
    const subject = await subjectOf(db, ids.tongzhou, ROWS.tongzhou.smoking);
    expect(subject).toEqual({
      regionCode: '320612',
      rowKey: 'smoking-rate-15plus',
      indicatorId: 'smoking-rate-15plus',
    });
    const v = await createManualValue(db, planner, subject, {
      year: 2022,
      value: 2.3,
      source: '烟草流行监测',
    });
    expect(v.status).toBe('draft');
    await transitionManualValue(db, planner, v.id, 'submit');
    await expect(transitionManualValue(db, planner, v.id, 'approve')).rejects.toMatchObject({
      code: 'manual-value.forbidden',
      status: 403,
    });
    await expect(transitionManualValue(db, approver, v.id, 'return')).rejects.toMatchObject({
      code: 'manual-value.reason-required',
    });
    const returned = await transitionManualValue(db, approver, v.id, 'return', '疑似小数点错误，应为23%左右');
    expect(returned).toMatchObject({ status: 'returned', returnReason: '疑似小数点错误，应为23%左右' });
    // A returned value is not used as an actual.
    let m = await monitorPlan(db, ids.tongzhou, 2023);
    expect(m.rows[ROWS.tongzhou.smoking]!.assessment.status).toBe('no-data');

    await editManualValue(db, planner, v.id, { value: 23 });
    await transitionManualValue(db, planner, v.id, 'submit');
    const approved = await transitionManualValue(db, approver, v.id, 'approve');
    expect(approved).toMatchObject({
      status: 'approved',
      value: 23,
      returnReason: null,
      updatedBy: 'li.approver',
    });
    m = await monitorPlan(db, ids.tongzhou, 2023);
    expect(m.rows[ROWS.tongzhou.smoking]!.assessment.actual).toMatchObject({
      year: 2022,
      value: 23,
      source: 'manual',
    });

    // Editing an approved value: a planner may not; an admin only with a reason.
    await expect(editManualValue(db, planner, v.id, { value: 22, reason: '更正' })).rejects.toMatchObject({
      code: 'manual-value.forbidden',
    });
    await expect(editManualValue(db, admin, v.id, { value: 22 })).rejects.toMatchObject({
      code: 'manual-value.reason-required',
    });
    const corrected = await editManualValue(db, admin, v.id, { value: 22.8, reason: '按省监测报告更正' });
    expect(corrected).toMatchObject({ status: 'approved', value: 22.8 });

    const history = await manualValueHistory(db, v.id);
    expect(
      history.map((e) => [e.actor, e.action, e.oldValue, e.newValue, e.oldStatus, e.newStatus, e.reason]),
    ).toEqual([
      ['zhang.planner', 'create', null, 2.3, null, 'draft', null],
      ['zhang.planner', 'submit', 2.3, 2.3, 'draft', 'submitted', null],
      ['li.approver', 'return', 2.3, 2.3, 'submitted', 'returned', '疑似小数点错误，应为23%左右'],
      ['zhang.planner', 'edit', 2.3, 23, 'returned', 'draft', null],
      ['zhang.planner', 'submit', 23, 23, 'draft', 'submitted', null],
      ['li.approver', 'approve', 23, 23, 'submitted', 'approved', null],
      ['wang.admin', 'edit', 23, 22.8, 'approved', 'approved', '按省监测报告更正'],
    ]);
    expect(history.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('refuses a second value for the same row and year, and a submitted value is frozen', async () => {
    const db = database.db;
    const subject = await subjectOf(db, ids.tongzhou, ROWS.tongzhou.healthLiteracy);
    const v = await createManualValue(db, planner, subject, { year: 2021, value: 30 });
    await expect(createManualValue(db, planner, subject, { year: 2021, value: 31 })).rejects.toMatchObject({
      code: 'manual-value.exists',
      status: 409,
    });
    await transitionManualValue(db, planner, v.id, 'submit');
    await expect(editManualValue(db, planner, v.id, { value: 31 })).rejects.toMatchObject({
      code: 'manual-value.invalid-transition',
      status: 409,
    });
  });

  it('keeps the trail append-only in the database', async () => {
    const refused = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(database.db.execute(sql`update manual_value_events set reason = 'x'`)).rejects.toMatchObject(
      refused,
    );
    await expect(database.db.execute(sql`delete from manual_value_events`)).rejects.toMatchObject(refused);
  });

  it('imports the Excel template: drafts created, unchanged cells skipped, refused cells reported', async () => {
    const db = database.db;
    const template = await manualTemplate(db, ids.jiangyin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    expect(header.slice(1, 6)).toEqual(['行键', '序号', '指标', '单位', '2025年目标']);
    const line = (key: string) => {
      let found = 0;
      ws.eachRow((r, n) => (r.getCell(1).value === key ? (found = n) : 0));
      return ws.getRow(found);
    };
    const col = (year: number) => header.indexOf(String(year));
    const literacy = line('health-literacy-level');
    literacy.getCell(col(2021)).value = 31.2;
    literacy.getCell(col(2022)).value = '32.4';
    literacy.getCell(header.indexOf('数据来源说明')).value = '江阴市居民健康素养监测';
    line('daily-salt-intake').getCell(col(2022)).value = 9.1;
    ws.addRow(['name:不存在的指标', null, '不存在的指标', null, null, null, 5]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const first = await importManualValues(db, planner, ids.jiangyin, bytes, 'jiangyin.xlsx');
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(first.rejected).toEqual([expect.objectContaining({ code: 'manual-import.unknown-row' })]);
    const values = await listManualValues(db, ids.jiangyin);
    expect(values.find((v) => v.rowKey === 'health-literacy-level' && v.year === 2022)).toMatchObject({
      value: 32.4,
      status: 'draft',
      source: '江阴市居民健康素养监测',
      createdBy: 'zhang.planner',
    });

    // Approve one, then import again: the approved cell needs an admin, the others are unchanged.
    const salt = values.find((v) => v.rowKey === 'daily-salt-intake')!;
    expect(salt.source).toBeNull();
    await transitionManualValue(db, planner, salt.id, 'submit');
    await transitionManualValue(db, approver, salt.id, 'approve');
    line('daily-salt-intake').getCell(col(2022)).value = 8.9;
    const again = await importManualValues(
      db,
      planner,
      ids.jiangyin,
      Buffer.from(await wb.xlsx.writeBuffer()),
      'j.xlsx',
    );
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.rejected.map((r) => r.code)).toEqual([
      'manual-value.forbidden',
      'manual-import.unknown-row',
    ]);
  });
});
