import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/db.js';
import {
  COUNTY,
  PEOPLE,
  PERSONAL_VALUES,
  seedResidentLookupCounty,
} from '../testing/resident-lookup-fixture.js';
import { runWeijian } from '../testing/cli.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'weijian-cli-residents-'));

const weijian = (args: string[]) => runWeijian(dataDir, args);

describe('weijian residents search and show (CLI, embedded database)', () => {
  beforeAll(async () => {
    const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    try {
      await seedResidentLookupCounty(database.db);
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('searches masked, shows a resident with the timeline, audits both as the OS user', async () => {
    const search = await weijian(['residents', 'search', '--county', COUNTY, '--q', '王']);
    expect(search.stderr).toBe('');
    expect(search.stdout.split('\n')).toEqual([
      '3 位居民 resident(s), page 1/1 (name)',
      '#1  王**  male  1950-04-12  3206**********0110  139****1111  金沙镇 一村',
      '#3  王**  male  2023-07-15  (no ID number)    金沙镇 一村',
      '#2  王*  female  1990-06-01  3206**********0220  137****2222  金沙镇 一村',
      '',
    ]);

    const show = await weijian(['residents', 'show', '--county', COUNTY, '3']);
    expect(show.stdout.split('\n')).toEqual([
      '#3  王**  male  2023-07-15  (no ID number)    金沙镇 一村',
      '3 条记录 record(s)',
      '2024-01-15  child-check  with eye screening  @ 金沙镇卫生院',
      '2023-08-15  immunization  HepB dose 2  @ 金沙镇卫生院',
      '2023-07-15  immunization  HepB dose 1  @ 金沙镇卫生院',
      '',
    ]);

    const json = await weijian(['residents', 'show', '--county', COUNTY, '1', '--json']);
    const shown = JSON.parse(json.stdout) as { resident: { idNumber: string }; timeline: { kind: string }[] };
    expect(shown.resident.idNumber).toBe('3206**********0110');
    expect(shown.timeline.map((e) => e.kind)).toEqual([
      'follow-up',
      'check-up',
      'encounter',
      'follow-up',
      'contract',
      'encounter',
      'referral',
      'immunization',
      'chronic-registration',
      'health-record',
    ]);
    for (const value of PERSONAL_VALUES)
      expect(search.stdout + show.stdout + json.stdout).not.toContain(value);

    const missing = await weijian(['residents', 'show', '--county', COUNTY, '999']);
    expect([missing.code, missing.stderr]).toEqual([1, `weijian: no resident 999 in county ${COUNTY}\n`]);

    const audit = await weijian(['audit', '--action', 'residents', '--json']);
    const rows = JSON.parse(audit.stdout) as {
      action: string;
      actor: string;
      resourceId: string | null;
      details: Record<string, unknown>;
    }[];
    expect(rows.map((r) => [r.action, r.resourceId])).toEqual([
      ['residents.timeline', '1'],
      ['residents.read', '1'],
      ['residents.timeline', '3'],
      ['residents.read', '3'],
      ['residents.search', null],
    ]);
    expect(new Set(rows.map((r) => r.actor))).toEqual(new Set([`cli:${userInfo().username}`]));
    expect(rows[0]!.details).toEqual({ entries: 10 });
    expect(rows[4]!.details).toEqual({ match: ['name'], total: 3, page: 1, residentIds: [1, 3, 2] });
    expect(audit.stdout).not.toContain(PEOPLE.xiaoming.name);
  }, 300_000);

  it('refuses bad options naming them', async () => {
    const bad = await weijian(['residents', 'search', '--county', '3206', '--page-size', '500']);
    expect([bad.code, bad.stderr]).toEqual([
      1,
      'weijian: --county must be a 6-digit county code, got "3206"\n',
    ]);
    const size = await weijian(['residents', 'search', '--county', COUNTY, '--page-size', '500']);
    expect(size.stderr).toBe('weijian: --page-size must be a whole number 1–100, got "500"\n');
  }, 120_000);
});
