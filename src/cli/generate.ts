import { setImmediate as yieldToIo } from 'node:timers/promises';
import { Command } from 'commander';
import { WeijianError } from '../domain/errors.js';
import { rebuildIndicators } from '../engine/refresh.js';
import { generateCounty } from '../ingest/synthetic/county.js';
import { RowBuffer, type TableChunk } from '../ingest/synthetic/row-buffer.js';
import { ID_TABLES, TABLE_NAMES, type TableName } from '../ingest/synthetic/tables.js';
import {
  openBulkSession,
  suspendSecondaryIndexes,
  validateForeignKeys,
  type BulkSession,
  type ForeignKey,
} from '../store/bulk-copy.js';
import { openDefaultDatabase, type Database } from '../store/db.js';

export interface LoadOptions {
  countyCode: string;
  residents: number;
  seed: number;
  firstYear: number;
  lastYear: number;
  /** Delete the county's rows first instead of refusing a county that has data. */
  replace?: boolean;
}

export interface LoadProgress {
  /** People generated of `total` (children born in the period come on top). */
  done: number;
  total: number;
  rows: number;
  /** What is happening when no people are being generated (e.g. building indexes). */
  stage?: string;
}

export interface LoadResult {
  rows: Partial<Record<TableName, number>>;
  seconds: number;
  /**
   * Seconds per stage, for the bench: copy = generating and COPY together (they overlap); indicators = the
   * indicator rebuild with the foreign-key checks beside it.
   */
  stages: Record<'copy' | 'analyze' | 'indexes' | 'commit' | 'indicators', number>;
}

/** Buffered COPY text before it is handed to the writer; at most two batches wait for it. */
const BATCH_BYTES = 16 << 20;
const MAX_QUEUED = 2;

/**
 * Generates a synthetic county into the database in one transaction: streaming, chunked COPY on one
 * connection, ids assigned by the generator from the tables' sequences, sequences set after. Into a
 * database whose record tables are all empty, secondary indexes and foreign keys are dropped during the
 * load and rebuilt after it.
 */
export async function loadSyntheticCounty(
  database: Database,
  options: LoadOptions,
  onProgress: (p: LoadProgress) => void = () => {},
): Promise<LoadResult> {
  const started = performance.now();
  const session = await openBulkSession(database);
  const rows: Partial<Record<TableName, number>> = {};
  const stages: LoadResult['stages'] = { copy: 0, analyze: 0, indexes: 0, commit: 0, indicators: 0 };
  let mark = started;
  const lap = (stage: keyof typeof stages) => {
    const now = performance.now();
    stages[stage] += (now - mark) / 1000;
    mark = now;
  };
  let total = 0;
  try {
    await session.query('begin');
    // The indicator rollup triggers (migration 0002) skip a bulk load; the county is rebuilt after it.
    await session.query(`set local weijian.rollups = 'off'`);
    await clearCounty(session, options);
    const emptyDatabase = await allEmpty(session);
    const suspended = emptyDatabase
      ? await suspendSecondaryIndexes(session, TABLE_NAMES, { empty: true })
      : null;
    if (session.kind === 'postgres') {
      await session.query(`set local maintenance_work_mem = '512MB'`);
      await session.query(`set local work_mem = '256MB'`);
    }
    const idBases: Partial<Record<TableName, number>> = {};
    for (const t of ID_TABLES) {
      const sql = `select nextval(pg_get_serial_sequence('${t}', 'id')) as id`;
      idBases[t] = Number((await session.query<{ id: string }>(sql))[0]!.id);
    }

    const buffer = new RowBuffer();
    const generator = generateCounty({ ...options, idBases }, buffer);
    const queue: TableChunk[][] = [];
    let writing: Promise<void> | null = null;
    let failure: unknown = null;
    const write = async () => {
      for (let batch = queue.shift(); batch; batch = queue.shift()) {
        for (const chunk of batch) {
          await session.copyIn(chunk.table, chunk.columns, chunk.data, suspended?.truncated.has(chunk.table));
          rows[chunk.table] = (rows[chunk.table] ?? 0) + chunk.rows;
          total += chunk.rows;
        }
      }
    };
    // The writer runs while the generator goes on; its error is kept and rethrown here (then rolled back).
    const flush = async () => {
      queue.push(buffer.take());
      writing ??= write()
        .catch((error: unknown) => {
          failure ??= error;
          queue.length = 0;
        })
        .finally(() => (writing = null));
      while (queue.length >= MAX_QUEUED && writing) await writing;
      if (failure) throw failure;
    };
    let step = generator.next();
    for (; !step.done; step = generator.next()) {
      if (buffer.size >= BATCH_BYTES) await flush();
      // Let the socket drain between slices so PostgreSQL parses while the next slice is generated.
      else await yieldToIo();
      onProgress({ done: step.value, total: options.residents, rows: total });
    }
    await flush();
    while (writing) await writing;
    if (failure) throw failure;
    lap('copy');
    for (const [table, last] of step.value.last()) {
      // A table that got no rows gives its reserved id back.
      const value = last >= 1 ? `${last}` : '1, false';
      await session.query(`select setval(pg_get_serial_sequence('${table}', 'id'), ${value})`);
    }
    // Fresh statistics first: the foreign-key checks and everything after plan on them.
    for (const table of TABLE_NAMES) await session.query(`analyze ${table}`);
    lap('analyze');
    let deferred: ForeignKey[] = [];
    if (suspended) {
      onProgress({ done: options.residents, total: options.residents, rows: total, stage: 'indexes' });
      deferred = await suspended.restore({ deferForeignKeys: true });
    }
    lap('indexes');
    await session.query('commit');
    lap('commit');
    // The load ran with the rollup triggers off (they slow COPY 4–8×), so the county's indicators are
    // rebuilt once; the foreign keys restored NOT VALID are checked meanwhile on the load's connection.
    // PGlite has one connection (a transaction of the rebuild must not take in the checks): one after the other.
    const years = Array.from(
      { length: options.lastYear - options.firstYear + 1 },
      (_, i) => options.firstYear + i,
    );
    const rebuild = () => rebuildIndicators(database.db, options.countyCode, { years });
    if (session.kind === 'postgres') {
      await Promise.all([validateLoadedKeys(session, deferred), rebuild()]);
    } else {
      await validateLoadedKeys(session, deferred);
      await rebuild();
    }
    lap('indicators');
  } catch (error) {
    await session.query('rollback').catch(() => {});
    throw error;
  } finally {
    await session.release();
  }
  return { rows, seconds: (performance.now() - started) / 1000, stages };
}

/** The generated rows are consistent by construction: a key that does not hold is a generator bug. */
async function validateLoadedKeys(session: BulkSession, keys: readonly ForeignKey[]): Promise<void> {
  try {
    await validateForeignKeys(session, keys);
  } catch (error) {
    throw new WeijianError(
      'generate.foreign-key',
      `the county is loaded but a foreign key does not hold (a generator bug): ${(error as Error).message}`,
    );
  }
}

async function clearCounty(session: BulkSession, options: LoadOptions): Promise<void> {
  const found: string[] = [];
  for (const table of TABLE_NAMES) {
    const [row] = await session.query<{ any: boolean }>(
      `select exists (select 1 from ${table} where county_code = $1) as any`,
      [options.countyCode],
    );
    if (row?.any) found.push(table);
  }
  if (!found.length) return;
  if (!options.replace) {
    throw new WeijianError(
      'generate.county-not-empty',
      `county ${options.countyCode} already has data (${found.join(', ')}): use --replace to delete it first`,
      { field: 'county' },
      409,
    );
  }
  for (const table of [...TABLE_NAMES].reverse()) {
    await session.query(`delete from ${table} where county_code = $1`, [options.countyCode]);
  }
}

async function allEmpty(session: BulkSession): Promise<boolean> {
  for (const table of TABLE_NAMES) {
    const [row] = await session.query<{ any: boolean }>(`select exists (select 1 from ${table}) as any`);
    if (row?.any) return false;
  }
  return true;
}

/** A one-line progress bar on stderr (a plain line every 10% when stderr is not a terminal). */
export function progressBar(label: string): (p: LoadProgress) => void {
  const started = performance.now();
  let drawn = 0;
  let lastTenth = -1;
  return (p) => {
    const now = performance.now();
    const fraction = p.total ? p.done / p.total : 1;
    const text =
      `${label} ${(fraction * 100).toFixed(0).padStart(3)}% ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')}` +
      ` residents, ${(p.rows / 1e6).toFixed(1)} M rows, ${((now - started) / 1000).toFixed(0)} s` +
      (p.stage ? ` (${p.stage})` : '');
    if (process.stderr.isTTY) {
      if (now - drawn < 200 && fraction < 1 && !p.stage) return;
      drawn = now;
      const width = 24;
      const bar = '█'.repeat(Math.round(fraction * width)).padEnd(width, '░');
      process.stderr.write(`\r${bar} ${text}\x1b[K`);
    } else {
      const tenth = p.stage ? 11 : Math.floor(fraction * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      process.stderr.write(`${text}\n`);
    }
  };
}

function parseYears(text: string): [number, number] {
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(text);
  const first = Number(match?.[1]);
  const last = Number(match?.[2] ?? match?.[1]);
  if (!match || first < 1990 || last > 2090 || last < first) {
    throw new WeijianError('cli.invalid-years', `years must be YYYY or YYYY-YYYY, got "${text}"`, {
      field: 'years',
    });
  }
  return [first, last];
}

function positiveInteger(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    throw new WeijianError('cli.invalid-number', `${name} must be a non-negative integer, got "${text}"`, {
      field: name,
    });
  }
  return n;
}

export function generateCommand(): Command {
  return new Command('generate')
    .description('生成模拟县域数据 Generate a realistic synthetic county (deterministic for a seed)')
    .option('--residents <n>', 'people living in the county at the start', '10000')
    .option('--seed <s>', 'random seed: the same seed gives the same data', '1')
    .option('--county <code>', '6-digit county code (towns and villages are the real ones)', '320612')
    .option('--years <range>', 'years to generate, e.g. 2020-2025', '2020-2025')
    .option('--replace', "delete the county's existing rows first")
    .action(
      async (o: { residents: string; seed: string; county: string; years: string; replace?: boolean }) => {
        const [firstYear, lastYear] = parseYears(o.years);
        const options: LoadOptions = {
          countyCode: o.county,
          residents: positiveInteger('residents', o.residents),
          seed: positiveInteger('seed', o.seed),
          firstYear,
          lastYear,
          replace: o.replace,
        };
        const database = await openDefaultDatabase();
        try {
          const result = await loadSyntheticCounty(database, options, progressBar('生成 generate'));
          const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
          process.stderr.write('\n');
          console.log(
            `generated county ${options.countyCode}: ${total.toLocaleString('en')} rows in ${result.seconds.toFixed(1)} s`,
          );
        } finally {
          await database.close();
        }
      },
    );
}

/**
 * At first start, an embedded database without residents gets the demo county: 320612 通州区 (one of the
 * sample plans, so its plan rows can be compared with computed values), 20 000 residents by default (200 000, the full demo, takes minutes on PGlite);
 * `WEIJIAN_DEMO_RESIDENTS=0` skips it.
 */
export async function loadDemoCountyIfEmpty(database: Database): Promise<void> {
  const residents = Number(process.env.WEIJIAN_DEMO_RESIDENTS ?? 20_000);
  if (database.kind !== 'pglite' || !Number.isInteger(residents) || residents <= 0) return;
  const session = await openBulkSession(database);
  let empty: boolean;
  try {
    empty =
      (await session.query<{ any: boolean }>('select exists (select 1 from residents) as any'))[0]?.any ===
      false;
  } finally {
    await session.release();
  }
  if (!empty) return;
  console.log(
    `示例县 demo county: generating 320612 通州区 with ${residents.toLocaleString('en')} residents (WEIJIAN_DEMO_RESIDENTS=0 skips)`,
  );
  const result = await loadSyntheticCounty(
    database,
    { countyCode: '320612', residents, seed: 1, firstYear: 2020, lastYear: 2025 },
    progressBar('示例县 demo'),
  );
  process.stderr.write('\n');
  console.log(
    `示例县 demo county: ${Object.values(result.rows)
      .reduce((a, b) => a + b, 0)
      .toLocaleString('en')} rows in ${result.seconds.toFixed(0)} s`,
  );
}
