import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Builds the web app when web/dist is missing or older than any of its sources (or the lockfile), so that
 * `npm start` and the browser tests always serve the code in the tree without paying for a build each time.
 */
const webDir = path.dirname(fileURLToPath(import.meta.url));
const builtIndex = path.join(webDir, 'dist', 'index.html');

function newestMtime(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

export function buildWebIfStale(): boolean {
  const sources = ['src', 'index.html', 'vite.config.ts', '../package-lock.json'].map((p) =>
    path.join(webDir, p),
  );
  let builtAt = 0;
  try {
    builtAt = statSync(builtIndex).mtimeMs;
  } catch {
    // never built
  }
  if (builtAt > Math.max(...sources.map(newestMtime))) return false;
  // A child process with NODE_ENV=production: under vitest NODE_ENV is `test`, which would ship React's
  // development build.
  const vite = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin/vite.js',
  );
  execFileSync(process.execPath, [vite, 'build', webDir, '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  if (await buildWebIfStale())
    console.log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
