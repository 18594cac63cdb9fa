import { readFile } from 'node:fs/promises';
import { countyFrame } from '../src/testing/fhir-county.js';
import { seedPath } from '../src/testing/seeds.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ImportsPage } from './pages/imports-page.js';
import type { ApiPlan, ApiPlanList } from './support/api-types.js';
import { launchBrowser, openPage, signInContext, type WatchedPage } from './support/browser.js';
import { apiAs, USERS } from './support/server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function importsPage(): Promise<{ watched: WatchedPage; view: ImportsPage }> {
  const watched = await openPage(browser, baseUrl);
  await signInContext(watched, USERS.admin);
  await watched.page.goto('/imports');
  return { watched, view: new ImportsPage(watched.page) };
}

describe('imports', () => {
  it('previews a seed plan uploaded through the page, stores it only when confirmed, then shows it as stored', async () => {
    const { watched, view } = await importsPage();
    const api = await apiAs(baseUrl, USERS.admin);
    const stored = async () => {
      const listed = (await api<ApiPlanList>('/api/plans')).plans.find((p) => p.region.name === '蓟州区')!;
      return { listed, plan: await api<ApiPlan>(`/api/plans/${listed.id}`) };
    };
    // The demo data holds the five seed plans: this upload reads 蓟州区's again, and would update it.
    const before = await stored();
    await view.previewPlan(seedPath('jizhou'));
    const preview = view.previewResult();
    expect(await preview.locator('h5').innerText()).toBe(before.plan.title);
    expect(await preview.getByTestId('import-state').innerText()).toBe('将更新已有规划');
    expect(await preview.getByTestId('import-rows').innerText()).toBe(String(before.plan.indicators.length));
    expect(await preview.locator('tr.ant-table-row').count()).toBe(before.plan.indicators.length);
    const firstTarget = before.plan.indicators[0]!.target.text;
    expect(await preview.getByTestId('target-text').first().innerText()).toBe(firstTarget);
    await watched.screenshot('imports-plan-preview-1366');
    // Nothing stored by the preview.
    expect((await stored()).listed.updatedAt).toBe(before.listed.updatedAt);

    await view.confirmImport();
    const after = await stored();
    expect(after.listed.updatedAt).not.toBe(before.listed.updatedAt);
    expect(after.listed.id).toBe(before.listed.id);
    const result = view.planResult();
    expect(await result.getByRole('link').innerText()).toBe(after.plan.title);
    expect(await result.getByTestId('import-state').innerText()).toBe('已更新');
    expect(await result.getByTestId('import-rows').innerText()).toBe(String(after.plan.indicators.length));
    expect(await result.locator('tr.ant-table-row').count()).toBe(after.plan.indicators.length);
    await watched.screenshot('imports-plan-1366');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('imports FHIR records with progress, skips the invalid line and offers the error report', async () => {
    const { watched, view } = await importsPage();
    const resources = [...countyFrame()].slice(0, 12);
    const ndjson = [
      ...resources.map((r) => JSON.stringify(r)),
      '{"resourceType": "Patient", broken',
      '',
    ].join('\n');
    await view.importRecords(
      { name: 'county.ndjson', mimeType: 'application/fhir+ndjson', buffer: Buffer.from(ndjson) },
      true,
    );
    const cells = await view.recordsReport().locator('td').allInnerTexts();
    expect(cells.slice(0, 5)).toEqual(['county.ndjson', expect.any(String), '13', '12', '1']);
    // The regions written queue their population: the county's indicators are refreshed before the answer.
    expect(await view.indicatorsRefreshed().allInnerTexts()).toEqual([
      expect.stringMatching(/^指标已随导入刷新：320612，\d+ 项指标，用时 \d+ 毫秒$/),
    ]);
    const download = await view.downloadRejects();
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('文件,行,条目,字段,错误代码,原因');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^county\.ndjson,13,/);
    await watched.screenshot('imports-records-1366');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });
});
