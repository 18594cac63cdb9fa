import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSyntheticCounty } from '../cli/generate.js';
import { readIndicators } from '../engine/read.js';
import { rebuildIndicators } from '../engine/refresh.js';
import type { Database } from '../store/db.js';
import { backends } from '../testing/databases.js';
import { enterManual, ROWS, storeSamplePlans } from '../testing/monitoring-fixture.js';
import { monitorPlan, type MonitoredRow, type PlanMonitoring } from './plan-monitoring.js';

/*
 * The loop the plans promise, on records rather than hand-picked values: a synthetic 通州 county is generated,
 * its indicators computed by the engine, and the 通州 plan assessed from them, beside hand-entered values for
 * what records cannot determine. The arithmetic of the path, gap and goal is redone here from the engine's
 * own figures, so a value lost or shifted on the way from the engine to the plan row fails the test.
 */
describe.each(backends)('monitoring the demo county on $name', (backend) => {
  let database: Database;
  let tongzhou: PlanMonitoring;
  let computed: Map<string, Map<number, number | null>>;
  beforeAll(async () => {
    database = await backend.open();
    const ids = await storeSamplePlans(database.db);
    await loadSyntheticCounty(database, {
      countyCode: '320612',
      residents: 3000,
      seed: 7,
      firstYear: 2020,
      lastYear: 2025,
    });
    await rebuildIndicators(database.db, '320612');
    await enterManual(database.db, ids.tongzhou, ROWS.tongzhou.healthLiteracy, 2023, 37.5, 'approved');
    tongzhou = await monitorPlan(database.db, ids.tongzhou, 2023);
    const values = await readIndicators(database.db, { region: '320612', years: [2020, 2021, 2022, 2023] });
    computed = new Map();
    for (const v of values) {
      const byYear = computed.get(v.indicatorId) ?? new Map<number, number | null>();
      byYear.set(v.year, v.value);
      computed.set(v.indicatorId, byYear);
    }
  }, 300_000);
  afterAll(async () => {
    await database?.close();
  });
  const row = (position: number): MonitoredRow => tongzhou.rows.find((r) => r.position === position)!;

  it('every computable row takes the engine’s county value of each year as its actual', () => {
    const checked = tongzhou.rows.filter((r) => r.computable && computed.has(r.indicatorId!));
    // Resources, services and outcomes of 通州's table that the records determine.
    expect(checked.length).toBeGreaterThanOrEqual(15);
    for (const r of checked) {
      for (const [year, value] of computed.get(r.indicatorId!)!) {
        const actual = r.actuals.find((a) => a.year === year);
        if (value === null) continue;
        expect(actual?.chosen, `${r.name} ${year}`).toMatchObject({ source: 'computed', value });
      }
    }
  });

  it('公共卫生人员 +50% over 2020: the base is the computed 2020 value, the path and gap follow from it', () => {
    const a = row(ROWS.tongzhou.publicHealthStaff).assessment;
    const byYear = computed.get('public-health-staff-per-1000')!;
    const base = byYear.get(2020)!;
    const actual = byYear.get(2023)!;
    expect(base).toBeGreaterThan(0);
    expect(a.goal?.base).toMatchObject({ year: 2020, value: base, source: 'data' });
    expect(a.goal?.value).toBeCloseTo(base * 1.5, 9);
    // Linear path 2020 → 2025: three fifths of the way in 2023.
    expect(a.expected).toBeCloseTo(base + (base * 1.5 - base) * (3 / 5), 9);
    expect(a.actual).toMatchObject({ year: 2023, value: actual, source: 'computed' });
    expect(a.gap).toBeCloseTo(actual - a.expected!, 9);
    expect(a.projection.points).toBe(4);
  });

  it('a hand-entered value where records cannot tell: 健康素养 37.5 ≥ 36 is achieved', () => {
    const r = row(ROWS.tongzhou.healthLiteracy);
    expect(r.computable).toBe(false);
    expect(r.assessment.actual).toMatchObject({ year: 2023, value: 37.5, source: 'manual' });
    expect(r.assessment.status).toBe('achieved');
  });

  it('a row nobody entered stays no-data, and 健康预期寿命 (same proportion) is not assessable', () => {
    expect(row(ROWS.tongzhou.smoking).assessment.status).toBe('no-data');
    expect(row(ROWS.tongzhou.healthyLifeExpectancy).assessment.status).toBe('not-assessable');
  });

  it('binding rows are counted and those off track singled out', () => {
    const binding = tongzhou.rows.filter((r) => r.assessment.binding);
    expect(binding.map((r) => r.position)).toEqual([13, 14, 18, 21, 25]);
    expect(tongzhou.binding.total).toBe(5);
    expect(tongzhou.singledOut).toEqual(
      binding.filter((r) => r.assessment.status === 'off-track').map((r) => r.position),
    );
    const total = Object.values(tongzhou.counts).reduce((s, n) => s + n, 0);
    expect(total).toBe(tongzhou.rows.length);
  });
});
