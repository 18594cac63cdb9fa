import { gzipSync } from 'node:zlib';
import type { Response } from 'playwright-core';
import { OverviewPage } from '../pages/overview-page.js';
import type { WatchedPage } from './browser.js';

/** A script the first view loaded: its path, gzipped size (level 9) and the bytes sent. */
export interface ScriptChunk {
  file: string;
  gzip: number;
  wire: number;
}

export interface FirstView {
  overview: OverviewPage;
  /** Navigation start to the overview's figures on screen (status counts, list, key figures), page clock. */
  interactiveMs: number;
  /** … to every key figure's sparkline drawn (ECharts loads after the figures). */
  chartsMs: number;
  scripts: ScriptChunk[];
}

/**
 * Opens the overview (`/`) in a signed-in page and measures it: shared by the browser test (which checks
 * the page and the JavaScript size) and `npm run bench -- web` (which reports the times).
 */
export async function openFirstView(watched: WatchedPage): Promise<FirstView> {
  const responses: Response[] = [];
  watched.page.on('response', (r) => {
    if (r.request().resourceType() === 'script') responses.push(r);
  });
  await watched.page.goto('/');
  const overview = new OverviewPage(watched.page);
  await overview.waitForReady();
  const interactiveMs = await watched.page.evaluate<number>('performance.now()');
  await overview.waitForSparklines();
  const chartsMs = await watched.page.evaluate<number>('performance.now()');
  const scripts = await Promise.all(
    responses.map(async (r) => ({
      file: new URL(r.url()).pathname,
      gzip: gzipSync(await r.body(), { level: 9 }).length,
      wire: Number((await r.allHeaders())['content-length'] ?? 0),
    })),
  );
  return { overview, interactiveMs, chartsMs, scripts };
}
