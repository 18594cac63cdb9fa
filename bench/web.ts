// First view of the web app: how soon the overview is usable in Debian's Chromium, and how much JavaScript
// it ships — the browser test checks the page works and the size; the time is measured here.
import { launchBrowser, openPage } from '../e2e/support/browser.js';
import { openFirstView, type FirstView } from '../e2e/support/first-view.js';
import { SESSION_COOKIE } from '../src/api/auth.js';
import { buildWebIfStale } from '../web/build-if-stale.js';
import type { Bench } from './main.js';
import { loadAverage, parseOptions, prepare, startServer } from './_server.js';
import { median } from './_stats.js';

/** One view measured: its times and the gzipped size of every script it loaded (level 9). */
type View = Pick<FirstView, 'interactiveMs' | 'chartsMs'> & { scriptsGzipBytes: number };

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
      const { interactiveMs, chartsMs, scripts } = await openFirstView(watched);
      if (watched.problems.length) throw new Error(`the overview failed: ${watched.problems.join('; ')}`);
      views.push({ interactiveMs, chartsMs, scriptsGzipBytes: scripts.reduce((n, c) => n + c.gzip, 0) });
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
