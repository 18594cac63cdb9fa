import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ManualValuesPage } from './pages/manual-values-page.js';
import { PlanTablePage } from './pages/plan-table-page.js';
import type { ApiAssessment, ApiManualValue, ApiPlanList } from './support/api-types.js';
import { launchBrowser, openPage, signInContext, type WatchedPage } from './support/browser.js';
import { apiAs, USERS, type TestUser } from './support/server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let planId: number;
let manualRows: ApiAssessment['rows'];
let api: Awaited<ReturnType<typeof apiAs>>;

// The demo county's plan: 通州区 (320612) has rows the records cannot determine (health literacy, smoking…).
beforeAll(async () => {
  browser = await launchBrowser();
  api = await apiAs(baseUrl, USERS.admin);
  const plan = (await api<ApiPlanList>('/api/plans')).plans.find((p) => p.region.code === '320612')!;
  planId = plan.id;
  const assessment = await api<ApiAssessment>(`/api/plans/${planId}/assessment?year=${plan.period.end}`);
  // Rows the records cannot determine: not computable, or without any computed value for the region.
  manualRows = assessment.rows.filter((r) => !r.computable || r.actuals.every((a) => a.computed === null));
});
afterAll(() => browser?.close());

async function manualPage(user: TestUser): Promise<{ watched: WatchedPage; view: ManualValuesPage }> {
  const watched = await openPage(browser, baseUrl);
  await signInContext(watched, user);
  await watched.page.goto(`/plans/${planId}/manual-values`);
  const view = new ManualValuesPage(watched.page);
  await view.waitForRows();
  return { watched, view };
}

const valuesOf = async (name: string) => {
  const row = manualRows.find((r) => r.name === name)!;
  const { values } = await api<{ values: ApiManualValue[] }>(`/api/plans/${planId}/manual-values`);
  return values.filter((v) => v.rowKey === row.rowKey);
};

describe('data entry and approval', () => {
  it('lists the rows the records cannot determine, refuses a share above 100 %, then a planner enters and submits, an admin approves, and the assessment uses it', async () => {
    const literacy = '居民健康素养水平';
    const planner = await manualPage(USERS.planner);
    expect(manualRows.length).toBeGreaterThan(0);
    expect(await planner.view.indicatorRows().count()).toBe(manualRows.length);
    expect(manualRows.map((r) => r.name)).toContain(literacy);

    await planner.view.fillNew(literacy, 2024, '120', '2024 年居民健康素养监测');
    await planner.view.save();
    await planner.view.formError().filter({ hasText: '百分比须在 0–100 之间' }).waitFor();
    expect(await valuesOf(literacy)).toEqual([]);

    await planner.view.page.getByTestId('manual-value').fill('28.6');
    await planner.view.save();
    await planner.view.status(literacy, 2024).filter({ hasText: '草稿' }).waitFor();
    const [draft] = await valuesOf(literacy);
    expect(draft).toMatchObject({
      year: 2024,
      value: 28.6,
      status: 'draft',
      source: '2024 年居民健康素养监测',
      createdBy: 'user:e2e-planner',
    });

    await planner.view.act(literacy, 2024, /提交审核/);
    await planner.view.status(literacy, 2024).filter({ hasText: '待审核' }).waitFor();
    expect((await valuesOf(literacy))[0]!.status).toBe('submitted');
    // A planner enters; approval is the administrator's: the page offers no approve button.
    expect(await planner.view.entry(literacy, 2024).getByRole('button', { name: '审核通过' }).count()).toBe(
      0,
    );
    await planner.watched.screenshot('manual-values-submitted-1366');
    expect(planner.watched.problems).toEqual([]);
    await planner.watched.close();

    const admin = await manualPage(USERS.admin);
    // Other browser tests may have left values awaiting review: the count is the API's.
    const { values } = await api<{ values: ApiManualValue[] }>(`/api/plans/${planId}/manual-values`);
    const pending = values.filter((v) => v.status === 'submitted').length;
    expect(pending).toBeGreaterThanOrEqual(1);
    await admin.view.page
      .getByTestId('pending-only')
      .filter({ hasText: `待审核 ${pending} 项` })
      .waitFor();
    await admin.view.act(literacy, 2024, /审核通过/);
    await admin.view.status(literacy, 2024).filter({ hasText: '已通过' }).waitFor();
    const [approved] = await valuesOf(literacy);
    expect(approved).toMatchObject({ id: draft!.id, status: 'approved', updatedBy: 'user:e2e-admin' });

    const history = await admin.view.history(literacy, 2024);
    expect(history.map((cells) => cells.slice(1, 3))).toEqual([
      ['user:e2e-planner', '新建'],
      ['user:e2e-planner', '提交'],
      ['user:e2e-admin', '审核通过'],
    ]);
    expect(history[2]![4]).toBe('待审核 → 已通过');
    await admin.watched.screenshot('manual-values-history-1366');
    await admin.view.page.keyboard.press('Escape');

    // The approved value is now the row's 2024 actual, in the API and in the plan table.
    const assessment = await api<ApiAssessment>(`/api/plans/${planId}/assessment?year=2024`);
    const row = assessment.rows.find((r) => r.name === literacy)!;
    expect(row.actuals.find((a) => a.year === 2024)!.chosen).toEqual({ value: 28.6, source: 'manual' });
    await admin.view.page.goto(`/plans/${planId}`);
    const table = new PlanTablePage(admin.view.page);
    await table.waitForRows();
    await table.chooseYear(2024);
    await table.statusOf(literacy).filter({ hasText: /./ }).waitFor();
    expect(await table.actual(literacy, 2024)).toBe('28.6填');
    expect(await table.statusOf(literacy).getAttribute('data-status')).toBe(row.assessment.status);
    expect(admin.watched.problems).toEqual([]);
    await admin.watched.close();
  });

  it('lets an admin return a submitted value with a reason the planner then reads', async () => {
    const smoking = '15岁以上人群吸烟率';
    const reason = '与年度成人烟草流行调查结果不一致，请核实';
    const planner = await manualPage(USERS.planner);
    await planner.view.fillNew(smoking, 2024, '19.8', '');
    await planner.view.save();
    await planner.view.status(smoking, 2024).filter({ hasText: '草稿' }).waitFor();
    await planner.view.act(smoking, 2024, /提交审核/);
    await planner.view.status(smoking, 2024).filter({ hasText: '待审核' }).waitFor();
    await planner.watched.close();

    const admin = await manualPage(USERS.admin);
    await admin.view.returnWithReason(smoking, 2024, reason);
    await admin.view.status(smoking, 2024).filter({ hasText: '已退回' }).waitFor();
    const [returned] = await valuesOf(smoking);
    expect(returned).toMatchObject({ value: 19.8, status: 'returned', returnReason: reason });
    expect(admin.watched.problems).toEqual([]);
    await admin.watched.close();

    const back = await manualPage(USERS.planner);
    const entry = back.view.entry(smoking, 2024);
    expect(await entry.getByTestId('return-reason').innerText()).toBe(`退回原因：${reason}`);
    // Returned: the planner may correct and submit again.
    expect(await entry.getByRole('button', { name: '提交审核' }).count()).toBe(1);
    await back.watched.screenshot('manual-values-returned-1366');
    expect(back.watched.problems).toEqual([]);
    await back.watched.close();
  });

  it('shows a read-only role the values without any action that changes them', async () => {
    const auditor = await manualPage(USERS.auditor);
    await auditor.view.page.getByTestId('manual-entries').locator('tr.ant-table-row').first().waitFor();
    expect(await auditor.view.page.getByTestId('manual-add').count()).toBe(0);
    expect(await auditor.view.page.getByTestId('manual-import').count()).toBe(0);
    const buttons = await auditor.view.page.getByTestId('manual-entries').getByRole('button').allInnerTexts();
    expect(new Set(buttons)).toEqual(new Set(['修改记录']));
    const template = await auditor.view.downloadTemplate();
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);

    // 江阴市: the platform holds no records of it, so even its computable rows are entered by hand, and say so.
    const jiangyin = (await api<ApiPlanList>('/api/plans')).plans.find((p) => p.region.code === '320281')!;
    const rows = (
      await api<ApiAssessment>(`/api/plans/${jiangyin.id}/assessment?year=${jiangyin.period.end}`)
    ).rows;
    await auditor.view.page.goto(`/plans/${jiangyin.id}/manual-values`);
    await auditor.view.page
      .getByTestId('manual-rows')
      .getByText(rows[rows.length - 1]!.name)
      .waitFor();
    expect(await auditor.view.indicatorRows().count()).toBe(rows.length);
    expect(await auditor.view.page.getByTestId('no-computed').count()).toBe(
      rows.filter((r) => r.computable).length,
    );
    await auditor.watched.screenshot('manual-values-no-records-1366');
    expect(auditor.watched.problems).toEqual([]);
    await auditor.watched.close();
  });

  it('imports a filled Excel template through the page as drafts, the earlier values read back unchanged', async () => {
    const myopia = '儿童青少年总体近视率';
    const planner = await manualPage(USERS.planner);
    const template = await planner.view.downloadTemplate();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await template.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('手工填报')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const rowOf = (name: string) => {
      let found = 0;
      sheet.eachRow((row, n) => {
        if (row.getCell(3).text === name) found = n;
      });
      return sheet.getRow(found);
    };
    // The template carries what the earlier tests entered: the approved and the returned value.
    expect(rowOf('居民健康素养水平').getCell(header.indexOf('2024')).value).toBe(28.6);
    expect(rowOf('15岁以上人群吸烟率').getCell(header.indexOf('2024')).value).toBe(19.8);
    rowOf(myopia).getCell(header.indexOf('2023')).value = 52.3;
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'weijian-manual-')), 'filled.xlsx');
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));

    // Every value already entered (by these tests or others) comes back unchanged; the new cell is a draft.
    const { values: before } = await api<{ values: ApiManualValue[] }>(`/api/plans/${planId}/manual-values`);
    expect(await planner.view.importTemplate(file)).toBe(
      `导入完成：新增 1，修改 0，未变 ${before.length}，拒收 0`,
    );
    await planner.view.status(myopia, 2023).filter({ hasText: '草稿' }).waitFor();
    expect(await valuesOf(myopia)).toEqual([
      expect.objectContaining({ year: 2023, value: 52.3, status: 'draft', createdBy: 'user:e2e-planner' }),
    ]);
    await planner.watched.screenshot('manual-values-imported-1366');
    expect(planner.watched.problems).toEqual([]);
    await planner.watched.close();
  });

  it('lets an admin correct an approved value only with a reason, which the history keeps', async () => {
    const literacy = '居民健康素养水平';
    const admin = await manualPage(USERS.admin);
    await admin.view.fillEdit(literacy, 2024, '28.9');
    await admin.view.save();
    await admin.view.formError().filter({ hasText: '请填写' }).waitFor();
    expect((await valuesOf(literacy))[0]).toMatchObject({ value: 28.6, status: 'approved' });

    await admin.view.dialog().locator('textarea').last().fill('监测报告修订版更正');
    await admin.view.save();
    await admin.view.entry(literacy, 2024).getByText('28.9%').waitFor();
    expect((await valuesOf(literacy))[0]).toMatchObject({ value: 28.9, status: 'approved' });
    const history = await admin.view.history(literacy, 2024);
    expect(history[history.length - 1]!.slice(1)).toEqual([
      'user:e2e-admin',
      '修改',
      '28.6 → 28.9',
      '已通过',
      '监测报告修订版更正',
    ]);
    expect(admin.watched.problems).toEqual([]);
    await admin.watched.close();
  });
});
