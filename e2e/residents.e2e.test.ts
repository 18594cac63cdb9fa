import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppShell } from './pages/app-shell.js';
import { ResidentsPage } from './pages/residents-page.js';
import { launchBrowser, openPage, signInContext, type WatchedPage } from './support/browser.js';
import { apiAs, USERS } from './support/server.js';

/** The parts of `/api/residents…` the test cross-checks. */
interface ApiResident {
  id: number;
  name: string;
  idNumber: string | null;
  phone: string | null;
  town: { code: string; name: string } | null;
}
interface ApiSearch {
  total: number;
  residents: ApiResident[];
}
interface ApiTimeline {
  entries: { kind: string; date: string }[];
}
interface ApiAuditEntry {
  action: string;
  resourceId: string | null;
  reason: string | null;
  outcome: string;
}

const baseUrl = inject('baseUrl');
const COUNTY = '320612';
const DOCTOR_TOWN = USERS.doctor.regionCode;
/** 二甲镇: a town of the demo county outside the doctor's. */
const OTHER_TOWN = '320612102';
let browser: Browser;
let doctorApi: Awaited<ReturnType<typeof apiAs>>;
let adminApi: Awaited<ReturnType<typeof apiAs>>;

beforeAll(async () => {
  browser = await launchBrowser();
  doctorApi = await apiAs(baseUrl, USERS.doctor);
  adminApi = await apiAs(baseUrl, USERS.admin);
});
afterAll(() => browser?.close());

async function signedInPage(user: { username: string; password: string }): Promise<WatchedPage> {
  const watched = await openPage(browser, baseUrl);
  await signInContext(watched, user);
  return watched;
}

/** A resident of the doctor's town with a timeline worth looking at (several kinds of records). */
async function richResident(): Promise<{ resident: ApiResident; timeline: ApiTimeline }> {
  const list = await doctorApi<ApiSearch>(`/api/residents?county=${COUNTY}&pageSize=100`);
  for (const resident of list.residents) {
    const timeline = await doctorApi<ApiTimeline>(`/api/residents/${COUNTY}/${resident.id}/timeline`);
    if (new Set(timeline.entries.map((e) => e.kind)).size >= 3 && resident.idNumber && resident.phone)
      return { resident, timeline };
  }
  throw new Error(`no resident of town ${DOCTOR_TOWN} with three kinds of records among the first 100`);
}

describe('resident lookup', () => {
  it('searches masked, opens a resident with the timeline the API has, reveals with a reason (audited)', async () => {
    const { resident, timeline } = await richResident();
    const everyone = await doctorApi<ApiSearch>(`/api/residents?county=${COUNTY}`);
    // Every resident the doctor sees lives in the doctor's town.
    expect(new Set(everyone.residents.map((r) => r.town?.code))).toEqual(new Set([`${DOCTOR_TOWN}000`]));

    const watched = await signedInPage(USERS.doctor);
    const view = new ResidentsPage(watched.page);
    await watched.page.goto('/residents');
    await view.rows().first().waitFor();
    expect(await view.total().innerText()).toBe(`共 ${everyone.total} 人`);

    await view.search(String(resident.id));
    await view.row(resident.id).waitFor();
    const cells = await view.rowTexts(resident.id);
    expect(cells).toEqual(
      expect.arrayContaining([String(resident.id), resident.name, resident.idNumber, resident.phone]),
    );
    expect(resident.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    await watched.screenshot('residents-search-1366');

    await view.open(resident.id);
    await watched.page.waitForURL(`**/residents/${COUNTY}/${resident.id}`);
    await view.entries().first().waitFor();
    expect(await view.timelineCount().innerText()).toBe(`共 ${timeline.entries.length} 条记录`);
    const shown = await view
      .entries()
      .evaluateAll((nodes) =>
        nodes.map((n) => ({ kind: n.getAttribute('data-kind'), date: n.getAttribute('data-date') })),
      );
    expect(shown).toEqual(timeline.entries.map(({ kind, date }) => ({ kind, date })));
    expect(await view.fact('身份证号')).toBe(resident.idNumber);
    await watched.screenshot('resident-timeline-1366');

    const revealed = watched.page.waitForResponse((r) => r.url().endsWith(`/${resident.id}/reveal`));
    await view.reveal('家庭医生签约核对身份');
    const full = (await (await revealed).json()) as { name: string; idNumber: string; phone: string };
    // The full values agree with the masked ones: same first and last four characters.
    expect(full.idNumber.slice(0, 4) + full.idNumber.slice(-4)).toBe(
      resident.idNumber!.slice(0, 4) + resident.idNumber!.slice(-4),
    );
    expect(await view.fact('身份证号')).toBe(full.idNumber);
    expect(await view.fact('手机号')).toBe(full.phone);
    expect(await view.fact('姓名')).toBe(full.name);
    await watched.screenshot('resident-revealed-1366');

    const { entries: rows } = await adminApi<{ entries: ApiAuditEntry[] }>(
      `/api/audit?action=residents.reveal&actor=user:${USERS.doctor.username}`,
    );
    expect(rows[0]).toMatchObject({
      resourceId: String(resident.id),
      reason: '家庭医生签约核对身份',
      outcome: 'ok',
    });
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('refuses a resident out of the doctor’s town with a clear page, asking nothing more', async () => {
    const other = await adminApi<ApiSearch>(`/api/residents?county=${COUNTY}&town=${OTHER_TOWN}&pageSize=1`);
    const outsider = other.residents[0]!;
    expect(outsider.town?.code).toBe(`${OTHER_TOWN}000`);

    const watched = await signedInPage(USERS.doctor);
    const view = new ResidentsPage(watched.page);
    const asked: string[] = [];
    watched.page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await watched.page.goto(`/residents/${COUNTY}/${outsider.id}`);
    await view.notFound().waitFor();
    expect(await view.notFound().innerText()).toContain('该居民不存在，或不在您的数据范围内。');
    expect(asked).not.toContain(`/api/residents/${COUNTY}/${outsider.id}/timeline`);
    await watched.screenshot('resident-refused-1366');
    // The one failure is the designed refusal: Chromium logs the 404 as a console error too.
    expect(watched.problems.sort()).toEqual(
      [
        'console: Failed to load resource: the server responded with a status of 404 (Not Found)',
        `HTTP 404: ${baseUrl}/api/residents/${COUNTY}/${outsider.id}`,
      ].sort(),
    );
    await watched.close();
  });

  it('shows the lookup only to roles with records:read, and reveal only to roles allowed to reveal', async () => {
    const admin = await signedInPage(USERS.admin);
    const someone = (await adminApi<ApiSearch>(`/api/residents?county=${COUNTY}&pageSize=1`)).residents[0]!;
    await admin.page.goto(`/residents/${COUNTY}/${someone.id}`);
    const view = new ResidentsPage(admin.page);
    await view.facts().waitFor();
    await view.entries().first().or(admin.page.getByText('暂无记录')).waitFor();
    expect(await view.revealButton().count()).toBe(0);
    expect(await admin.page.locator('.ant-menu-item', { hasText: '居民查询' }).count()).toBe(1);
    await new AppShell(admin.page).switchLanguage('EN');
    await admin.page.getByText(`Resident #${someone.id}`).waitFor();
    expect(await view.fact('ID number')).toBe(someone.idNumber ?? 'none');
    await admin.screenshot('resident-en-1366');
    expect(admin.problems).toEqual([]);
    await admin.close();

    const planner = await signedInPage(USERS.planner);
    await planner.page.goto('/plans');
    await planner.page.locator('.ant-menu-item').first().waitFor();
    expect(await planner.page.locator('.ant-menu-item', { hasText: '居民查询' }).count()).toBe(0);
    await planner.close();
  });
});
