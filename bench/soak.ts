// `npm run bench -- soak [--minutes 10] [--interval 10] [--connections 50] [--residents 20000] [--postgres]
// [--data DIR]`: the load bench's server and mixed load (indicator reads and audited record lookups, 50
// connections) without a pause for ten minutes, the server's RSS sampled every 10 s. The trend is the
// least-squares slope of RSS on time, over all samples and over the second half (after caches and the JIT
// have settled): a leak shows as a slope that stays positive there.
import { availableParallelism } from 'node:os';
import { fitLinearTrend } from '../src/domain/plan/projection.js';
import type { Bench } from './main.js';
import { loadAverage, parseOptions, prepare, probe, rssMb, runLoad, startServer } from './_server.js';

interface Sample {
  minute: number;
  rssMb: number;
  loadAverage: number;
}

/** MB per minute, to 0.01, with the fit's r² (null with fewer than two samples). */
function trend(samples: Sample[]) {
  const fit = fitLinearTrend(samples.map((s) => ({ year: s.minute, value: s.rssMb })));
  return fit
    ? { slopeMbPerMin: Math.round(fit.slope * 100) / 100, r2: Math.round(fit.r2 * 100) / 100 }
    : null;
}

const bench: Bench = async (args) => {
  const { options, option } = parseOptions(args);
  const minutes = Number(option('minutes', '10'));
  const interval = Number(option('interval', '10'));
  const loadAverageBefore = loadAverage();
  const prepared = await prepare(options);
  try {
    const server = await startServer(prepared.env, options.port);
    try {
      await probe(server, prepared.fixture);
      const samples: Sample[] = [];
      const started = performance.now();
      const sample = () => {
        const minute = Math.round((performance.now() - started) / 600) / 100;
        samples.push({ minute, rssMb: rssMb(server.pid), loadAverage: loadAverage() });
        process.stderr.write(`${minute.toFixed(2)} min  RSS ${samples.at(-1)!.rssMb} MB\n`);
      };
      sample();
      const timer = setInterval(sample, interval * 1000);
      let figures;
      try {
        figures = await runLoad(server, prepared.fixture, 'mixed', minutes * 60, options.connections);
      } finally {
        clearInterval(timer);
      }
      sample();
      const rss = samples.map((s) => s.rssMb);
      return {
        storage: prepared.storage,
        residents: prepared.fixture.residents,
        cores: availableParallelism(),
        loadAverageBefore,
        minutes,
        intervalSeconds: interval,
        load: figures,
        rssFirstMb: rss[0],
        rssLastMb: rss.at(-1),
        rssMinMb: Math.min(...rss),
        rssMaxMb: Math.max(...rss),
        trendAll: trend(samples),
        trendSecondHalf: trend(samples.slice(Math.floor(samples.length / 2))),
        samples,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await prepared.dispose();
  }
};

export default bench;
