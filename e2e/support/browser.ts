import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { sessionOf, type Account } from './server.js';

export const screenshotsDir = path.resolve(fileURLToPath(import.meta.url), '../../screenshots');

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

/** Debian's Chromium (installed by .ci/run): playwright-core downloads no browser of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A page that records every console error, uncaught exception and failed request, for the test to assert none. */
export interface WatchedPage {
  baseURL: string;
  context: BrowserContext;
  page: Page;
  problems: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
  options: { isMobile?: boolean } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    acceptDownloads: true,
    isMobile: options.isMobile,
    hasTouch: options.isMobile,
    deviceScaleFactor: 1,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs every 4xx; the 401 "no session yet" is expected (see the response watcher below).
    const noSessionYet =
      /status of 401/.test(message.text()) && message.location().url.endsWith('/api/auth/me');
    if (!noSessionYet) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    // Before signing in, 401 from /api/auth/me is the designed answer "no session", not a failure.
    const noSessionYet = response.status() === 401 && new URL(response.url()).pathname === '/api/auth/me';
    if (response.status() >= 400 && !noSessionYet)
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });

  mkdirSync(screenshotsDir, { recursive: true });
  return {
    baseURL,
    context,
    page,
    problems,
    async screenshot(name) {
      const file = path.join(screenshotsDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    close: () => context.close(),
  };
}

/**
 * Signs the page's browser context in: the account's session (one per test file, see `sessionOf`) as the
 * context's cookie; `fresh` for a session of its own. The sign-in page has its own test.
 */
export async function signInContext(watched: WatchedPage, user: Account, options: { fresh?: boolean } = {}) {
  const { cookie } = await sessionOf(watched.baseURL, user, options.fresh);
  await watched.context.addCookies(
    cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: watched.baseURL };
    }),
  );
}
