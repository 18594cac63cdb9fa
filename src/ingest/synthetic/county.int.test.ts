import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSyntheticCounty, type LoadOptions } from '../../cli/generate.js';
import { isValidResidentId } from '../../domain/identity/resident-id.js';
import type { Database } from '../../store/db.js';
import { backends } from '../../testing/databases.js';
import { TABLE_NAMES } from './tables.js';

const county = '320612';

async function query<T>(database: Database, sql: string, params: unknown[]): Promise<T[]> {
  const { driver } = database;
  if (driver.kind === 'pglite') return (await driver.client.query<T>(sql, params)).rows;
  return (await driver.pool.query(sql, params)).rows as T[];
}

/** A digest of every row of every generated table, ids included. */
async function digest(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLE_NAMES) {
    // created_at and decided_at are generated too, so whole rows can be compared.
    const [row] = await query<{ h: string }>(
      database,
      `select md5(string_agg(t::text, '|' order by t::text)) as h from ${table} t`,
      [],
    );
    out[table] = row!.h;
  }
  return out;
}
const options: LoadOptions = {
  countyCode: county,
  residents: 10_000,
  seed: 11,
  firstYear: 2020,
  lastYear: 2025,
};

/**
 * A 10 000-resident county checked with SQL against the ranges of a real county: resources, prevalence,
 * coverage, visits, vital rates, and the consistency of the records with each other.
 */
describe.each(backends)('synthetic county on $name', (backend) => {
  let database: Database;
  const value = async (sql: string, params: unknown[] = [county]) =>
    Number((await query<{ v: string | number }>(database, sql, params))[0]!.v);
  const population = (year: number) =>
    value(`select sum(year_end) as v from population where county_code = $1 and region_code = $1 || '000000'
      and year = ${year} and basis = 'resident'`);
  const alive = (year: number) =>
    `r.resident and r.merged_into_id is null and r.birth_date <= '${year}-12-31'
      and (r.death_date is null or r.death_date > '${year}-12-31')`;

  beforeAll(async () => {
    database = await backend.open();
    await loadSyntheticCounty(database, options);
    // A 10 000-resident county takes ~30 s on PGlite alone; more on a busy machine.
  }, 600_000);
  afterAll(async () => {
    await database.close();
  });

  it('fills every table', async () => {
    for (const table of TABLE_NAMES) {
      expect(await value(`select count(*) as v from ${table} where county_code = $1`), table).toBeGreaterThan(
        0,
      );
    }
  });

  it('leaves every key, index and foreign key of the records tables in place and validated', async () => {
    // Dropped for the load, rebuilt after it; foreign keys come back NOT VALID and are validated after the commit.
    expect(
      await value(
        `select count(*) as v from pg_constraint where contype in ('p', 'u', 'f') and not convalidated
           and conrelid = any($1::regclass[])`,
        [TABLE_NAMES],
      ),
    ).toBe(0);
    expect(
      await value(
        `select count(*) as v from pg_constraint where contype = 'f' and conrelid = any($1::regclass[])`,
        [TABLE_NAMES],
      ),
    ).toBeGreaterThan(40);
    expect(
      await value(
        `select count(*) as v from pg_constraint where contype = 'p' and conrelid = any($1::regclass[])`,
        [TABLE_NAMES],
      ),
    ).toBe(TABLE_NAMES.length);
  });

  it('writes a population table that counts exactly the residents, by year and basis', async () => {
    for (let year = 2020; year <= 2025; year++) {
      for (const [basis, flag] of [
        ['resident', 'r.resident'],
        ['registered', 'r.registered'],
      ]) {
        const counted = await value(
          `select count(*) as v from residents r where county_code = $1 and ${flag} and r.merged_into_id is null
             and r.birth_date <= '${year}-12-31' and (r.death_date is null or r.death_date > '${year}-12-31')`,
        );
        const table = await value(`select sum(year_end) as v from population where county_code = $1
          and region_code = $1 || '000000' and year = ${year} and basis = '${basis}'`);
        const towns =
          await value(`select sum(p.year_end) as v from population p join regions g on g.county_code = p.county_code
          and g.code = p.region_code where p.county_code = $1 and g.level = 'town' and p.year = ${year} and p.basis = '${basis}'`);
        expect(table, `${year} ${basis}`).toBe(counted);
        expect(towns).toBe(counted);
      }
    }
  });

  it('has resources near the 2020 baselines', async () => {
    const people = (await population(2020)) / 1000;
    const staff = (categories: string) =>
      value(`select count(*) as v from staff where county_code = $1 and category in (${categories})
        and not management_post and started_on <= '2020-12-31' and (ended_on is null or ended_on > '2020-12-31')`);
    const physicians = (await staff(`'physician', 'assistant_physician'`)) / people;
    expect(physicians).toBeGreaterThan(2);
    expect(physicians).toBeLessThan(3.5);
    const nurses = (await staff(`'registered_nurse'`)) / people;
    expect(nurses).toBeGreaterThan(2);
    expect(nurses).toBeLessThan(3.5);
    const beds =
      (await value(`select sum(beds) as v from facility_beds where county_code = $1 and year = 2020`)) /
      people;
    expect(beds).toBeGreaterThan(4.5);
    expect(beds).toBeLessThan(7);
    const later =
      (await value(`select count(*) as v from staff where county_code = $1
        and category in ('physician', 'assistant_physician') and not management_post and started_on <= '2025-12-31'
        and (ended_on is null or ended_on > '2025-12-31')`)) /
      ((await population(2025)) / 1000);
    expect(later).toBeGreaterThan(physicians);
  });

  it('has hypertension in 20–30% of adults and diabetes in 8–15%', async () => {
    const adults =
      await value(`select count(*) as v from residents r where county_code = $1 and ${alive(2020)}
      and r.birth_date <= '2002-12-31'`);
    const withDisease = (disease: string, codes: string) =>
      value(`select count(*) as v from residents r where county_code = $1 and ${alive(2020)} and r.birth_date <= '2002-12-31'
        and (exists (select 1 from chronic_disease_registrations c where c.county_code = r.county_code and c.resident_id = r.id
               and c.disease = '${disease}' and c.registered_on <= '2020-12-31')
          or exists (select 1 from encounters e join encounter_diagnoses d on d.county_code = e.county_code and d.encounter_id = e.id
               where e.county_code = r.county_code and e.resident_id = r.id and d.code ~ '${codes}'))`);
    const hypertension = (await withDisease('hypertension', '^I1[0-5]')) / adults;
    expect(hypertension).toBeGreaterThan(0.2);
    expect(hypertension).toBeLessThan(0.3);
    const diabetes = (await withDisease('type2_diabetes', '^E1[0-4]')) / adults;
    expect(diabetes).toBeGreaterThan(0.08);
    expect(diabetes).toBeLessThan(0.15);
  });

  it('has health records for ~90% in 2020, rising, and elderly management near 70%', async () => {
    const coverage = async (year: number) =>
      (await value(`select count(*) as v from residents r join health_records h on h.county_code = r.county_code
         and h.resident_id = r.id where r.county_code = $1 and ${alive(year)} and h.created_on <= '${year}-12-31'`)) /
      (await population(year));
    const first = await coverage(2020);
    expect(first).toBeGreaterThan(0.85);
    expect(first).toBeLessThan(0.95);
    expect(await coverage(2025)).toBeGreaterThan(first);
    const elderly =
      (await value(`select count(distinct h.resident_id) as v from health_checkups h join residents r
        on r.county_code = h.county_code and r.id = h.resident_id where h.county_code = $1 and h.programme = 'elderly'
        and h.checked_on between '2020-01-01' and '2020-12-31' and ${alive(2020)}`)) /
      (await value(
        `select count(*) as v from residents r where county_code = $1 and ${alive(2020)} and r.birth_date <= '1955-12-31'`,
      ));
    expect(elderly).toBeGreaterThan(0.6);
    expect(elderly).toBeLessThan(0.8);
  });

  it('has ≈ 5 visits a person (a quarter of residents none), ≈ 60% in primary care, 85–92% in the county, 8–20% non-public', async () => {
    const visits = `from encounters e left join facilities f on f.county_code = e.county_code and f.id = e.facility_id
      where e.county_code = $1 and e.class <> 'inpatient' and e.start_date between '2020-01-01' and '2020-12-31'`;
    const all = await value(`select count(*) as v ${visits}`);
    const inCounty = await value(`select count(*) as v ${visits} and e.facility_id is not null`);
    expect(all / (await population(2020))).toBeGreaterThan(4);
    expect(all / (await population(2020))).toBeLessThan(7);
    expect(inCounty / all).toBeGreaterThan(0.85);
    expect(inCounty / all).toBeLessThan(0.92);
    const primary = (await value(`select count(*) as v ${visits} and f.primary_care`)) / inCounty;
    expect(primary).toBeGreaterThan(0.5);
    expect(primary).toBeLessThan(0.7);
    const nonPublic = (await value(`select count(*) as v ${visits} and f.ownership = 'private'`)) / inCounty;
    expect(nonPublic).toBeGreaterThan(0.08);
    expect(nonPublic).toBeLessThan(0.2);
    // Visits are spread unevenly: about a quarter of the residents have none in a year.
    const seen = await value(`select count(distinct e.resident_id) as v from encounters e
      where e.county_code = $1 and e.start_date between '2020-01-01' and '2020-12-31'`);
    expect(seen / (await population(2020))).toBeGreaterThan(0.6);
    expect(seen / (await population(2020))).toBeLessThan(0.85);
  });

  it('loses some severe mental disorder patients to follow-up, and has an out-of-pocket share near 28%, falling', async () => {
    // 在管 / 在册: registered on 31 Dec 2020 with a follow-up in 2020 (mentalManaged 0.9 in the first year).
    const registered = `from chronic_disease_registrations g where g.county_code = $1
      and g.disease = 'severe_mental_disorder' and g.registered_on <= '2020-06-30' and g.closed_on is null`;
    const managed =
      (await value(`select count(*) as v ${registered} and exists (select 1 from chronic_disease_follow_ups f
        where f.county_code = g.county_code and f.registration_id = g.id
          and f.followed_up_on between '2020-01-01' and '2020-12-31')`)) /
      (await value(`select count(*) as v ${registered}`));
    expect(managed).toBeGreaterThan(0.8);
    expect(managed).toBeLessThan(0.97);
    const oop = (year: number) =>
      value(`select sum(out_of_pocket) / sum(total_cost) as v from encounters where county_code = $1
        and start_date between '${year}-01-01' and '${year}-12-31'`);
    const first = await oop(2020);
    expect(first).toBeGreaterThan(0.22);
    expect(first).toBeLessThan(0.32);
    expect(await oop(2025)).toBeLessThan(first);
  });

  it('has child checks from 1 Oct 2019, the start of the MCH statistical year 2020', async () => {
    expect(
      await value(`select min(checked_on)::text >= '2019-10-01' and min(checked_on)::text < '2019-10-15' as v
        from child_health_checks where county_code = $1`),
    ).toBe(1);
  });

  it('has plausible births, deaths and notifiable disease incidence', async () => {
    let births = 0;
    let deaths = 0;
    let personYears = 0;
    for (let year = 2020; year <= 2025; year++) {
      births += await value(
        `select count(*) as v from live_births where county_code = $1 and birth_date between '${year}-01-01' and '${year}-12-31'`,
      );
      deaths += await value(
        `select count(*) as v from deaths where county_code = $1 and death_date between '${year}-01-01' and '${year}-12-31'`,
      );
      personYears += await population(year);
    }
    expect((births / personYears) * 1000).toBeGreaterThan(3);
    expect((births / personYears) * 1000).toBeLessThan(10);
    expect((deaths / personYears) * 1000).toBeGreaterThan(5);
    expect((deaths / personYears) * 1000).toBeLessThan(14);
    const cases = await value(
      `select count(*) as v from notifiable_disease_reports where county_code = $1 and disease_class in ('A', 'B')`,
    );
    expect((cases / personYears) * 100_000).toBeGreaterThan(80);
    expect((cases / personYears) * 100_000).toBeLessThan(350);
  });

  it('keeps records consistent with each other', async () => {
    const violations = [
      // Visits and admissions of living residents only.
      `select count(*) as v from encounters e join residents r on r.county_code = e.county_code and r.id = e.resident_id
        where e.county_code = $1 and (e.start_date < r.birth_date or e.start_date >= coalesce(r.death_date, '9999-12-31'))`,
      `select count(*) as v from chronic_disease_follow_ups f join chronic_disease_registrations c on c.county_code = f.county_code
        and c.id = f.registration_id where f.county_code = $1 and (f.followed_up_on < c.registered_on
        or f.followed_up_on > coalesce(c.closed_on, '9999-12-31'))`,
      `select count(*) as v from deaths d join residents r on r.county_code = d.county_code and r.id = d.resident_id
        where d.county_code = $1 and r.death_date is distinct from d.death_date`,
      `select count(*) as v from residents r where county_code = $1 and r.death_date is not null and r.resident
        and r.merged_into_id is null and not exists (select 1 from deaths d where d.county_code = r.county_code and d.resident_id = r.id)`,
      `select count(*) as v from live_births b join residents c on c.county_code = b.county_code and c.id = b.child_resident_id
        join residents m on m.county_code = b.county_code and m.id = b.mother_resident_id
        where b.county_code = $1 and (c.birth_date <> b.birth_date or m.sex <> 'female' or c.residence_village_code <> m.residence_village_code)`,
      `select count(*) as v from immunizations i join residents r on r.county_code = i.county_code and r.id = i.resident_id
        where i.county_code = $1 and (i.vaccinated_on < r.birth_date or i.vaccinated_on >= coalesce(r.death_date, '9999-12-31'))`,
      `select count(*) as v from family_doctor_contracts c join family_doctor_contracts p on p.county_code = c.county_code
        and p.id = c.renews_contract_id where c.county_code = $1 and c.start_on <= p.start_on`,
      `select count(*) as v from referrals where county_code = $1 and to_facility_id is null and to_facility_name is null`,
    ];
    for (const sql of violations) expect(await value(sql), sql).toBe(0);
    const foreignKeys = await value(
      `select count(*) as v from pg_constraint where contype = 'f' and not convalidated`,
      [],
    );
    expect(foreignKeys).toBe(0);
  });

  it('gives every resident with a number a valid resident ID', async () => {
    const rows = await query<{ n: string }>(
      database,
      'select resident_id_number as n from residents where county_code = $1 and resident_id_number is not null',
      [county],
    );
    expect(rows.length).toBeGreaterThan(10_000);
    expect(rows.filter((r) => !isValidResidentId(r.n, '2026-01-01'))).toEqual([]);
  });

  it('refuses a county that has data, and replaces it with --replace', { timeout: 600_000 }, async () => {
    // Another county, small: loaded with the indexes in place (the database is not empty).
    const small: LoadOptions = { ...options, countyCode: '320281', residents: 200 };
    await loadSyntheticCounty(database, small);
    await expect(loadSyntheticCounty(database, small)).rejects.toMatchObject({
      code: 'generate.county-not-empty',
    });
    await loadSyntheticCounty(database, { ...small, seed: 12, replace: true });
    const initial = `select count(*) as v from residents where county_code = '320281' and birth_date < '2020-01-01'`;
    expect(await value(initial, [])).toBeLessThanOrEqual(210);
    expect(await value(`select count(*) as v from residents where county_code = $1`)).toBeGreaterThan(10_000);
  });
});

describe.each(backends)('synthetic county determinism on $name', (backend) => {
  it(
    'loads identical rows for the same seed and other rows for another seed',
    { timeout: 240_000 },
    async () => {
      const small: LoadOptions = { ...options, residents: 800, seed: 5 };
      const hashes = [];
      for (const seed of [5, 5, 6]) {
        const database = await backend.open();
        try {
          await loadSyntheticCounty(database, { ...small, seed });
          hashes.push(await digest(database));
        } finally {
          await database.close();
        }
      }
      expect(hashes[1]).toEqual(hashes[0]);
      expect(hashes[2]!.residents).not.toBe(hashes[0]!.residents);
      expect(hashes[2]!.encounters).not.toBe(hashes[0]!.encounters);
    },
  );
});
