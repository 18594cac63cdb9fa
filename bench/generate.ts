// `npm run bench -- generate [--residents 2000000] [--seed 1] [--years 2020-2025] [--pglite] [--in-place]`: loads a synthetic
// county into a scratch PostgreSQL (BENCH_DATABASE_URL) or a temporary PGlite directory; reports seconds,
// rows per table, rows/s and the peak RSS sampled every 100 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { loadSyntheticCounty } from '../src/cli/generate.js';
import { openDatabase } from '../src/store/db.js';
import { openScratchPostgres } from '../src/testing/databases.js';
import { cpuMark, cpuSince, type CpuMark } from './_cpu.js';
import type { Bench } from './main.js';

const bench: Bench = async (args) => {
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
  };
  const residents = Number(option('residents', '2000000'));
  const [firstYear, lastYear] = option('years', '2020-2025').split('-').map(Number) as [number, number];
  const pglite = args.includes('--pglite');
  const dir = pglite ? mkdtempSync(path.join(tmpdir(), 'weijian-bench-')) : null;
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  // --in-place: load into BENCH_DATABASE_URL itself (migrated, kept afterwards) instead of a scratch
  // database beside it, e.g. a long 2 M run in a database of one's own.
  const database = dir
    ? await openDatabase({ dataDir: dir })
    : args.includes('--in-place')
      ? await openDatabase({ url })
      : await openScratchPostgres(url);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  let indexesFrom = 0;
  const loadBefore = loadavg().map((l) => Math.round(l * 10) / 10);
  const cpu = await cpuMark(database);
  let atIndexes: Promise<CpuMark> | null = null;
  try {
    const result = await loadSyntheticCounty(
      database,
      {
        countyCode: option('county', '320612'),
        residents,
        seed: Number(option('seed', '1')),
        firstYear,
        lastYear,
      },
      (p) => {
        if (p.stage && !indexesFrom) {
          indexesFrom = performance.now();
          atIndexes = cpuMark(database);
        }
      },
    );
    const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
    const used = await cpuSince(database, cpu);
    // CPU of generating and COPY alone (the rest is the index rebuild and the indicator rebuild).
    const copyCpu = atIndexes ? await cpuSince(database, cpu, await atIndexes) : null;
    return {
      storage: database.kind,
      residents,
      years: `${firstYear}-${lastYear}`,
      seconds: Math.round(result.seconds * 10) / 10,
      indexSeconds: indexesFrom ? Math.round((performance.now() - indexesFrom) / 100) / 10 : 0,
      stageSeconds: Object.fromEntries(
        Object.entries(result.stages).map(([stage, s]) => [stage, Math.round(s * 10) / 10]),
      ),
      ...used,
      copyStageCpu: copyCpu && { node: copyCpu.nodeCpuSeconds, backends: copyCpu.backendCpuSeconds },
      loadAverageBefore: loadBefore,
      rows,
      rowsPerSecond: Math.round(rows / result.seconds),
      peakRssMB: Math.round(peak / 1e6),
      rowsPerTable: result.rows,
    };
  } finally {
    clearInterval(sampler);
    await database.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
