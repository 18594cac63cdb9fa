import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ComparePage } from './pages/compare-page.js';
import { launchBrowser, openPage, signInContext } from './support/browser.js';
import { shown } from './support/figures.js';
import { apiAs, USERS } from './support/server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

interface ApiComparison {
  indicator: { id: string; nameZh: string };
  entries: {
    planId: number;
    region: { name: string };
    name: string;
    unit: string | null;
    baseline: { text: string } | null;
    target: { text: string; description: { zh: string } };
    latest: { year: number; value: number; source: 'computed' | 'manual' } | null;
  }[];
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('comparison', () => {
  it('shows one indicator across every plan: baseline, target and latest actual as the API has them', async () => {
    const api = await apiAs(baseUrl, USERS.planner);
    const comparison = await api<ApiComparison>('/api/compare?indicator=beds-per-1000');
    // The five sample plans all print a beds-per-1 000 row; only 通州区 has records, hence an actual.
    expect(comparison.entries.length).toBeGreaterThanOrEqual(5);
    const watched = await openPage(browser, baseUrl);
    await signInContext(watched, USERS.planner);
    await watched.page.goto('/');
    await watched.page.getByRole('menuitem', { name: '指标对比' }).click();
    const view = new ComparePage(watched.page);
    await view.waitForReady();
    await view.chooseIndicator('床位', comparison.entries[0]!.name);
    await watched.page.waitForURL(/indicator=beds-per-1000/);
    await view.title().filter({ hasText: comparison.indicator.nameZh }).waitFor();
    await view.waitForRows(comparison.entries.length);
    const rows = await view.rows();
    expect(rows.map((r) => r.slice(0, 2))).toEqual(comparison.entries.map((e) => [e.region.name, e.name]));
    expect(rows.map((r) => [r[4], r[5], r[6]])).toEqual(
      comparison.entries.map((e) => [e.baseline?.text ?? '', e.target.text, e.target.description.zh]),
    );
    expect(rows.map((r) => r[7])).toEqual(
      comparison.entries.map((e) =>
        e.latest
          ? `${shown(e.latest.value, e.unit)}（${e.latest.year} 年，${e.latest.source === 'computed' ? '计算' : '填报'}）`
          : '',
      ),
    );
    expect(comparison.entries.filter((e) => e.latest).map((e) => e.region.name)).toEqual(['通州区']);
    await view.waitForChart();
    // 通州区's actuals by year, its target dashed beside them.
    await watched.page.locator('[data-testid="compare-trend"][data-drawn="true"] canvas').waitFor();
    await watched.screenshot('compare-1366');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });
});
