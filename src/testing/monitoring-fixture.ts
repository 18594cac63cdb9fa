import { storePlans } from '../app/import-plans.js';
import { readSamplePlans } from '../app/sample-data.js';
import { createManualValue, subjectOf, transitionManualValue } from '../monitoring/manual-values.js';
import { periodBasisOf } from '../monitoring/actuals.js';
import type { Actor } from '../monitoring/workflow.js';
import type { Db } from '../store/db.js';
import { indicatorValues } from '../store/schema/index.js';

export const planner: Actor = { id: 'zhang.planner', roles: ['planner'] };
export const approver: Actor = { id: 'li.approver', roles: ['approver'] };
export const admin: Actor = { id: 'wang.admin', roles: ['admin'] };

export type SamplePlanIds = Record<'tongzhou' | 'siyang' | 'jiangyin' | 'jizhou' | 'baotou', number>;

/** Main-table positions of the rows the monitoring tests check (samples/plans/*.json). */
export const ROWS = {
  tongzhou: {
    lifeExpectancy: 0,
    healthyLifeExpectancy: 1,
    maternalMortality: 2,
    healthLiteracy: 6,
    smoking: 7,
    pharmacists: 13,
    publicHealthStaff: 15,
  },
  siyang: { lifeExpectancy: 0 },
  jiangyin: { sexRatio: 4, healthLiteracy: 5 },
  baotou: { infantMortality: 1 },
} as const;

/** Stores the five sample plans (the seeds' structured facts), returning their ids by name. */
export async function storeSamplePlans(db: Db): Promise<SamplePlanIds> {
  const stored = await storePlans(db, readSamplePlans());
  const byCode = Object.fromEntries(stored.map((p) => [p.plan.region.code, p.id]));
  return {
    tongzhou: byCode['320612']!,
    siyang: byCode['321323']!,
    jiangyin: byCode['320281']!,
    jizhou: byCode['120119']!,
    baotou: byCode['150271']!,
  };
}

/** County-level yearly values as the engine writes them, hand-picked for the tests. */
export async function insertComputed(
  db: Db,
  county: string,
  indicatorId: string,
  values: Record<number, number>,
): Promise<void> {
  await db.insert(indicatorValues).values(
    Object.entries(values).map(([year, value]) => ({
      countyCode: county,
      indicatorId,
      regionCode: `${county}000000`,
      facilityId: 0,
      level: 'county' as const,
      year: Number(year),
      quarter: 0,
      periodBasis: periodBasisOf(indicatorId),
      numerator: String(value * 1000),
      denominator: '1000',
      value,
      definitionVersion: 1,
      populationBasis: 'resident-year-end',
    })),
  );
}

/** A manual value taken through the workflow to `status`. */
export async function enterManual(
  db: Db,
  planId: number,
  position: number,
  year: number,
  value: number,
  status: 'draft' | 'submitted' | 'approved',
): Promise<number> {
  const subject = await subjectOf(db, planId, position);
  const { id } = await createManualValue(db, planner, subject, {
    year,
    value,
    source: '2023年居民健康素养监测',
  });
  if (status !== 'draft') await transitionManualValue(db, planner, id, 'submit');
  if (status === 'approved') await transitionManualValue(db, approver, id, 'approve');
  return id;
}

/**
 * The demo data of the monitoring tests: the five plans, the demo county's (通州) computed values and
 * hand-entered ones, and a few other counties' values. Expected statuses are worked out in the tests.
 */
export async function seedMonitoringDemo(db: Db): Promise<SamplePlanIds> {
  const ids = await storeSamplePlans(db);
  await insertComputed(db, '320612', 'public-health-staff-per-1000', {
    2020: 0.8,
    2021: 0.9,
    2022: 1.0,
    2023: 1.05,
  });
  await insertComputed(db, '320612', 'pharmacists-per-1000', { 2020: 0.4, 2021: 0.41, 2023: 0.42 });
  await insertComputed(db, '320612', 'life-expectancy', { 2023: 83.6 });
  await insertComputed(db, '320281', 'sex-ratio-at-birth', { 2021: 106, 2022: 108, 2023: 108.5 });
  await insertComputed(db, '321323', 'life-expectancy', { 2020: 78.5, 2023: 79.2 });
  const t = ROWS.tongzhou;
  await enterManual(db, ids.tongzhou, t.healthLiteracy, 2021, 30, 'approved');
  await enterManual(db, ids.tongzhou, t.healthLiteracy, 2022, 32, 'approved');
  await enterManual(db, ids.tongzhou, t.healthLiteracy, 2023, 33, 'submitted');
  await enterManual(db, ids.tongzhou, t.smoking, 2023, 23, 'approved');
  // A manual figure beside a computed one: shown, not used.
  await enterManual(db, ids.tongzhou, t.lifeExpectancy, 2023, 83.0, 'approved');
  await enterManual(db, ids.jiangyin, ROWS.jiangyin.healthLiteracy, 2023, 33.1, 'approved');
  return ids;
}
