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
  it('reads a seed plan uploaded through the page and shows its table as stored', async () => {
    const { watched, view } = await importsPage();
    await view.importPlan(seedPath('jizhou'));
    const api = await apiAs(baseUrl, USERS.admin);
    const listed = (await api<ApiPlanList>('/api/plans')).plans.find((p) => p.region.name === '蓟州区')!;
    const plan = await api<ApiPlan>(`/api/plans/${listed.id}`);
    const result = view.planResult();
    expect(await result.getByRole('link').innerText()).toBe(plan.title);
    expect(await result.getByTestId('import-rows').innerText()).toBe(String(plan.indicators.length));
    expect(await result.locator('tr.ant-table-row').count()).toBe(plan.indicators.length);
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
