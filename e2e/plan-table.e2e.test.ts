import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppShell } from './pages/app-shell.js';
import { PlanTablePage } from './pages/plan-table-page.js';
import type { ApiAssessment, ApiPlan, ApiPlanList } from './support/api-types.js';
import { launchBrowser, openPage, PHONE, signInContext, type WatchedPage } from './support/browser.js';
import { apiAs, USERS } from './support/server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let plans: ApiPlan[];

beforeAll(async () => {
  browser = await launchBrowser();
  const api = await apiAs(baseUrl, USERS.planner);
  const list = await api<ApiPlanList>('/api/plans');
  plans = await Promise.all(list.plans.map((p) => api<ApiPlan>(`/api/plans/${p.id}`)));
});

const bindingRows = (plan: ApiPlan) => plan.indicators.filter((r) => r.nature === 'binding');

async function signedInPage(viewport?: typeof PHONE, isMobile = false): Promise<WatchedPage> {
  const watched = await openPage(browser, baseUrl, viewport, { isMobile });
  await signInContext(watched, USERS.planner);
  return watched;
}
afterAll(() => browser?.close());

describe('plan indicator table', () => {
  it('opens on the first plan and shows its rows as the API has them, the target read on hover', async () => {
    const watched = await signedInPage();
    const view = new PlanTablePage(watched.page);
    await watched.page.goto('/plans');
    await view.waitForRows();
    const plan = plans[0]!;
    expect(await view.title().innerText()).toBe(plan.title);
    expect(await view.rows().count()).toBe(plan.indicators.length);

    const row = plan.indicators.find((r) => r.parent === null && r.target.value !== undefined)!;
    const cells = await view.rowTexts(row.name);
    // An empty cell where the plan prints no baseline.
    expect(cells).toContain(row.baseline?.text ?? '');
    expect(cells).toContain(row.target.text);
    expect(await view.targetMeaning(row.name)).toMatch(new RegExp(`^解读：.*${row.target.value}`));
    await watched.screenshot('plan-table-1366');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('filters binding indicators and exports exactly what is shown to Excel', async () => {
    // Another plan than the first, so that choosing it changes the address.
    const plan = plans.slice(1).reduce((a, b) => (bindingRows(b).length > bindingRows(a).length ? b : a));
    const binding = bindingRows(plan);
    const watched = await signedInPage();
    const view = new PlanTablePage(watched.page);
    await watched.page.goto('/plans');
    await view.waitForRows();
    await view.choosePlan(plan.title);
    await view.title().filter({ hasText: plan.title }).waitFor();
    await view.filterNature('约束性');
    expect(await view.rowCount().innerText()).toBe(`显示 ${binding.length} / ${plan.indicators.length} 项`);
    expect(await view.rows().count()).toBe(binding.length);
    expect(watched.page.url()).toBe(`${baseUrl}/plans/${plan.id}`);

    const download = await view.exportXlsx();
    const workbook = new ExcelJS.Workbook();
    // exceljs' types predate Node's typed Buffer.
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(binding.length + 1);
    expect(sheet.getRow(1).getCell(7).text).toBe('目标解读');
    expect(sheet.getColumn(3).values.slice(2).map(String)).toEqual(binding.map((r) => r.name));
    expect(sheet.getColumn(8).values.slice(2)).toEqual(binding.map(() => '约束性'));
    await watched.screenshot('plan-table-binding-1366');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('shows a year’s assessment as the API has it: actuals, status tags, binding summary, status filter and export', async () => {
    const plan = plans.find((p) => p.region.code === '320612')!;
    const api = await apiAs(baseUrl, USERS.planner);
    const assessment = await api<ApiAssessment>(`/api/plans/${plan.id}/assessment?year=2024`);
    const watched = await signedInPage();
    const view = new PlanTablePage(watched.page);
    await watched.page.goto(`/plans/${plan.id}`);
    await view.waitForRows();
    await view.chooseYear(2024);
    expect(await view.statuses()).toEqual(assessment.rows.map((r) => r.assessment.status));
    expect(await view.bindingSummary().innerText()).toBe(
      `约束性指标 ${assessment.binding.total} 项，进度滞后 ${assessment.binding.offTrack} 项`,
    );
    // 人均期望寿命 is computed from the demo records each year: the cell shows the figure to two decimals.
    const life = assessment.rows.find((r) => r.name === '人均期望寿命')!;
    const value = life.actuals.find((a) => a.year === 2024)!.chosen!;
    expect(value.source).toBe('computed');
    expect(await view.actual('人均期望寿命', 2024)).toBe(String(Number(value.value.toFixed(2))));

    await view.filterStatus('进度滞后');
    const offTrack = assessment.rows.filter((r) => r.assessment.status === 'off-track');
    expect(offTrack.length).toBe(assessment.counts['off-track']);
    expect(await view.rows().count()).toBe(offTrack.length);
    expect(await view.rowCount().innerText()).toBe(`显示 ${offTrack.length} / ${plan.indicators.length} 项`);
    await watched.screenshot('plan-table-assessment-1366');

    const download = await view.exportXlsx();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    expect(header.slice(-4)).toEqual(['2024 年实际值', '评估状态', '评估说明', '2025 年预测']);
    expect(sheet.getColumn(3).values.slice(2).map(String)).toEqual(
      offTrack.map((r) => {
        const row = plan.indicators[r.position]!;
        return row.marks.length ? `${row.name} ${row.marks.join('')}` : row.name;
      }),
    );
    expect(sheet.getColumn(header.indexOf('评估状态')).values.slice(2)).toEqual(
      offTrack.map(() => '进度滞后'),
    );
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('speaks English when asked and remembers it', async () => {
    const watched = await signedInPage();
    const shell = new AppShell(watched.page);
    const view = new PlanTablePage(watched.page);
    await watched.page.goto('/plans');
    await view.waitForRows();
    await shell.switchLanguage('EN');
    await shell.header().getByText('Weijian · Plan monitoring').waitFor();
    expect((await view.columnTitles()).slice(0, 8)).toEqual([
      'Domain',
      'No.',
      'Indicator',
      'Unit',
      'Baseline',
      'Target',
      'Nature',
      'Status',
    ]);
    await watched.page.reload();
    await view.waitForRows();
    expect(await view.rowCount().innerText()).toMatch(/^\d+ of \d+ shown$/);
    await watched.screenshot('plan-table-en-1366');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('fits a phone screen: the table scrolls inside the page, the page does not', async () => {
    const watched = await signedInPage(PHONE, true);
    const view = new PlanTablePage(watched.page);
    await watched.page.goto('/plans');
    await view.waitForRows();
    const overflow = await watched.page.evaluate<number>('document.documentElement.scrollWidth - innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await watched.screenshot('plan-table-390');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });
});
