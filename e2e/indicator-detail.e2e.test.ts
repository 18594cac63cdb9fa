import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IndicatorDetailPage } from './pages/indicator-detail-page.js';
import { OverviewPage } from './pages/overview-page.js';
import type { ApiPlanList } from './support/api-types.js';
import { launchBrowser, openPage, PHONE, signInContext, type WatchedPage } from './support/browser.js';
import {
  defaultYear,
  shown,
  yearsFrom,
  type ApiAssessedPlan,
  type ApiIndicatorValue,
  type ApiRegionTree,
} from './support/figures.js';
import { apiAs, sessionOf, USERS, type TestUser } from './support/server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let api: Awaited<ReturnType<typeof apiAs>>;
let planId: number;
let year: number;
let assessment: ApiAssessedPlan;

beforeAll(async () => {
  browser = await launchBrowser();
  api = await apiAs(baseUrl, USERS.planner);
  const plan = (await api<ApiPlanList>('/api/plans')).plans.find((p) => p.region.code === '320612')!;
  planId = plan.id;
  year = defaultYear(plan.period);
  assessment = await api<ApiAssessedPlan>(`/api/plans/${planId}/assessment?year=${year}`);
});
afterAll(() => browser?.close());

async function signedInPage(viewport?: typeof PHONE, isMobile = false): Promise<WatchedPage> {
  const watched = await openPage(browser, baseUrl, viewport, { isMobile });
  await signInContext(watched, USERS.planner);
  return watched;
}

/** A write through the API as `user`, with the session's CSRF token. */
async function postAs<T>(user: TestUser, apiPath: string, body: unknown): Promise<T> {
  const { cookie, csrfToken } = await sessionOf(baseUrl, user);
  const response = await fetch(`${baseUrl}${apiPath}`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${apiPath}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('indicator detail', () => {
  it('opens from the overview on a binding row off track: figures, trend, provenance and towns as the API has them', async () => {
    const row = assessment.rows[assessment.singledOut[0]!]!;
    const watched = await signedInPage();
    await watched.page.goto('/overview');
    const overview = new OverviewPage(watched.page);
    await overview.waitForReady();
    await watched.page.getByTestId('attention-link').filter({ hasText: row.name }).first().click();
    await watched.page.waitForURL(new RegExp(`/plans/${planId}/indicators/${row.position}$`));
    const view = new IndicatorDetailPage(watched.page);
    await view.waitForReady();
    expect(await view.title().innerText()).toBe(row.name);
    expect(await view.actual().innerText()).toBe(shown(row.assessment.actual!.value, row.unit));
    expect(await view.target().innerText()).toContain(row.assessment.target.text);
    const projected = row.assessment.projection.value;
    expect(await view.projection().innerText()).toBe(projected === null ? '—' : shown(projected, row.unit));
    await view.waitForChart();

    // Provenance: the county's computed values 2020 on, each with its fraction and definition version.
    const { values } = await api<{ values: ApiIndicatorValue[] }>(
      `/api/indicators?region=320612&year=${yearsFrom(2020, 2025)}&indicator=${row.indicatorId}`,
    );
    expect(values.length).toBeGreaterThan(0);
    const cells = await view.provenanceRows();
    expect(cells.map((c) => c.slice(0, 4))).toEqual(
      values.map((v) => [
        String(v.year),
        shown(v.value!, v.unit),
        shown(v.numerator!),
        shown(v.denominator!),
      ]),
    );
    expect(await view.definitionId().innerText()).toBe(
      `标准指标 ${row.indicatorId} · 第 ${values.at(-1)!.definition.version} 版`,
    );

    // By town, in the year of the actual: each town's own value, largest first.
    const actualYear = row.assessment.actual!.year;
    const tree = await api<ApiRegionTree>('/api/regions');
    const towns = tree.counties.find((c) => c.countyCode === '320612')!.towns;
    const townValues = await Promise.all(
      towns.map(async (t) => {
        const { values: v } = await api<{ values: ApiIndicatorValue[] }>(
          `/api/indicators?region=${t.code}&year=${actualYear}&indicator=${row.indicatorId}`,
        );
        return { name: t.name, value: v[0]?.value ?? null };
      }),
    );
    const ranked = townValues.filter((t) => t.value !== null).sort((a, b) => b.value! - a.value!);
    expect(await view.townBars()).toEqual(ranked.map((t) => `${t.name}=${t.value}`));
    await watched.screenshot('indicator-detail-1366');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('shows a hand-entered indicator’s entry history from the plan table', async () => {
    // 国家卫生乡镇数量占比: the records cannot determine it; a planner enters 2023 and submits it.
    const row = assessment.rows.find((r) => r.indicatorId === 'national-hygienic-towns-share')!;
    expect(row.computable).toBe(false);
    const created = await postAs<{ id: number }>(USERS.planner, `/api/plans/${planId}/manual-values`, {
      position: row.position,
      year: 2023,
      value: 42.5,
      source: '爱卫办 2023 年名单',
    });
    await postAs(USERS.planner, `/api/manual-values/${created.id}/submit`, { reason: null });

    const watched = await signedInPage();
    await watched.page.goto(`/plans/${planId}`);
    await watched.page.getByTestId('indicator-link').filter({ hasText: row.name }).first().click();
    await watched.page.waitForURL(new RegExp(`/plans/${planId}/indicators/${row.position}$`));
    const view = new IndicatorDetailPage(watched.page);
    await view.waitForReady();
    await view.waitForChart();
    const entry = view.historyYears().filter({ hasText: '2023 年' });
    await entry.waitFor();
    expect(await entry.locator('strong').first().innerText()).toBe('2023 年：42.5%（待审核）');
    const events = await entry.locator('tr.ant-table-row').allInnerTexts();
    expect(events.map((e) => e.split('\t').slice(1, 5))).toEqual([
      ['user:e2e-planner', '新建', '42.5%', '草稿'],
      ['user:e2e-planner', '提交', '42.5%', '待审核'],
    ]);
    // Not approved: the assessment does not count it, so the page shows no actual for the year assessed.
    expect(await view.actual().innerText()).toBe('—');
    await watched.screenshot('indicator-detail-manual-1366');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('fits a phone screen', async () => {
    const row = assessment.rows.find((r) => r.indicatorId === 'beds-per-1000')!;
    const watched = await signedInPage(PHONE, true);
    const view = new IndicatorDetailPage(watched.page);
    await watched.page.goto(`/plans/${planId}/indicators/${row.position}`);
    await view.waitForReady();
    await view.waitForChart();
    await view.townBars();
    const overflow = await watched.page.evaluate<number>('document.documentElement.scrollWidth - innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await watched.screenshot('indicator-detail-390');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });
});
