import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../testing/databases.js';
import { openBulkSession, suspendSecondaryIndexes, validateForeignKeys } from './bulk-copy.js';
import type { Database } from './db.js';

const county = '320612';
const text = (s: string) => new TextEncoder().encode(s);

describe.each(backends)('bulk copy on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('copies COPY-text blocks (UTF-8, nulls, escapes) split anywhere, in a transaction', async () => {
    const session = await openBulkSession(database);
    try {
      await session.query('begin');
      const rows = `${county}\t320612000000\t\\N\tcounty\t通州区\t\\N\n${county}\t320612001000\t320612000000\ttown\t金沙\\t街道\t\\N\n`;
      const bytes = text(rows);
      await session.copyIn(
        'regions',
        ['county_code', 'code', 'parent_code', 'level', 'name', 'urban_rural_code'],
        [bytes.subarray(0, 40), bytes.subarray(40)],
      );
      await session.query('commit');
      const stored = await session.query<{ code: string; parent_code: string | null; name: string }>(
        'select code, parent_code, name from regions where county_code = $1 order by code',
        [county],
      );
      expect(stored).toEqual([
        { code: '320612000000', parent_code: null, name: '通州区' },
        { code: '320612001000', parent_code: '320612000000', name: '金沙\t街道' },
      ]);
    } finally {
      await session.release();
    }
  });

  it('drops secondary indexes and foreign keys and puts the same ones back', async () => {
    const session = await openBulkSession(database);
    const catalog = async () => {
      const indexes = await session.query<{ name: string }>(
        `select indexname as name from pg_indexes where tablename in ('encounters', 'encounter_diagnoses') order by 1`,
      );
      const constraints = await session.query<{ name: string; def: string; valid: boolean }>(
        `select conname as name, pg_get_constraintdef(oid) as def, convalidated as valid from pg_constraint
          where conrelid in ('encounters'::regclass, 'encounter_diagnoses'::regclass) order by 1`,
      );
      return { indexes, constraints };
    };
    try {
      const before = await catalog();
      await session.query('begin');
      const suspended = await suspendSecondaryIndexes(session, ['encounters', 'encounter_diagnoses']);
      expect(suspended.truncated.size).toBe(0);
      const during = await catalog();
      expect(during.indexes.map((i) => i.name).sort()).toEqual([
        'encounter_diagnoses_county_code_encounter_id_position_pk',
        'encounters_county_code_id_pk',
      ]);
      expect(during.constraints.some((c) => c.def.startsWith('FOREIGN KEY'))).toBe(false);
      await suspended.restore();
      await session.query('commit');
      expect(await catalog()).toEqual(before);
    } finally {
      await session.release();
    }
  });

  it('can put foreign keys back NOT VALID, to be validated after the commit', async () => {
    const session = await openBulkSession(database);
    const tables = ['encounters', 'encounter_diagnoses'];
    const keys = () =>
      session.query<{ name: string; valid: boolean }>(
        `select conname as name, convalidated as valid from pg_constraint
          where conrelid = any($1::regclass[]) and contype = 'f' order by 1`,
        [tables],
      );
    try {
      const before = await keys();
      expect(before.length).toBeGreaterThan(2);
      await session.query('begin');
      const suspended = await suspendSecondaryIndexes(session, tables);
      const deferred = await suspended.restore({ deferForeignKeys: true });
      await session.query('commit');
      expect(deferred.map((k) => k.name).sort()).toEqual(before.map((k) => k.name));
      expect((await keys()).every((k) => !k.valid)).toBe(true);
      await validateForeignKeys(session, deferred);
      expect(await keys()).toEqual(before);
    } finally {
      await session.release();
    }
  });

  it('on empty tables also drops the primary keys and truncates, so COPY FREEZE loads them', async () => {
    const session = await openBulkSession(database);
    const tables = ['health_checkups', 'child_health_checks'];
    const indexes = () =>
      session.query<{ name: string }>(
        `select indexname as name from pg_indexes where tablename = any($1) order by 1`,
        [tables],
      );
    try {
      const before = await indexes();
      await session.query('begin');
      const suspended = await suspendSecondaryIndexes(session, tables, { empty: true });
      expect(await indexes()).toEqual([]);
      expect([...suspended.truncated].sort()).toEqual(['child_health_checks', 'health_checkups']);
      // No resident 1 exists: the foreign key is gone during the load and comes back validated, so restore fails.
      await session.copyIn(
        'child_health_checks',
        ['county_code', 'id', 'source_system', 'source_id', 'resident_id', 'checked_on', 'eye_screening'],
        [text(`${county}\t1\tsynthetic\t1\t1\t2024-01-02\tt\n`)],
        true,
      );
      const [frozen] = await session.query<{ n: number }>(
        'select count(*)::int as n from child_health_checks',
      );
      expect(frozen!.n).toBe(1);
      await expect(suspended.restore()).rejects.toThrow(/child_health_checks_resident_fk/);
      await session.query('rollback');
      expect(await indexes()).toEqual(before);
    } finally {
      await session.release();
    }
  });
});
