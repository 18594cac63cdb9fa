import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/db.js';
import { encounters } from '../store/schema/index.js';
import { backends } from '../testing/databases.js';
import { refreshAfterBatch } from './refresh.js';
import { query } from './sql/bind.js';
import { COUNTY, openTinyCounty } from './tiny-county.fixture.js';

// PGlite is one session: its transactions never overlap. The race needs two, on PostgreSQL.
const postgres = backends.filter((b) => b.name === 'postgres');

/*
 * P9's record is used in 2023 by one service, check-up 3 (tiny-county.fixture.ts). A batch that adds a visit
 * of P9 in 2023 queues nothing: the person-year is stored as used (migration 0013). If another batch
 * deletes the check-up and refreshes while the visit's batch is still open, that refresh cannot see the
 * visit; it must wait for the batch to commit, or P9 would stay stored as unused with a visit in the year.
 */
describe.runIf(postgres.length)('a visit imported while a refresh removes the use it relies on', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTinyCounty(postgres[0]!.open);
  });
  afterAll(() => database?.close());

  const p9Used = async () =>
    (
      await query<{ used: number }>(
        database.db,
        `SELECT record_used AS used FROM indicator_person_years
        WHERE county_code = :county AND year = 2023 AND resident_id = 9`,
        { county: COUNTY },
      )
    )[0]!.used;

  it('holds the refresh until the visit is committed, and the record stays used', async () => {
    expect(await p9Used()).toBe(1);
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let inserted!: () => void;
    const visitWritten = new Promise<void>((resolve) => (inserted = resolve));
    const visitBatch = database.db.transaction(async (tx) => {
      await tx.insert(encounters).values({
        countyCode: COUNTY,
        sourceSystem: 'race-test',
        sourceId: 'p9-visit',
        residentId: 9,
        patientCountyCode: COUNTY,
        facilityId: 2,
        facilityCountyCode: COUNTY,
        class: 'outpatient',
        startDate: '2023-10-01',
      });
      inserted();
      await held;
    });
    await visitWritten;

    const events: string[] = [];
    await query(database.db, `DELETE FROM health_checkups WHERE county_code = :county AND id = 3`, {
      county: COUNTY,
    });
    const refresh = refreshAfterBatch(database.db, COUNTY).then(() => events.push('refreshed'));
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(events, 'the refresh waits for the open batch with visits').toEqual([]);
    } finally {
      events.push('visit committed');
      commit();
      await visitBatch;
    }
    await refresh;
    expect(events).toEqual(['visit committed', 'refreshed']);
    await refreshAfterBatch(database.db, COUNTY);
    expect(await p9Used()).toBe(1);
  });

  it('holds an encounter batch before it writes the facility rollup while a rebuild has the county', async () => {
    // A rebuild holds the county and is about to clear the year's encounter rollup (CLEAR_ENCOUNTERS): an
    // import that had already updated those rows would deadlock with it.
    const events: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const countyLocked = new Promise<void>((resolve) => (locked = resolve));
    const rebuild = database.db.transaction(async (tx) => {
      await query(tx, `SELECT pg_advisory_xact_lock(hashtext('weijian.indicators'), hashtext(:county))`, {
        county: COUNTY,
      });
      locked();
      await released;
      await query(tx, `DELETE FROM indicator_facility_rollup WHERE county_code = :county AND year = 2023`, {
        county: COUNTY,
      });
      events.push('rebuild cleared the rollup');
    });
    await countyLocked;
    const batch = database.db
      .insert(encounters)
      .values({
        countyCode: COUNTY,
        sourceSystem: 'race-test',
        sourceId: 'f1-visit',
        facilityId: 1,
        facilityCountyCode: COUNTY,
        class: 'outpatient',
        startDate: '2023-11-01',
      })
      .then(() => events.push('batch written'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events, 'the batch waits for the rebuild').toEqual([]);
    release();
    await rebuild;
    await batch;
    expect(events).toEqual(['rebuild cleared the rollup', 'batch written']);
  });
});
