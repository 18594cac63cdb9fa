import {
  DEFINITIONS,
  type IndicatorDefinition,
  type RatioDefinition,
} from '../domain/indicators/definitions/index.js';
import type { Db } from '../store/db.js';
import type { DIRTY_KINDS } from '../store/schema/rollups.js';
import { computeAgeTable } from './age-tables.js';
import { CLEAR_ENCOUNTERS, INSERT_ENCOUNTER_ROWS, SELECT_ENCOUNTERS } from './build/encounters.js';
import { APPLY_VISITS, PERSON_KINDS, writePersonYears } from './build/person-years.js';
import { CLEAR_POPULATION, INSERT_CHILDCARE, INSERT_POPULATION } from './build/population.js';
import { CLEAR_RESOURCES, INSERT_RESOURCES } from './build/resources.js';
import {
  CLEAR_NOTIFIABLE,
  CLEAR_VITAL,
  INSERT_DEATHS_BY_AGE,
  INSERT_NOTIFIABLE,
  INSERT_VITAL,
} from './build/vital.js';
import { compileRatios } from './compile.js';
import { MEASURES, NOTIFIABLE_MEASURES, sourceOf } from './measures.js';
import { query, type ParamValue } from './sql/bind.js';
import { INDICATOR_YEARS } from './years.js';

type DirtyKind = (typeof DIRTY_KINDS)[number];

/** Hints from an import path that switched the triggers off (SET weijian.rollups = 'off'). */
export interface Touched {
  residentIds?: readonly number[];
  facilityIds?: readonly number[];
  years?: readonly number[];
}

export interface RefreshReport {
  /** Person-years recomputed by difference (0 on a rebuild, which recomputes them all). */
  personYears: number;
  /** Person-years given a new visit, not recomputed whole: their record's use applied, where open and unused. */
  visits: number;
  rebuilt: Partial<Record<'vital' | 'notifiable' | 'population' | 'resources', number[]>>;
  definitions: number;
  written: number;
  removed: number;
  milliseconds: number;
}

const termMeasures = (def: RatioDefinition) =>
  [def.numerator, def.denominator].flatMap((term) =>
    typeof term.measure === 'string' ? [term.measure] : term.measure,
  );

/** The person-year measures a definition reads, with the MCH twins (`…_mch`) it reads on the MCH basis. */
function personMeasuresOf(def: IndicatorDefinition): string[] {
  if (def.method !== 'ratio') return [];
  const person = termMeasures(def).filter((m) => sourceOf(m) === 'person');
  return [...person, ...person.map((m) => `${m}_mch`).filter((m) => MEASURES.has(m))];
}

/** The dirty kinds, other than the residents' (see personMeasuresOf), whose rollups a definition reads. */
function kindsOf(def: IndicatorDefinition): Set<DirtyKind> {
  if (def.method !== 'ratio') return new Set(['vital', 'population']);
  const kinds = new Set<DirtyKind>();
  for (const measure of termMeasures(def)) {
    const source = sourceOf(measure);
    if (source === 'region-events') {
      kinds.add((NOTIFIABLE_MEASURES as readonly string[]).includes(measure) ? 'notifiable' : 'vital');
    }
    if (source === 'population' || source === 'region-resolved') kinds.add('population');
    // Stocks follow staff, beds and facility rows ('resources'); encounters queue 'facility' alone.
    if (source === 'facility-stock') kinds.add('resources');
    if (source === 'facility-events') kinds.add('facility');
  }
  return kinds;
}

/**
 * The engine's statements are few and large, and their row estimates (CTEs over CTEs) far too high: JIT
 * compilation would cost seconds for nothing, and the default work_mem sends a rebuild's sorts to disk.
 * A database started with `weijian.max_work_mem` (PGlite, whose 2 GB address space holds its shared
 * buffers too: src/store/db.ts) gets no more than that.
 */
export async function tune(db: Db, workMem: string): Promise<void> {
  await query(db, `SET LOCAL jit = off`);
  await query(
    db,
    `SELECT set_config('work_mem', CASE WHEN cap IS NOT NULL AND pg_size_bytes(cap) < pg_size_bytes(:work_mem)
      THEN cap ELSE :work_mem END, true)
    FROM nullif(current_setting('weijian.max_work_mem', true), '') AS cap`,
    { work_mem: workMem },
  );
}

/**
 * One county's indicators are recomputed by one transaction at a time: a refresh waits for another's to
 * commit, then reads the rollups it wrote. Without it the second would compute values from rollups without
 * the first's rows, and both write: the values statement updates stored rows by their address, read once.
 * Without `wait`, it answers at once whether it got the lock.
 */
async function lockCounty(db: Db, countyCode: string, wait = true): Promise<boolean> {
  const params = { county_code: countyCode };
  if (wait) {
    await query(
      db,
      `SELECT pg_advisory_xact_lock(hashtext('weijian.indicators'), hashtext(:county_code))`,
      params,
    );
    return true;
  }
  const [row] = await query<{ locked: boolean }>(
    db,
    `SELECT pg_try_advisory_xact_lock(hashtext('weijian.indicators'), hashtext(:county_code)) AS locked`,
    params,
  );
  return row!.locked;
}

async function run(db: Db, statements: readonly string[], params: Record<string, ParamValue>) {
  for (const statement of statements) await query(db, statement, params);
}

function inRange(years: Iterable<number>): number[] {
  const wanted = new Set(years);
  return INDICATOR_YEARS.filter((y) => wanted.has(y));
}

const RATIOS = DEFINITIONS.filter((def): def is RatioDefinition => def.method === 'ratio');
/** All ratio definitions in one statement (compile.ts); the jobs choose which run for which years. */
const RATIO_VALUES = compileRatios(RATIOS);

/** Computes the given definitions for the years; returns the value rows written and removed. */
async function computeValues(
  db: Db,
  countyCode: string,
  jobs: ReadonlyArray<{ def: IndicatorDefinition; years: readonly number[] }>,
) {
  const pairs = jobs
    .filter((j) => j.def.method === 'ratio')
    .flatMap((j) => j.years.map((y) => [j.def.id, y] as const));
  let written = 0;
  let removed = 0;
  if (pairs.length) {
    // Its CTEs are estimated at a row or two where they hold thousands: left alone, the planner nests
    // loops over them and sorts to group. Hash joins and hash aggregates are right at every size here.
    await query(db, `SET LOCAL enable_nestloop = off`);
    await query(db, `SET LOCAL enable_sort = off`);
    const [result] = await query<{ written: number; removed: number }>(db, RATIO_VALUES, {
      county_code: countyCode,
      ids: pairs.map(([id]) => id),
      years: pairs.map(([, y]) => y),
    });
    await query(db, `SET LOCAL enable_nestloop = DEFAULT`);
    await query(db, `SET LOCAL enable_sort = DEFAULT`);
    written += result!.written;
    removed += result!.removed;
  }
  for (const { def, years } of jobs) {
    if (def.method === 'ratio' || !years.length) continue;
    const result = await computeAgeTable(db, def, countyCode, years);
    written += result.written;
    removed += result.removed;
  }
  return { written, removed };
}

interface Work {
  /** Years per dirty kind (0 expanded to every year). */
  years: Map<DirtyKind, Set<number>>;
  /** Person-years to recompute, as parallel arrays of resident ids, years and what queued them (PERSON_KINDS). */
  ids: number[];
  yrs: number[];
  kinds: number[];
  /** Person-years with a new visit and not recomputed whole (`visit` entries), likewise. */
  visitIds: number[];
  visitYrs: number[];
}

/** Takes the county's queue (and the hints) as the work of this refresh. */
async function claimWork(db: Db, countyCode: string, touched: Touched): Promise<Work> {
  const queued = await query<{ kind: DirtyKind; key: number; year: number }>(
    db,
    `DELETE FROM indicator_dirty WHERE county_code = :county_code RETURNING kind, key::float8 AS key, year`,
    { county_code: countyCode },
  );
  for (const id of touched.residentIds ?? []) {
    for (const year of touched.years ?? [0]) queued.push({ kind: 'resident', key: id, year });
  }
  if (touched.facilityIds?.length) {
    queued.push({ kind: 'resources', key: 0, year: 0 }, { kind: 'facility', key: 0, year: 0 });
  }
  for (const year of touched.years ?? []) {
    for (const kind of ['vital', 'notifiable', 'population', 'facility'] as const) {
      queued.push({ kind, key: 0, year });
    }
  }
  const years = new Map<DirtyKind, Set<number>>();
  /** Resident → year → PERSON_KINDS bits. */
  const residents = new Map<number, Map<number, number>>();
  const visits: { key: number; year: number }[] = [];
  const expand = (year: number) => (year === 0 ? INDICATOR_YEARS : [year]);
  for (const { kind, key, year } of queued) {
    if (kind === 'visit') {
      visits.push({ key, year });
      continue;
    }
    const set = years.get(kind) ?? new Set<number>();
    for (const y of expand(year)) set.add(y);
    years.set(kind, set);
    if (kind in PERSON_KINDS) {
      const byYear = residents.get(key) ?? new Map<number, number>();
      for (const y of inRange(expand(year))) {
        byYear.set(y, (byYear.get(y) ?? 0) | PERSON_KINDS[kind as keyof typeof PERSON_KINDS]);
      }
      residents.set(key, byYear);
    }
  }
  const pairs = [...residents].flatMap(([id, byYear]) =>
    [...byYear].map(([y, bits]) => [id, y, bits] as const),
  );
  // A person-year recomputed whole sees its visits there; years out of range have no person-years.
  const visited = visits.filter(
    ({ key, year }) =>
      INDICATOR_YEARS.includes(year) && !((residents.get(key)?.get(year) ?? 0) & PERSON_KINDS.resident),
  );
  return {
    years,
    ids: pairs.map(([id]) => id),
    yrs: pairs.map(([, y]) => y),
    kinds: pairs.map(([, , bits]) => bits),
    visitIds: visited.map((v) => v.key),
    visitYrs: visited.map((v) => v.year),
  };
}

/** The small rollups, recomputed for whole years when queued. */
const SMALL_ROLLUPS: Record<'vital' | 'notifiable' | 'population' | 'resources', readonly string[]> = {
  vital: [...CLEAR_VITAL, INSERT_VITAL, INSERT_DEATHS_BY_AGE],
  notifiable: [CLEAR_NOTIFIABLE, INSERT_NOTIFIABLE],
  population: [...CLEAR_POPULATION, INSERT_POPULATION, INSERT_CHILDCARE],
  resources: [CLEAR_RESOURCES, INSERT_RESOURCES],
};

/**
 * The definitions reading what changed, each with its years (and the next MCH year: Q4 opens it): the
 * queued kinds' years, and for person-year measures the years whose village sums moved (`moved`, measure →
 * years) — a batch that changes some statuses recomputes only the definitions reading them.
 */
function jobsFor(work: Work, moved: ReadonlyMap<string, ReadonlySet<number>>) {
  return DEFINITIONS.map((def) => {
    const wanted = new Set<number>();
    const changed = [
      ...[...kindsOf(def)].flatMap((kind) => [...(work.years.get(kind) ?? [])]),
      ...personMeasuresOf(def).flatMap((measure) => [...(moved.get(measure) ?? [])]),
    ];
    for (const y of changed) {
      wanted.add(y);
      if (def.period === 'mch') wanted.add(y + 1);
    }
    return { def, years: inRange(wanted) };
  }).filter((job) => job.years.length);
}

/**
 * Brings the county's indicators up to date after an import batch: call it right after the batch's commit,
 * or inside its transaction when no other batch writes encounters of the county meanwhile (each would hold
 * the county's lock in share mode, migration 0016, and wait for the other's). The statement triggers of
 * migration 0002 have already updated the encounter counts and queued what changed in indicator_dirty;
 * this recomputes the person-years of the queued residents (by difference), applies the queued new visits
 * (migration 0013), and recomputes the small rollups of the queued years and the values of the definitions
 * that read what moved (a person-year status whose village sums did not change recomputes nothing).
 * `touched` adds work by hand, for a loader that switched the triggers off.
 */
export async function refreshAfterBatch(
  db: Db,
  countyCode: string,
  touched: Touched = {},
): Promise<RefreshReport> {
  return (await refresh(db, countyCode, touched, true))!;
}

/**
 * refreshAfterBatch, or null at once when another transaction holds the county (one writing its
 * encounters, another refresh or a rebuild): a background refresher tries again later rather than wait
 * behind a long import.
 */
export function refreshUnlessBusy(db: Db, countyCode: string): Promise<RefreshReport | null> {
  return refresh(db, countyCode, {}, false);
}

async function refresh(
  db: Db,
  countyCode: string,
  touched: Touched,
  wait: boolean,
): Promise<RefreshReport | null> {
  const started = performance.now();
  return db.transaction(async (tx) => {
    if (!(await lockCounty(tx, countyCode, wait))) return null;
    await tune(tx, '16MB');
    const work = await claimWork(tx, countyCode, touched);
    const moved = new Map<string, Set<number>>();
    const move = async (statement: string, pairs: Record<'ids' | 'yrs', number[]> & { kinds?: number[] }) => {
      if (!pairs.ids.length) return;
      const sums = await query<{ measure: string; year: number }>(tx, statement, {
        county_code: countyCode,
        ...pairs,
      });
      for (const { measure, year } of sums) moved.set(measure, (moved.get(measure) ?? new Set()).add(year));
    };
    await move(writePersonYears('pairs'), { ids: work.ids, yrs: work.yrs, kinds: work.kinds });
    await move(APPLY_VISITS, { ids: work.visitIds, yrs: work.visitYrs });
    const rebuilt: RefreshReport['rebuilt'] = {};
    for (const [kind, statements] of Object.entries(SMALL_ROLLUPS) as [
      keyof typeof SMALL_ROLLUPS,
      string[],
    ][]) {
      // Staff and facility rows span years: any change recomputes them all.
      const years =
        kind === 'resources' && work.years.has(kind) ? INDICATOR_YEARS : inRange(work.years.get(kind) ?? []);
      if (!years.length) continue;
      await run(tx, statements, { county_code: countyCode, years });
      rebuilt[kind] = [...years];
    }
    const jobs = jobsFor(work, moved);
    const { written, removed } = await computeValues(tx, countyCode, jobs);
    return {
      personYears: work.ids.length,
      visits: work.visitIds.length,
      rebuilt,
      definitions: jobs.length,
      written,
      removed,
      milliseconds: Math.round(performance.now() - started),
    };
  });
}

/**
 * Recomputes every rollup and every value of the county for the years from the records (after a bulk
 * load with the triggers off, or a definition change). A rebuild of all years also empties the queue.
 */
export async function rebuildIndicators(
  db: Db,
  countyCode: string,
  options: { years?: readonly number[] } = {},
): Promise<RefreshReport> {
  const started = performance.now();
  const years = inRange(options.years ?? INDICATOR_YEARS);
  return db.transaction(async (tx) => {
    await lockCounty(tx, countyCode);
    await tune(tx, '256MB');
    const params = { county_code: countyCode, years };
    // A year at a time: one statement over six years held 1.2 M person-years of the 200 000 county in its
    // CTEs, some 1.2 GB of PGlite's 2 GB (docs/indicators.md).
    for (const year of years) await query(tx, writePersonYears('all'), { ...params, years: [year] });
    for (const statements of Object.values(SMALL_ROLLUPS)) await run(tx, statements, params);
    for (const year of years) {
      const rows = await query(tx, SELECT_ENCOUNTERS, { county_code: countyCode, year });
      const yearParams = { county_code: countyCode, year, rows: JSON.stringify(rows) };
      await run(tx, [CLEAR_ENCOUNTERS, INSERT_ENCOUNTER_ROWS], yearParams);
    }
    if (years.length === INDICATOR_YEARS.length) {
      await query(tx, `DELETE FROM indicator_dirty WHERE county_code = :county_code`, params);
    }
    const { written, removed } = await computeValues(
      tx,
      countyCode,
      DEFINITIONS.map((def) => ({ def, years })),
    );
    return {
      personYears: 0,
      visits: 0,
      rebuilt: { vital: years, notifiable: years, population: years, resources: years },
      definitions: DEFINITIONS.length,
      written,
      removed,
      milliseconds: Math.round(performance.now() - started),
    };
  });
}

/**
 * Recomputes every indicator value of the county for the years from the rollups as they stand (a
 * definition changed but reads no new measure); writes only the values that changed.
 */
export async function recomputeValues(
  db: Db,
  countyCode: string,
  options: { years?: readonly number[] } = {},
): Promise<RefreshReport> {
  const started = performance.now();
  const years = inRange(options.years ?? INDICATOR_YEARS);
  return db.transaction(async (tx) => {
    await lockCounty(tx, countyCode);
    await tune(tx, '64MB');
    const { written, removed } = await computeValues(
      tx,
      countyCode,
      DEFINITIONS.map((def) => ({ def, years })),
    );
    return {
      personYears: 0,
      visits: 0,
      rebuilt: {},
      definitions: DEFINITIONS.length,
      written,
      removed,
      milliseconds: Math.round(performance.now() - started),
    };
  });
}
