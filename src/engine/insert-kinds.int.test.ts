import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../store/db.js';
import { chronicDiseaseFollowUps, familyDoctorContracts, healthCheckups } from '../store/schema/index.js';
import { backends } from '../testing/databases.js';
import { query } from './sql/bind.js';
import { C, COUNTY, openTinyCounty, refreshRolledBack } from './tiny-county.fixture.js';

/*
 * New follow-ups, check-ups and contracts (migration 0014) queue their person-years under their own kind,
 * and the refresh recomputes only what those records decide, keeping the rest of the stored row; a
 * changed one queues its person-year whole. Counts of the tiny county in 2023 (tiny-county.int.test.ts):
 * hypertension under management P1, P2, P3, standardized P1 (P2 has three face-to-face follow-ups and a
 * check-up), controlled P1 (145/85 at 73); elderly managed P1 of 600 (P9's form incomplete); priority
 * groups 11 (not P14), with a valid contract P1, P3, P9.
 */

const county = { countyCode: COUNTY, sourceSystem: 'kinds-test' };
const RATES = [
  'hypertension-standardized-management-rate',
  'hypertension-control-rate',
  'hypertension-diabetes-standardized-management-rate',
  'elderly-health-management-rate',
  'family-doctor-contract-coverage',
  'family-doctor-priority-group-coverage',
  'ehr-usage-rate',
];

describe.each(backends)('new records by kind on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTinyCounty(backend.open);
  });
  afterAll(() => database?.close());

  /** The county's 2023 rates as numerator/denominator. */
  const rates = (tx: Db) =>
    query<{ id: string; ratio: string }>(
      tx,
      `SELECT indicator_id AS id, numerator::text || '/' || denominator::text AS ratio FROM indicator_values
      WHERE county_code = :county AND year = 2023 AND quarter = 0 AND period_basis = 'calendar'
        AND region_code = :region AND indicator_id = ANY(:ids::text[])`,
      { county: COUNTY, region: C, ids: RATES },
    ).then((rows) => Object.fromEntries(rows.map((r) => [r.id, r.ratio])));

  it('recomputes the statuses a new follow-up, check-up or contract decides', async () => {
    const before = await rates(database.db);
    const { queued, report, after } = await refreshRolledBack(
      database,
      async (tx) => {
        // P2's fourth face-to-face hypertension follow-up, the latest of the year: standardized, and
        // controlled (130/80 at 63).
        await tx.insert(chronicDiseaseFollowUps).values({
          ...county, sourceId: 'fu', id: 100, registrationId: 2, followedUpOn: '2023-12-01',
          faceToFace: true, systolic: 130, diastolic: 80,
        }); // prettier-ignore
        // P9's complete elderly check-up: managed.
        await tx.insert(healthCheckups).values({
          ...county, sourceId: 'chk', residentId: 9, checkedOn: '2023-12-01', programme: 'elderly',
          lifestyleAssessment: true, physicalExamination: true, auxiliaryTests: true, healthGuidance: true,
          formComplete: true,
        }); // prettier-ignore
        // P14's contract listing a priority group: P14 joins the priority groups, with a valid contract.
        await tx.insert(familyDoctorContracts).values({
          ...county, sourceId: 'contract', id: 100, residentId: 14, startOn: '2023-03-01', endOn: '2024-02-28',
          priorityGroups: ['disabled'],
        }); // prettier-ignore
      },
      rates,
    );
    expect(queued).toEqual([
      { kind: 'checkup', key: 9, year: 2023 },
      { kind: 'contract', key: 14, year: 2023 },
      { kind: 'contract', key: 14, year: 2024 },
      { kind: 'follow_up', key: 2, year: 2023 },
    ]);
    expect(report.personYears).toBe(4);
    expect(before).toEqual({
      'hypertension-standardized-management-rate': '1/3',
      'hypertension-control-rate': '1/3',
      'hypertension-diabetes-standardized-management-rate': '2/4',
      'elderly-health-management-rate': '1/600',
      'family-doctor-contract-coverage': '4/3000',
      'family-doctor-priority-group-coverage': '3/11',
      'ehr-usage-rate': '6/7',
    });
    expect(after).toEqual({
      'hypertension-standardized-management-rate': '2/3',
      'hypertension-control-rate': '2/3',
      'hypertension-diabetes-standardized-management-rate': '3/4',
      'elderly-health-management-rate': '2/600',
      'family-doctor-contract-coverage': '4/3000',
      'family-doctor-priority-group-coverage': '4/12',
      'ehr-usage-rate': '6/7',
    });
  });

  it('queues a changed follow-up’s person-year whole', async () => {
    // P1's latest follow-up (2023-11-01) at 155/85: no longer controlled at 73 (not < 150).
    const { queued, after } = await refreshRolledBack(
      database,
      (tx) =>
        tx.update(chronicDiseaseFollowUps).set({ systolic: 155 }).where(eq(chronicDiseaseFollowUps.id, 4)),
      rates,
    );
    expect(queued).toEqual([{ kind: 'resident', key: 1, year: 2023 }]);
    expect(after['hypertension-control-rate']).toBe('0/3');
    expect(after['hypertension-standardized-management-rate']).toBe('1/3');
  });
});
