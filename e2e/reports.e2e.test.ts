import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ReportsPage } from './pages/reports-page.js';
import type { ApiAssessment, ApiPlanList } from './support/api-types.js';
import { launchBrowser, openPage, signInContext } from './support/browser.js';
import { apiAs, USERS } from './support/server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let plan: ApiPlanList['plans'][number];

const STATUS_LABELS = {
  achieved: '已达标',
  'on-track': '符合进度',
  'at-risk': '存在风险',
  'off-track': '进度滞后',
  'no-data': '暂无数据',
  'not-assessable': '无法量化评估',
} as const;

beforeAll(async () => {
  browser = await launchBrowser();
  const api = await apiAs(baseUrl, USERS.planner);
  plan = (await api<ApiPlanList>('/api/plans')).plans.find((p) => p.region.code === '320612')!;
});
afterAll(() => browser?.close());

describe('reports', () => {
  it('downloads the annual report of a chosen plan and year as a workbook holding the API’s figures', async () => {
    const watched = await openPage(browser, baseUrl);
    await signInContext(watched, USERS.planner);
    await watched.page.goto('/reports');
    const view = new ReportsPage(watched.page);
    await view.waitForForm();
    await view.choosePlan(plan.title);
    await view.chooseYear(2024);
    const download = await view.download('xlsx');
    expect(download.suggestedFilename()).toBe(`weijian-plan-${plan.id}-annual-2024.xlsx`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('指标监测')!;
    expect(sheet.getCell('A1').text).toBe(`${plan.title} 2024年度监测报告`);
    const header = (sheet.getRow(2).values as unknown[]).map(String);
    const actual2024 = header.indexOf('2024年实际');
    const status = header.indexOf('状态');
    expect(actual2024).toBeGreaterThan(0);

    const api = await apiAs(baseUrl, USERS.planner);
    const assessment = await api<ApiAssessment>(`/api/plans/${plan.id}/assessment?year=2024`);
    assessment.rows.forEach((row, i) => {
      const cells = sheet.getRow(3 + i);
      expect(cells.getCell(3).text.startsWith(row.name)).toBe(true);
      expect(cells.getCell(status).text).toBe(STATUS_LABELS[row.assessment.status]);
      const chosen = row.actuals.find((a) => a.year === 2024)?.chosen?.value ?? null;
      const cell = cells.getCell(actual2024).value as number | null;
      if (chosen === null) expect(cell).toBeNull();
      else expect(cell).toBeCloseTo(chosen, 4);
    });
    await watched.screenshot('reports-1366');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('takes the final year for a final evaluation, downloads it as PDF and links the web view', async () => {
    const watched = await openPage(browser, baseUrl);
    await signInContext(watched, USERS.planner);
    await watched.page.goto('/reports');
    const view = new ReportsPage(watched.page);
    await view.waitForForm();
    await view.choosePlan(plan.title);
    await view.chooseKind('总结评估报告');
    await watched.page.getByTestId('report-year').getByText(`${plan.period.end} 年`).waitFor();
    const download = await view.download('pdf');
    expect(download.suggestedFilename()).toBe(`weijian-plan-${plan.id}-final-${plan.period.end}.pdf`);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);

    const href = await view.htmlLink().getAttribute('href');
    expect(href).toBe(`/api/plans/${plan.id}/report?kind=final&format=html&year=${plan.period.end}`);
    const html = await watched.context.request.get(href!);
    expect(html.status()).toBe(200);
    expect(await html.text()).toContain(plan.title);
    await watched.screenshot('reports-final-1366');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });
});
