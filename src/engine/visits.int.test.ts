import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../store/db.js';
import { encounters, healthRecords } from '../store/schema/index.js';
import { backends } from '../testing/databases.js';
import { query } from './sql/bind.js';
import { C, COUNTY, openTinyCounty, refreshRolledBack, V12 } from './tiny-county.fixture.js';

/*
 * New visits (migration 0013): a visit of a person-year whose open record is not yet used is applied as
 * that use alone; one stored as used queues nothing; one of a person-year the batch changed otherwise is
 * seen by the whole recompute. Counts of the tiny county in 2023 (tiny-county.int.test.ts): open records
 * P1, P2, P3, P4, P6, P9, P14 = 7, used all but P3 = 6, standardized (used, sheet complete) 5 of the 3 000
 * residents; in V12 P3, P9, P14, used P9 and P14. P11 has no record, P2's record is used. Each case runs
 * in a transaction rolled back.
 */

const visit = (residentId: number, startDate: string) => ({
  countyCode: COUNTY,
  sourceSystem: 'visits-test',
  sourceId: `${residentId}-${startDate}`,
  residentId,
  patientCountyCode: COUNTY,
  facilityId: 2,
  facilityCountyCode: COUNTY,
  class: 'outpatient' as const,
  startDate,
});

describe.each(backends)('new visits on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTinyCounty(backend.open);
  });
  afterAll(() => database?.close());

  /** Runs the batch and the refresh (rolled back); the usage and standardized ratios they left. */
  async function batch(apply: (tx: Db) => Promise<unknown>) {
    const { queued, report, after } = await refreshRolledBack(database, apply, async (tx) => {
      const rows = await query<{ id: string; region: string; ratio: string }>(
        tx,
        `SELECT indicator_id AS id, region_code AS region, numerator::text || '/' || denominator::text AS ratio
        FROM indicator_values WHERE county_code = :county AND year = 2023 AND quarter = 0
          AND period_basis = 'calendar' AND indicator_id IN ('ehr-usage-rate', 'ehr-standardized-rate')
          AND region_code IN (:county_region, :village)`,
        { county: COUNTY, county_region: C, village: V12 },
      );
      return Object.fromEntries(rows.map((r) => [`${r.id} ${r.region}`, r.ratio]));
    });
    return { queued, report, ratios: after };
  }

  it('applies a visit of an unused open record as its use alone', async () => {
    const { queued, report, ratios } = await batch((tx) =>
      tx
        .insert(encounters)
        .values([
          visit(3, '2023-09-01'),
          visit(11, '2023-09-01'),
          visit(2, '2023-09-02'),
          visit(3, '2026-01-15'),
        ]),
    );
    // P11's is queued too (a concurrent batch might be giving P11 a record) and changes nothing; 2026 is
    // past the indicator years and not applied.
    expect(queued).toEqual([
      { kind: 'visit', key: 3, year: 2023 },
      { kind: 'visit', key: 3, year: 2026 },
      { kind: 'visit', key: 11, year: 2023 },
    ]);
    expect(report.visits).toBe(2);
    expect(report.personYears).toBe(0);
    expect(ratios).toEqual({
      [`ehr-usage-rate ${C}`]: '7/7',
      [`ehr-usage-rate ${V12}`]: '3/3',
      [`ehr-standardized-rate ${C}`]: '6/3000',
      [`ehr-standardized-rate ${V12}`]: '3/1000',
    });
  });

  it('leaves a visit to the whole recompute when the batch changed the person-year otherwise', async () => {
    const { queued, report, ratios } = await batch(async (tx) => {
      await tx.insert(encounters).values(visit(3, '2023-09-01'));
      // P3's sheet is no longer complete: used now, but not standardized.
      await tx.update(healthRecords).set({ hasPhone: false }).where(eq(healthRecords.residentId, 3));
    });
    expect(queued).toContainEqual({ kind: 'visit', key: 3, year: 2023 });
    expect(queued).toContainEqual({ kind: 'resident', key: 3, year: 0 });
    expect(report.visits).toBe(0);
    expect(report.personYears).toBe(6); // P3's years 2020–2025
    expect(ratios).toEqual({
      [`ehr-usage-rate ${C}`]: '7/7',
      [`ehr-usage-rate ${V12}`]: '3/3',
      [`ehr-standardized-rate ${C}`]: '5/3000',
      [`ehr-standardized-rate ${V12}`]: '2/1000',
    });
  });
});
