import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppShell } from './pages/app-shell.js';
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
import { apiAs, USERS } from './support/server.js';

const baseUrl = inject('baseUrl');
/** web/src/format/overview.ts */
const KEY_FIGURES = [
  'life-expectancy',
  'infant-mortality-rate',
  'maternal-mortality-rate',
  'physicians-per-1000',
  'beds-per-1000',
  'hypertension-standardized-management-rate',
  'elderly-health-management-rate',
  'family-doctor-contract-coverage',
];
let browser: Browser;
let api: Awaited<ReturnType<typeof apiAs>>;
let assessment: ApiAssessedPlan;
let tree: ApiRegionTree;
let year: number;

// The demo county 通州区 (320612) has records and a plan; its overview is the start page.
beforeAll(async () => {
  browser = await launchBrowser();
  api = await apiAs(baseUrl, USERS.planner);
  const plan = (await api<ApiPlanList>('/api/plans')).plans.find((p) => p.region.code === '320612')!;
  year = defaultYear(plan.period);
  assessment = await api<ApiAssessedPlan>(`/api/plans/${plan.id}/assessment?year=${year}`);
  tree = await api<ApiRegionTree>('/api/regions');
});
afterAll(() => browser?.close());

async function signedInPage(viewport?: typeof PHONE, isMobile = false): Promise<WatchedPage> {
  const watched = await openPage(browser, baseUrl, viewport, { isMobile });
  await signInContext(watched, USERS.planner);
  return watched;
}

/** The latest value of each key figure of a region, as the cards print it. */
async function figuresOf(region: string): Promise<Map<string, string>> {
  const { values } = await api<{ values: ApiIndicatorValue[] }>(
    `/api/indicators?region=${region}&year=${yearsFrom(2020, year)}&indicator=${KEY_FIGURES.join(',')}`,
  );
  const latest = new Map<string, string>();
  for (const v of values.sort((a, b) => a.year - b.year))
    if (v.value !== null) latest.set(v.indicatorId, shown(v.value, v.unit));
  return latest;
}

describe('overview', () => {
  it('opens after sign-in on the county: the plan’s status counts, binding rows off track first, key figures as the API has them', async () => {
    const watched = await signedInPage();
    const view = new OverviewPage(watched.page);
    await watched.page.goto('/');
    await watched.page.waitForURL(/\/overview$/);
    await view.waitForReady();
    expect(await view.regionTitle().innerText()).toBe('通州区');
    for (const [status, count] of Object.entries(assessment.counts))
      expect(await view.count(status)).toBe(count);
    expect(await view.bindingSummary().innerText()).toBe(
      `约束性指标 ${assessment.binding.total} 项，其中进度滞后 ${assessment.binding.offTrack} 项`,
    );
    // The demo county has binding rows off track (药师, 全科医生, 健康档案 on the small demo): they lead the list.
    expect(assessment.singledOut.length).toBeGreaterThan(0);
    const singledOut = assessment.singledOut.map((p) => assessment.rows[p]!.name);
    expect((await view.attentionNames()).slice(0, singledOut.length)).toEqual(singledOut);

    const expected = await figuresOf('320612000000');
    expect(await view.keyFigures().count()).toBe(KEY_FIGURES.length);
    for (const [id, text] of expected) expect(await view.figureValue(id)).toBe(text);
    // The plan's target and status beside a figure the plan has.
    const beds = assessment.rows.find((r) => r.indicatorId === 'beds-per-1000')!;
    const card = view.figure('beds-per-1000');
    expect(await card.getByTestId('key-figure-target').innerText()).toBe(
      `规划目标 ${beds.assessment.target.text}`,
    );
    expect(await card.getByTestId('status-tag').getAttribute('data-status')).toBe(beds.assessment.status);
    await view.waitForSparklines();
    await watched.screenshot('overview-1366');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('shows a town’s own computed figures beside the county’s value and the county plan’s target, unassessed', async () => {
    const county = tree.counties.find((c) => c.countyCode === '320612')!;
    const town = county.towns[0]!;
    const watched = await signedInPage();
    const view = new OverviewPage(watched.page);
    await watched.page.goto('/overview');
    await view.waitForReady();
    await view.chooseRegion(town.name);
    await view.regionTitle().filter({ hasText: town.name }).waitFor();
    await view.waitForReady();
    expect(watched.page.url()).toContain(`region=${town.code}`);
    expect(await view.townNote().innerText()).toContain(`下面是${town.name}的计算指标`);
    // No status counts: a town has no plan of its own.
    expect(await watched.page.getByTestId('status-summary').count()).toBe(0);

    const own = await figuresOf(town.code);
    const countyFigures = await figuresOf(county.code);
    expect(own.size).toBeGreaterThan(0);
    for (const [id, text] of own) {
      expect(await view.figureValue(id)).toBe(text);
      expect(await view.figure(id).getByTestId('key-figure-reference').innerText()).toBe(
        `通州区 ${countyFigures.get(id) ?? '—'}`,
      );
      expect(await view.figure(id).getByTestId('status-tag').count()).toBe(0);
    }
    await view.waitForSparklines();
    await watched.screenshot('overview-town-1366');

    await new AppShell(watched.page).switchLanguage('EN');
    await view.townNote().filter({ hasText: 'Towns have no plan of their own' }).waitFor();
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('shows a county that has a plan but no records: its plan’s counts, no key figures', async () => {
    const list = await api<ApiPlanList>('/api/plans');
    const jiangyin = list.plans.find((p) => p.region.code === '320281')!;
    const other = await api<ApiAssessedPlan>(
      `/api/plans/${jiangyin.id}/assessment?year=${defaultYear(jiangyin.period)}`,
    );
    const watched = await signedInPage();
    const view = new OverviewPage(watched.page);
    await watched.page.goto('/overview');
    await view.waitForReady();
    await view.chooseRegion('江阴市');
    await view.regionTitle().filter({ hasText: '江阴市' }).waitFor();
    await view.waitForReady();
    await watched.page.getByText('平台尚无江阴市的业务数据').waitFor();
    for (const [status, count] of Object.entries(other.counts)) expect(await view.count(status)).toBe(count);
    expect(await view.keyFigures().count()).toBe(0);
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('opens on the town of a user whose data scope is that town, and offers no other town', async () => {
    const watched = await openPage(browser, baseUrl);
    await signInContext(watched, USERS.doctor);
    const view = new OverviewPage(watched.page);
    await watched.page.goto('/');
    await view.waitForReady();
    // The family doctor's scope is 西亭镇 (320612101): the county is the tree's root, the town its one leaf.
    expect(await view.regionTitle().innerText()).toBe('西亭镇');
    await view.townNote().waitFor();
    await watched.page.getByTestId('region-select').click();
    expect(await watched.page.locator('.ant-select-tree-node-content-wrapper').allInnerTexts()).toEqual([
      '通州区',
      '西亭镇',
    ]);
    await watched.page.keyboard.press('Escape');
    const doctorApi = await apiAs(baseUrl, USERS.doctor);
    const { values } = await doctorApi<{ values: ApiIndicatorValue[] }>(
      `/api/indicators?region=320612101000&year=${year}&indicator=beds-per-1000`,
    );
    expect(await view.figureValue('beds-per-1000')).toBe(shown(values[0]!.value!, values[0]!.unit));
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('fits a phone screen', async () => {
    const watched = await signedInPage(PHONE, true);
    const view = new OverviewPage(watched.page);
    await watched.page.goto('/overview');
    await view.waitForReady();
    await view.waitForSparklines();
    const overflow = await watched.page.evaluate<number>('document.documentElement.scrollWidth - innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await watched.screenshot('overview-390');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });
});
