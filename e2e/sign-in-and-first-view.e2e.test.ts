import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PlanTablePage } from './pages/plan-table-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { launchBrowser, openPage, signInContext } from './support/browser.js';
import { openFirstView } from './support/first-view.js';
import { USERS } from './support/server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('sign-in', () => {
  it('sends a visitor to sign in, shows a refusal as a message, then returns to the page asked for', async () => {
    const watched = await openPage(browser, baseUrl);
    const signIn = new SignInPage(watched.page);
    await watched.page.goto('/imports');
    await watched.page.waitForURL(/\/sign-in\?next=%2Fimports$/);
    await signIn.signIn(USERS.admin.username, 'Wrong-password-1');
    await signIn.errorMessage().waitFor();
    expect(await signIn.errorMessage().innerText()).toContain('401');
    await watched.screenshot('sign-in-1366');
    await signIn.signIn(USERS.admin.username, USERS.admin.password);
    await watched.page.waitForURL(/\/imports$/);
    await watched.page.getByTestId('user-menu').filter({ hasText: USERS.admin.username }).waitFor();
    // The refused attempt is the only failure: Chromium logs it as a console error too.
    expect(watched.problems.filter((p) => !p.includes('401'))).toEqual([]);
    expect(watched.problems.filter((p) => p.includes('401') && !p.startsWith('console'))).toEqual([
      `HTTP 401: ${baseUrl}/api/auth/sign-in`,
    ]);
    await watched.close();
  });

  it('signs out from the user menu', async () => {
    const watched = await openPage(browser, baseUrl);
    // A session of its own: signing out ends it.
    await signInContext(watched, USERS.planner, { fresh: true });
    await watched.page.goto('/plans');
    await new PlanTablePage(watched.page).waitForRows();
    // A planner imports no records: the menu offers what the role may do.
    expect(await watched.page.getByRole('menuitem').allInnerTexts()).toEqual([
      '概览',
      '规划指标',
      '指标对比',
      '数据填报',
      '任务清单',
      '监测报告',
      '数据导入',
    ]);
    await watched.page.getByTestId('user-menu').hover();
    await watched.page.getByText('退出登录').click();
    await watched.page.waitForURL(/\/sign-in/);
    expect(watched.problems).toEqual([]);
    await watched.close();
  });
});

describe('first view', () => {
  // The time to interactive (goal 2 s) is a benchmark's figure: `npm run bench -- web`.
  it('shows the figures, then the sparklines, and ships at most 600 kB of gzipped JavaScript', async () => {
    const watched = await openPage(browser, baseUrl);
    await signInContext(watched, USERS.planner);
    const { overview, interactiveMs, chartsMs, scripts: chunks } = await openFirstView(watched);
    const total = chunks.reduce((n, c) => n + c.gzip, 0);
    console.log(
      `first view (overview, demo county of ${process.env.WEIJIAN_DEMO_RESIDENTS ?? '5000'} residents): ` +
        `interactive in ${Math.round(interactiveMs)} ms, sparklines drawn at ${Math.round(chartsMs)} ms; ` +
        `JavaScript ${(total / 1024).toFixed(1)} kB gzipped (ECharts included)\n` +
        chunks
          .map(
            (c) => `  ${c.file}  ${(c.gzip / 1024).toFixed(1)} kB gz (sent ${(c.wire / 1024).toFixed(1)} kB)`,
          )
          .join('\n'),
    );
    expect(await overview.keyFigures().count()).toBeGreaterThan(0);
    expect(total).toBeLessThan(600 * 1024);
    expect(watched.problems).toEqual([]);
    await watched.close();
  });
});
