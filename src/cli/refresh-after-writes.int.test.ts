import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../engine/sql/bind.js';
import { C, COUNTY, openTinyCounty } from '../engine/tiny-county.fixture.js';
import { openDatabase } from '../store/db.js';
import { residentIdentifiers } from '../store/schema/index.js';
import { runWeijian } from '../testing/cli.js';

/*
 * `weijian import` and `weijian residents merge` refresh the indicators after their writes (import: unless
 * --no-refresh). The tiny
 * county in 2023 (tiny-county.int.test.ts): records used 6 of 7 (all open records but P3's), visits at
 * primary-care facilities 9 of 16; each visit of P3 at F2 adds one to both visit counts and makes P3's
 * record used.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'weijian-cli-import-'));
const pglite = path.join(dataDir, 'pglite');
const mergeDir = mkdtempSync(path.join(tmpdir(), 'weijian-cli-merge-'));

function visitFile(id: string, day: string): string {
  const file = path.join(dataDir, `${id}.ndjson`);
  const encounter = {
    resourceType: 'Encounter',
    id,
    meta: { source: 'his' },
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject: { reference: 'Patient/p3' },
    serviceProvider: { reference: 'Organization/F2' },
    period: { start: day },
  };
  writeFileSync(file, `${JSON.stringify(encounter)}\n`);
  return file;
}

async function stored(dir = pglite) {
  const database = await openDatabase({ dataDir: dir });
  try {
    const values = await query<{ id: string; ratio: string }>(
      database.db,
      `SELECT indicator_id AS id, numerator::text || '/' || denominator::text AS ratio FROM indicator_values
      WHERE county_code = :county AND year = 2023 AND quarter = 0 AND region_code = :region
        AND indicator_id IN ('ehr-usage-rate', 'primary-care-visit-share') ORDER BY 1`,
      { county: COUNTY, region: C },
    );
    const [queued] = await query<{ n: number }>(
      database.db,
      `SELECT count(*)::int AS n FROM indicator_dirty`,
    );
    return { values: values.map((v) => `${v.id} ${v.ratio}`), queued: queued!.n };
  } finally {
    await database.close();
  }
}

describe('indicators after weijian import and residents merge (CLI, embedded database)', () => {
  beforeAll(async () => {
    const database = await openTinyCounty(() => openDatabase({ dataDir: pglite }));
    try {
      await database.db
        .insert(residentIdentifiers)
        .values({ countyCode: COUNTY, system: 'source:his', value: 'p3', residentId: 3 });
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(mergeDir, { recursive: true, force: true });
  });

  it('leaves the indicators queued with --no-refresh, and refreshes them after the next import', async () => {
    const first = await runWeijian(dataDir, [
      'import',
      visitFile('v1', '2023-09-01'),
      '--county',
      COUNTY,
      '--no-refresh',
    ]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('v1.ndjson: read 1, written 1, rejected 0 (Encounter 1)\n');
    expect(await stored()).toEqual({
      values: ['ehr-usage-rate 6/7', 'primary-care-visit-share 9/16'],
      queued: 2, // P3's visit in 2023, the facility rollup's year
    });

    const second = await runWeijian(dataDir, ['import', visitFile('v2', '2023-09-02'), '--county', COUNTY]);
    expect(second.stderr).toBe('');
    expect(second.stdout).toMatch(
      new RegExp(
        `^v2.ndjson: read 1, written 1, rejected 0 \\(Encounter 1\\)\\n` +
          `指标已刷新 indicators refreshed: ${COUNTY}: \\d+ indicators, \\d+ values written, 0 removed, ` +
          `1 new visits applied in \\d+ ms\\n$`,
      ),
    );
    expect(await stored()).toEqual({
      values: ['ehr-usage-rate 7/7', 'primary-care-visit-share 11/18'],
      queued: 0,
    });
  }, 60_000);

  it("refreshes after a merge: P11's 2023 check-up now serves P3's open record", async () => {
    await (await openTinyCounty(() => openDatabase({ dataDir: path.join(mergeDir, 'pglite') }))).close();
    const merge = await runWeijian(mergeDir, [
      'residents',
      'merge',
      '--county',
      COUNTY,
      '--reason',
      'one person registered twice',
      '3',
      '11',
    ]);
    expect(merge.stderr).toBe('');
    expect(merge.stdout).toMatch(
      new RegExp(
        `\\n指标已刷新 indicators refreshed: ${COUNTY}: \\d+ indicators, \\d+ values written, \\d+ removed, \\d+ person-years refreshed in \\d+ ms\\n$`,
      ),
    );
    expect(await stored(path.join(mergeDir, 'pglite'))).toMatchObject({
      values: ['ehr-usage-rate 7/7', expect.any(String)],
      queued: 0,
    });
  }, 60_000);
});
