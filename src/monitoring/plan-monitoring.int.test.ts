import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/db.js';
import { backends } from '../testing/databases.js';
import { ROWS, seedMonitoringDemo, type SamplePlanIds } from '../testing/monitoring-fixture.js';
import { compareIndicator } from './compare.js';
import { monitorPlan, type PlanMonitoring } from './plan-monitoring.js';

/*
 * Statuses worked out by hand from the values seedMonitoringDemo enters (assessment year 2023, period 2021–2025,
 * path from the 2020 start to 2025 linear by year).
 */
describe.each(backends)('plan monitoring on $name', (backend) => {
  let database: Database;
  let ids: SamplePlanIds;
  let tongzhou: PlanMonitoring;
  beforeAll(async () => {
    database = await backend.open();
    ids = await seedMonitoringDemo(database.db);
    tongzhou = await monitorPlan(database.db, ids.tongzhou, 2023);
  });
  afterAll(async () => {
    await database.close();
  });
  const row = (m: PlanMonitoring, position: number) => m.rows.find((r) => r.position === position)!;

  it('通州 公共卫生人员 +50% over 2020: base from the 2020 computed value, on track', () => {
    const r = row(tongzhou, ROWS.tongzhou.publicHealthStaff);
    const a = r.assessment;
    // Goal 0.8 × 1.5 = 1.2; path 0.8 → 1.2 over 2020–2025, so 1.04 in 2023; actual 1.05: gap +0.01.
    expect(a.goal?.value).toBeCloseTo(1.2, 9);
    expect(a.goal?.base).toMatchObject({ year: 2020, value: 0.8, source: 'data' });
    expect(a.pathStart).toEqual({ year: 2020, value: 0.8, source: 'data' });
    expect(a.actual).toMatchObject({ year: 2023, value: 1.05, source: 'computed' });
    expect(a.expected).toBeCloseTo(1.04, 9);
    expect(a.gap).toBeCloseTo(0.01, 9);
    // Least squares over 2020–2023 (0.8, 0.9, 1.0, 1.05): slope 0.425 / 5 = 0.085, 2025 → 0.9375 + 0.085 × 3.5.
    expect(a.projection.value).toBeCloseTo(1.235, 9);
    expect(a.status).toBe('on-track');
  });

  it('江阴 sex ratio 103-107: two-sided, outside the range but within the band, at risk', async () => {
    const m = await monitorPlan(database.db, ids.jiangyin, 2023);
    const a = row(m, ROWS.jiangyin.sexRatio).assessment;
    // Baseline 104 is inside the range: the path stays at 104. 108.5 is 1.5 outside: gap 0 − 1.5.
    expect(a.better).toBeNull();
    expect(a.pathEnd).toBe(104);
    expect(a.gap).toBeCloseTo(-1.5, 9);
    // Band max(½ × 0, 2% × 104) = 2.08 ≥ 1.5; the trend (slope 1.55) projects 112.05, outside: at risk.
    expect(a.band).toBeCloseTo(2.08, 9);
    expect(a.projection.value).toBeCloseTo(112.05, 9);
    expect(a.status).toBe('at-risk');
  });

  it('泗阳 life expectancy 80左右: 79.2 is within ±1 of 80, achieved', async () => {
    const m = await monitorPlan(database.db, ids.siyang, 2023);
    const a = row(m, ROWS.siyang.lifeExpectancy).assessment;
    expect(a.target.kind).toBe('approx');
    expect(a.goal?.accept).toEqual({ min: 79, max: Infinity });
    expect(a.actual?.value).toBe(79.2);
    expect(a.status).toBe('achieved');
  });

  it('通州 药师 (binding, 0.54): behind the path beyond the band, off track and singled out', () => {
    const a = row(tongzhou, 13).assessment;
    // Path 0.40 → 0.54: 0.484 in 2023; gap 0.42 − 0.484 = −0.064; band max(½ × 0.084, 2% × 0.484) = 0.042.
    expect(a.binding).toBe(true);
    expect(a.expected).toBeCloseTo(0.484, 9);
    expect(a.gap).toBeCloseTo(-0.064, 9);
    expect(a.band).toBeCloseTo(0.042, 9);
    expect(a.projectionMeets).toBe(false);
    expect(a.status).toBe('off-track');
    expect(a.singledOut).toBe(true);
    expect(tongzhou.singledOut).toEqual([ROWS.tongzhou.pharmacists]);
    expect(tongzhou.binding.offTrack).toBe(1);
  });

  it('a computable row with no value is no-data; proportional and unset targets are not assessable', async () => {
    expect(row(tongzhou, ROWS.tongzhou.maternalMortality).assessment.status).toBe('no-data');
    expect(row(tongzhou, ROWS.tongzhou.healthyLifeExpectancy).assessment).toMatchObject({
      status: 'not-assessable',
      noGoal: 'proportional',
    });
    const baotou = await monitorPlan(database.db, ids.baotou, 2023);
    expect(row(baotou, ROWS.baotou.infantMortality).assessment).toMatchObject({
      status: 'not-assessable',
      noGoal: 'not-set',
    });
  });

  it('health literacy by hand: approved values only; the review table gives the 2020 baseline', () => {
    const r = row(tongzhou, ROWS.tongzhou.healthLiteracy);
    expect(r.computable).toBe(false);
    expect(r.baseline).toMatchObject({ year: 2020, value: 27.52, source: 'review-table' });
    // The 2023 value is only submitted: shown, not used, so 2022's 32 is the actual.
    const y2023 = r.actuals.find((a) => a.year === 2023)!;
    expect(y2023).toMatchObject({ chosen: null, manual: { value: 33, status: 'submitted' } });
    const a = r.assessment;
    expect(a.actual).toMatchObject({ year: 2022, value: 32, source: 'manual' });
    // Path 27.52 → 36: 27.52 + 2 × 8.48 / 5 = 30.912 in 2022; gap +1.088.
    expect(a.expected).toBeCloseTo(30.912, 9);
    expect(a.gap).toBeCloseTo(1.088, 9);
    expect(a.status).toBe('on-track');
    expect(a.notes.map((n) => n.en)).toContain('no 2023 value yet; the 2022 actual is used');
  });

  it('a computed value wins over a manual one, both visible', () => {
    const r = row(tongzhou, ROWS.tongzhou.lifeExpectancy);
    const y = r.actuals.find((a) => a.year === 2023)!;
    expect(y.chosen).toEqual({ value: 83.6, source: 'computed' });
    expect(y.computed?.value).toBe(83.6);
    expect(y.manual).toMatchObject({ value: 83, status: 'approved' });
    expect(r.assessment.status).toBe('achieved');
  });

  it('one value, no baseline, not meeting the target: at risk (nothing shows it off course)', () => {
    const a = row(tongzhou, ROWS.tongzhou.smoking).assessment;
    expect(a.actual?.value).toBe(23);
    expect(a.pathStart).toBeNull();
    expect(a.status).toBe('at-risk');
  });

  it('counts add up to the rows', () => {
    const total = Object.values(tongzhou.counts).reduce((s, n) => s + n, 0);
    expect(total).toBe(27);
    expect(tongzhou.counts).toMatchObject({ achieved: 1, 'on-track': 2, 'at-risk': 1, 'off-track': 1 });
  });

  it('compares health literacy across the plans that print it', async () => {
    const c = await compareIndicator(database.db, 'health-literacy-level');
    const byRegion = Object.fromEntries(c.entries.map((e) => [e.region.name, e]));
    const targets = Object.fromEntries(c.entries.map((e) => [e.region.name, e.target.text]));
    expect(targets).toEqual({ 通州区: '≥ 36', 泗阳县: '≥36', 江阴市: '36.5', 蓟州区: '31%' });
    expect(byRegion['江阴市']).toMatchObject({
      name: '居民健康素养水平',
      baseline: { value: 29.05 },
      latest: { year: 2023, value: 33.1, source: 'manual' },
    });
    expect(byRegion['通州区']!.latest).toEqual({ year: 2022, value: 32, source: 'manual' });
    // 2021 and 2022 approved; 2023 only submitted, so not an actual.
    expect(byRegion['通州区']!.actuals).toEqual([
      { year: 2021, value: 30, source: 'manual' },
      { year: 2022, value: 32, source: 'manual' },
    ]);
    expect(byRegion['蓟州区']!.actuals).toEqual([]);
    expect(byRegion['蓟州区']!.latest).toBeNull();
  });
});
