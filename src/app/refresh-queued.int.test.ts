import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { C, COUNTY, openTinyCounty } from '../engine/tiny-county.fixture.js';
import { query } from '../engine/sql/bind.js';
import type { Database } from '../store/db.js';
import { encounters } from '../store/schema/index.js';
import { backends } from '../testing/databases.js';
import { refreshQueued } from './refresh-queued.js';

/*
 * The tiny county in 2023 (tiny-county.int.test.ts): open records P1, P2, P3, P4, P6, P9, P14 = 7, used all
 * but P3's = 6. A visit of P3 at F2 makes it 7 of 7.
 */
const usage = async (database: Database) =>
  (
    await query<{ ratio: string }>(
      database.db,
      `SELECT numerator::text || '/' || denominator::text AS ratio FROM indicator_values
      WHERE county_code = :county AND indicator_id = 'ehr-usage-rate' AND year = 2023 AND quarter = 0
        AND region_code = :region`,
      { county: COUNTY, region: C },
    )
  ).map((r) => r.ratio);

const P3_VISIT = {
  countyCode: COUNTY,
  sourceSystem: 'refresh-test',
  sourceId: 'p3-visit',
  residentId: 3,
  patientCountyCode: COUNTY,
  facilityId: 2,
  facilityCountyCode: COUNTY,
  class: 'outpatient' as const,
  startDate: '2023-09-01',
};

describe.each(backends)('refreshing the queued counties on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTinyCounty(backend.open);
  });
  afterAll(() => database?.close());

  it('refreshes nothing when nothing is queued', async () => {
    expect(await refreshQueued(database.db)).toEqual({ refreshed: [], busy: [] });
  });

  it('refreshes every county with queued work, each once, and empties the queue', async () => {
    expect(await usage(database)).toEqual(['6/7']);
    await database.db.insert(encounters).values(P3_VISIT);
    // Another county's queue (a county the platform holds nothing of yet): refreshed in the same pass.
    await query(
      database.db,
      `INSERT INTO indicator_dirty (county_code, kind, key, year) VALUES ('110101', 'population', 0, 2023)`,
    );
    const { refreshed, busy } = await refreshQueued(database.db);
    expect(busy).toEqual([]);
    expect(refreshed.map((r) => r.county)).toEqual(['110101', COUNTY]);
    expect(refreshed[1]!.report).toMatchObject({ visits: 1, personYears: 0 });
    expect(await usage(database)).toEqual(['7/7']);
    expect(await query(database.db, `SELECT * FROM indicator_dirty`)).toEqual([]);
    expect(await refreshQueued(database.db)).toEqual({ refreshed: [], busy: [] });
  });

  it.runIf(backend.name === 'postgres')(
    'leaves a county that an open batch of encounters holds for later, with skipBusy',
    async () => {
      let commit!: () => void;
      const held = new Promise<void>((resolve) => (commit = resolve));
      let written!: () => void;
      const open = new Promise<void>((resolve) => (written = resolve));
      const batch = database.db.transaction(async (tx) => {
        await tx.insert(encounters).values({ ...P3_VISIT, sourceId: 'p3-visit-2', startDate: '2023-09-02' });
        written();
        await held;
      });
      await open;
      const queue = (county: string) =>
        query(
          database.db,
          `INSERT INTO indicator_dirty (county_code, kind, key, year) VALUES (:county, 'population', 0, 2023)`,
          { county },
        );
      try {
        await queue('110101');
        await queue(COUNTY);
        // The county the batch holds is left; the other is refreshed all the same.
        const first = await refreshQueued(database.db, { skipBusy: true });
        expect(first.refreshed.map((r) => r.county)).toEqual(['110101']);
        expect(first.busy).toEqual([COUNTY]);
      } finally {
        commit();
        await batch;
      }
      const second = await refreshQueued(database.db, { skipBusy: true });
      expect(second.refreshed.map((r) => r.county)).toEqual([COUNTY]);
      expect(second.busy).toEqual([]);
    },
  );
});
