// `npm run bench -- load [--residents 20000|200000] [--seconds 20] [--connections 50] [--postgres | --url URL]
// [--data DIR] [--port N]`: the HTTP server (`weijian serve`, on loopback, request logging on) over the
// generated demo county, loaded by autocannon with 50 concurrent connections for a bounded time in three mixes:
// indicator reads (`GET /api/indicators?region=&year=`), record lookups (a resident's record and timeline,
// `GET /api/residents/:county/:id/timeline`, masked, one audit row per request), half of each, and reveals
// of the full identifiers (`POST /api/residents/:county/:id/reveal`, audited).
// Figures: requests/s, latency p50/p90/p99/max, errors, server RSS. The load generator shares the machine.
import { availableParallelism } from 'node:os';
import type { Bench } from './main.js';
import {
  loadAverage,
  parseOptions,
  prepare,
  probe,
  rssMb,
  runLoad,
  startServer,
  type LoadFigures,
  type Mix,
} from './_server.js';

const bench: Bench = async (args) => {
  const { options, option } = parseOptions(args);
  const seconds = Number(option('seconds', '20'));
  const loadAverageBefore = loadAverage();
  const prepared = await prepare(options);
  try {
    const server = await startServer(prepared.env, options.port);
    try {
      await probe(server, prepared.fixture);
      const rssAtStartMb = rssMb(server.pid);
      // A short warm-up: the first requests compile routes, schemas and query plans.
      await runLoad(server, prepared.fixture, 'mixed', 3, options.connections);
      const mixes: Partial<Record<Mix, LoadFigures & { loadAverageAfter: number }>> = {};
      for (const mix of ['indicators', 'records', 'mixed', 'reveal'] as const) {
        const figures = await runLoad(server, prepared.fixture, mix, seconds, options.connections);
        mixes[mix] = { ...figures, loadAverageAfter: loadAverage() };
      }
      return {
        storage: prepared.storage,
        residents: prepared.fixture.residents,
        generateSeconds: prepared.generateSeconds,
        cores: availableParallelism(),
        loadAverageBefore,
        rssAtStartMb,
        rssAfterMb: rssMb(server.pid),
        ...mixes,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await prepared.dispose();
  }
};

export default bench;
