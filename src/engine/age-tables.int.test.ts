import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/db.js';
import { population, regions } from '../store/schema/index.js';
import { backends } from '../testing/databases.js';
import { rebuildIndicators } from './refresh.js';
import { query } from './sql/bind.js';

/*
 * The engine's path to life expectancy — deaths as records, population as published, rollups, the life
 * table — on a published example: Preston, Heuveline & Guillot (2001) "Demography", p. 49, Austria 1992
 * males (38 508 deaths), whose printed e0 is 72.89. Preston uses graduated a_x; the engine's rule (a_0
 * Coale–Demeny, a_1–4 = 1.5, a_x = 2.5) moves e0 by less than 0.05 year (life-table.test.ts).
 */

const COUNTY = '110101';
const AGES = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85];
const POPULATION = [
  47925, 189127, 234793, 238790, 254996, 326831, 355086, 324222, 269963, 261971, 238011, 261612, 181385,
  187962, 153832, 105169, 73694, 57512, 32248,
];
const DEATHS = [
  419, 70, 36, 46, 249, 420, 403, 441, 508, 769, 1154, 1866, 2043, 3496, 4366, 4337, 5279, 6460, 6146,
];

describe.each(backends)('life table from records on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    const { db } = database;
    await db
      .insert(regions)
      .values({ countyCode: COUNTY, code: `${COUNTY}000000`, level: 'county', name: '例县' });
    await db.insert(population).values(
      AGES.map((ageGroup, i) => ({
        countyCode: COUNTY,
        regionCode: `${COUNTY}000000`,
        year: 2023,
        basis: 'resident' as const,
        sex: 'male' as const,
        ageGroup,
        yearEnd: POPULATION[i]!,
        midYear: POPULATION[i]!,
      })),
    );
    // One death record per death, aged at the start of its group; a quarter of them from cancer (C34).
    for (const [i, age] of AGES.entries()) {
      await db.execute(sql`INSERT INTO deaths (county_code, source_system, source_id, death_date, sex, age_years,
          underlying_cause_code, residence_region_code)
        SELECT ${COUNTY}, 'phg', ${`${age}-`} || n, '2023-07-01', 'male', ${age},
          CASE WHEN n % 4 = 0 THEN 'C34.1' ELSE 'X59' END, ${`${COUNTY}000000`}
        FROM generate_series(1, ${DEATHS[i]!}) AS n`);
    }
    await rebuildIndicators(db, COUNTY, { years: [2023] });
  });
  afterAll(() => database?.close());

  it('gives e0 within 0.05 year of the printed 72.89', async () => {
    const [row] = await query<{ value: number; numerator: string; denominator: string }>(
      database.db,
      `SELECT value, numerator::text, denominator::text FROM indicator_values
       WHERE county_code = :county AND indicator_id = 'life-expectancy' AND year = 2023`,
      { county: COUNTY },
    );
    expect(Number(row!.numerator)).toBe(38508);
    expect(Number(row!.denominator)).toBe(POPULATION.reduce((a, b) => a + b, 0));
    expect(Math.abs(row!.value - 72.89)).toBeLessThan(0.05);
  });

  it('takes the 30–70 probability from the NCD deaths of ages 30–69 only', async () => {
    const [row] = await query<{ value: number; numerator: string }>(
      database.db,
      `SELECT value, numerator::text FROM indicator_values
       WHERE county_code = :county AND indicator_id = 'premature-ncd-mortality' AND year = 2023`,
      { county: COUNTY },
    );
    // C34 deaths = ⌊D/4⌋ per group 30…65: 110, 127, 192, 288, 466, 510, 874, 1 091 (3 658) over 324 222,
    // 269 963, 261 971, 238 011, 261 612, 181 385, 187 962, 153 832; q_x = 5m/(1 + 2.5m) → 1 − Π(1 − q) = 9.1030052 %.
    expect(Number(row!.numerator)).toBe(3658);
    expect(row!.value).toBeCloseTo(9.1030052, 6);
  });
});
