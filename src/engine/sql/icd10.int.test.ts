import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHRONIC_RESPIRATORY_RANGES } from '../../domain/indicators/definitions/outcomes.js';
import { icd10InRanges } from '../../domain/indicators/icd10.js';
import { MAJOR_NCD_RANGES } from '../../domain/indicators/premature-mortality.js';
import type { Database } from '../../store/db.js';
import { backends } from '../../testing/databases.js';
import { query } from './bind.js';
import { icd10InRangesSql } from './icd10.js';

const CODES = [
  'I10', 'I00', 'I99.9', 'H99', 'J00', 'J22', 'J30', 'J44.1', 'J98.4', 'J99', 'C00', 'C34.101', 'C97', 'C98',
  'D00', 'E09', 'E10', 'E11.900x001', 'E14', 'E15', ' i21.0 ', 'V89.2', 'X', '', 'I1',
]; // prettier-ignore

describe.each(backends)('ICD-10 ranges in SQL on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());

  it.each([
    ['major NCD', MAJOR_NCD_RANGES],
    ['chronic respiratory', CHRONIC_RESPIRATORY_RANGES],
  ] as const)('agree with the domain rule: %s', async (_, ranges) => {
    const rows = await query<{ code: string; hit: boolean }>(
      database.db,
      `SELECT c AS code, ${icd10InRangesSql('c', ranges)} AS hit FROM unnest(:codes::text[]) AS c`,
      { codes: CODES.map((c) => `"${c}"`) },
    );
    for (const row of rows) expect([row.code, row.hit]).toEqual([row.code, icd10InRanges(row.code, ranges)]);
  });
});
