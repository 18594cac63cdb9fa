// First view of the web app: how soon the overview is usable in Debian's Chromium, and how much JavaScript
// it ships — the browser test checks the page works and the size; the time is measured here.
import { gzipSync } from 'node:zlib';
import type { Response } from 'playwright-core';
import { launchBrowser, openPage } from '../e2e/support/browser.js';
import { OverviewPage } from '../e2e/pages/overview-page.js';
import { SESSION_COOKIE } from '../src/api/auth.js';
import { buildWebIfStale } from '../web/build-if-stale.js';
import type { Bench } from './main.js';
import { loadAverage, parseOptions, prepare, startServer } from './_server.js';

interface View {
  /** Navigation start to the overview's figures on screen (status counts, list, key figures), page clock. */
  interactiveMs: number;
  /** … to every key figure's sparkline drawn (ECharts loads after the figures). */
  chartsMs: number;
  /** Gzipped size of every script the view loaded (level 9, what a compressing proxy would send). */
  scriptsGzipBytes: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const bench: Bench = async (args) => {
  const { options, option } = parseOptions(args, { residents: 20_000 });
  const runs = Number(option('runs', '5'));
  buildWebIfStale();
  const prepared = await prepare(options);
  const server = await startServer(prepared.env, options.port);
  const browser = await launchBrowser();
  const views: View[] = [];
  const loadBefore = loadAverage();
  try {
    // Each view in a fresh browser context: nothing cached, as a user's first visit of the day.
    for (let run = 0; run < runs; run++) {
      const watched = await openPage(browser, server.url);
      await watched.context.addCookies([
        { name: SESSION_COOKIE, value: prepared.fixture.session, url: server.url },
      ]);
      const scripts: Response[] = [];
      watched.page.on('response', (r) => {
        if (r.request().resourceType() === 'script') scripts.push(r);
      });
      await watched.page.goto('/');
      const overview = new OverviewPage(watched.page);
      await overview.waitForReady();
      const interactiveMs = await watched.page.evaluate<number>('performance.now()');
      await overview.waitForSparklines();
      const chartsMs = await watched.page.evaluate<number>('performance.now()');
      const sizes = await Promise.all(
        scripts.map(async (r) => gzipSync(await r.body(), { level: 9 }).length),
      );
      if (watched.problems.length) throw new Error(`the overview failed: ${watched.problems.join('; ')}`);
      views.push({ interactiveMs, chartsMs, scriptsGzipBytes: sizes.reduce((a, b) => a + b, 0) });
      await watched.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    await prepared.dispose();
  }
  const round = (ms: number) => Math.round(ms);
  return {
    storage: prepared.storage,
    residents: prepared.fixture.residents,
    generateSeconds: prepared.generateSeconds,
    runs,
    interactiveMs: views.map((v) => round(v.interactiveMs)),
    interactiveMedianMs: round(median(views.map((v) => v.interactiveMs))),
    interactiveGoalMs: 2000,
    sparklinesMedianMs: round(median(views.map((v) => v.chartsMs))),
    javascriptGzipKB: Math.round(views[0]!.scriptsGzipBytes / 102.4) / 10,
    javascriptGoalKB: 600,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAverage(),
  };
};

export default bench;
