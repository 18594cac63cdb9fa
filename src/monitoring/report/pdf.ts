/**
 * PDF by printing the HTML report in headless Chromium (Debian's `chromium`, driven by playwright-core), so
 * the PDF is the HTML page exactly, with the CJK fonts fontconfig finds (Debian's `fonts-noto-cjk`): nothing
 * is downloaded at run time. WEIJIAN_CHROMIUM names another binary.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { WeijianError } from '../../domain/errors.js';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags for a closed network and a root user (the sandbox needs user namespaces containers often lack). */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium(): string | null {
  const configured = process.env.WEIJIAN_CHROMIUM;
  if (configured) return existsSync(configured) ? configured : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export async function htmlToPdf(html: string): Promise<Buffer> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new WeijianError(
      'report.no-chromium',
      'PDF reports need Chromium and CJK fonts: apt-get install chromium fonts-noto-cjk (or set WEIJIAN_CHROMIUM)',
      {},
      503,
    );
  }
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const page = await browser.newPage();
    // Everything is inline: refuse any request so a stray URL cannot reach the network.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
