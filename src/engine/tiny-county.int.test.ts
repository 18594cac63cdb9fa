import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINITIONS } from '../domain/indicators/definitions/index.js';
import type { Database } from '../store/db.js';
import { backends } from '../testing/databases.js';
import { query } from './sql/bind.js';
import { C, COUNTY, openTinyCounty, T1, T2, V11, V12, V21 } from './tiny-county.fixture.js';

/*
 * Every indicator of the tiny county (tiny-county.fixture.ts) for 2023, worked out by hand. People are
 * P1…P14, facilities F1…F10, staff S1…S23 in fixture order.
 *
 * Population, year end 2023: 1 000 per village (0: 20, 1–4: 80, 30–34 … 65–69: 100 each, 70–74: 100), so
 * county 3 000, T1 2 000, T2 1 000; 65+ = 600; 18+ = 2 700. Year end 2022: 70–74 is 80, so mid-year 2023
 * = 990 per village, county 2 970, T1 1 980, T2 990.
 */

interface Row {
  numerator: string;
  denominator: string;
  value: number | null;
  provenance: Record<string, unknown>;
}

describe.each(backends)('tiny county by hand on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTinyCounty(backend.open);
  });
  afterAll(() => database?.close());

  async function get(
    id: string,
    region: string,
    options: { year?: number; quarter?: number; basis?: 'calendar' | 'mch'; facility?: number } = {},
  ): Promise<Row | undefined> {
    const rows = await query<Row>(
      database.db,
      `SELECT numerator::text, denominator::text, value, provenance FROM indicator_values
       WHERE county_code = :county AND indicator_id = :id AND region_code = :region AND facility_id = :facility
         AND year = :year AND quarter = :quarter AND period_basis = :basis`,
      {
        county: COUNTY,
        id,
        region,
        facility: options.facility ?? 0,
        year: options.year ?? 2023,
        quarter: options.quarter ?? 0,
        basis: options.basis ?? 'calendar',
      },
    );
    return rows[0];
  }

  /** Asserts value = numerator × multiplier / denominator with the hand-counted parts. */
  async function expectRatio(
    id: string,
    region: string,
    numerator: number,
    denominator: number,
    value: number | null,
    options: Parameters<typeof get>[2] = {},
  ) {
    const row = await get(id, region, options);
    expect(row, `${id} ${region} ${JSON.stringify(options)}`).toBeDefined();
    expect([Number(row!.numerator), Number(row!.denominator)], id).toEqual([numerator, denominator]);
    if (value === null) expect(row!.value, id).toBeNull();
    else expect(row!.value, id).toBeCloseTo(value, 6);
  }

  describe('resources (staff employed on 31 Dec 2023)', () => {
    // Physicians, management posts out: S1, S2, S4 (F1), S13, S14 (F2), S18, S19 (F5), S22 (F8) = 8.
    // S3 is management, S12 left on 30 Jun, S16 is S14's second site (same licence): not counted.
    it('physicians, TCM physicians, nurses, pharmacists, GPs per 1 000 / 10 000', async () => {
      await expectRatio('physicians-per-1000', C, 8, 3000, 2.6666667);
      await expectRatio('physicians-per-1000', T1, 6, 2000, 3); // F1 3 + F2 2 + F8 1
      await expectRatio('physicians-per-1000', T2, 0, 1000, 0);
      await expectRatio('tcm-physicians-per-1000', C, 1, 3000, 0.3333333); // S4
      await expectRatio('nurses-per-1000', C, 5, 3000, 1.6666667); // S5–S7, S15, S23 (S8 management)
      await expectRatio('pharmacists-per-1000', C, 1, 3000, 0.3333333);
      await expectRatio('gps-per-10000', C, 2, 3000, 6.6666667); // S13 registered, S14 certified
    });

    it('public-health staff: all staff of CDC (4) and MCH (2) institutions', async () => {
      await expectRatio('public-health-staff-per-1000', C, 6, 3000, 2);
      await expectRatio('public-health-staff-per-10000', C, 6, 3000, 20);
      await expectRatio('cdc-staff-per-10000', C, 4, 3000, 13.3333333);
      await expectRatio('health-supervisors-per-10000', C, 0, 3000, 0);
    });

    it('beds, childcare places, doctor-nurse ratio', async () => {
      await expectRatio('beds-per-1000', C, 20, 3000, 6.6666667); // F1 10 + F2 2 + F6 5 + F8 3
      await expectRatio('beds-per-1000', T1, 15, 2000, 7.5);
      // Childcare: the county's own row (30), not the sum of its villages (15).
      await expectRatio('childcare-places-per-1000', C, 30, 3000, 10);
      await expectRatio('childcare-places-per-1000', T1, 15, 2000, 7.5);
      await expectRatio('childcare-places-per-1000', V12, 5, 1000, 5);
      await expectRatio('doctor-nurse-ratio', C, 5, 8, 0.625);
      await expectRatio('doctor-nurse-ratio', T1, 5, 6, 0.8333333);
      await expectRatio('doctor-nurse-ratio', T1, 1, 2, 0.5, { facility: 2 });
    });

    it('facility shares: geriatrics, TCM services, primary-care technicians', async () => {
      // Public general hospitals of grade II+ open on 31 Dec: F1 (geriatrics), F6; F9 private and closed.
      await expectRatio('geriatrics-department-rate', C, 1, 2, 50);
      await expectRatio('tcm-service-primary-centres-share', C, 1, 2, 50); // F2 yes, F7 no
      await expectRatio('tcm-service-stations-clinics-share', C, 1, 2, 50); // F10 yes, F3 no
      // Health technicians: F1 10 (S1–S10), F2 3, F5 2, F8 2 = 17; primary care: F2's 3.
      await expectRatio('primary-care-health-technician-share', C, 3, 17, 17.6470588);
      await expectRatio('primary-care-health-technician-share', T1, 3, 15, 20);
    });
  });

  describe('services of residents in 2023', () => {
    // Living residents on 31 Dec: P1–P9, P11, P12, P14 (P10 died, P13 is not resident).
    it('health records: coverage, standardized, usage', async () => {
      // Open records: P1, P2, P3, P4, P6, P9, P14 = 7 (P10's record: dead).
      await expectRatio('ehr-coverage-rate', C, 7, 3000, 0.2333333);
      await expectRatio('ehr-coverage-rate', V12, 3, 1000, 0.3); // P3, P9, P14
      // Used in 2023: all but P3 = 6; P9 through its 2023 check-up, P6 through checks, P14 through a visit at
      // F4 alone. P3's visits do not count: one outside the county, a stay begun in 2022.
      await expectRatio('ehr-usage-rate', C, 6, 7, 85.7142857);
      // Standardized: used and sheet complete: P1, P4, P6, P9, P14 (P2 has no phone) = 5.
      await expectRatio('ehr-standardized-rate', C, 5, 3000, 0.1666667);
    });

    it('elderly health management: P1 only (P9’s form is incomplete) over 600 residents 65+', async () => {
      await expectRatio('elderly-health-management-rate', C, 1, 600, 0.1666667);
    });

    it('hypertension and diabetes: standardized, controlled, pooled, health management', async () => {
      // Under management on 31 Dec: P1, P2, P3 (P10 closed and dead, P13 not resident).
      // Standardized: P1 (4 face-to-face + check-up); P2 has 3 face-to-face; P3 none.
      await expectRatio('hypertension-standardized-management-rate', C, 1, 3, 33.3333333);
      // Controlled: P1 145/85 at 73 (< 150/90); P2 145/85 at 63 (not < 140); P3 lost to follow-up.
      await expectRatio('hypertension-control-rate', C, 1, 3, 33.3333333);
      await expectRatio('diabetes-standardized-management-rate', C, 1, 1, 100); // P2: 4 face-to-face + check-up
      await expectRatio('diabetes-control-rate', C, 1, 1, 100); // last glucose 6.5
      await expectRatio('hypertension-diabetes-standardized-management-rate', C, 2, 4, 50);
      // 3 / (2 700 adults × 0.279 = 753.3) = 0.398 %.
      await expectRatio('hypertension-health-management-rate', C, 3, 753.3, 0.3982477);
    });

    it('severe mental disorders: P11 (4 follow-ups + check-up), P12 (1 follow-up)', async () => {
      await expectRatio('severe-mental-disorder-management-rate', C, 2, 2, 100);
      await expectRatio('severe-mental-disorder-standardized-management-rate', C, 1, 2, 50);
    });

    it('children: 0–6 management, eye care, under-3 systematic management by calendar and MCH year', async () => {
      // Aged 0–6 on 31 Dec: P6 (0), P7 (3), P8 (2), each checked in 2023; P7's check has eye screening.
      await expectRatio('child-health-management-rate', C, 3, 3, 100);
      await expectRatio('child-eye-care-coverage', C, 1, 3, 33.3333333);
      // Calendar 2023, under 3 on 31 Dec: P6 (due at 3 and 6 months, 3 checks), P8 (due at 18 and 24
      // months, checks 5 Feb and 1 Nov): both managed. P7 turned 3 in February.
      await expectRatio('under-three-systematic-management-rate', C, 2, 2, 100);
      // MCH year Oct 2022 – Sep 2023: P6 due at 3 months (2 checks), P8 due at 18 and 24 months but only
      // the 5 Feb check falls in the period.
      await expectRatio('under-three-systematic-management-rate', C, 1, 2, 50, { basis: 'mch' });
    });

    it('immunization: 12 of 16 due doses, per town, with the lowest town named', async () => {
      // Due in 2023 (national schedule): P6 11 (0–6 months), P7 1 (MPSV-AC at 36 months), P8 4 (18 and 24
      // months). Given: P6 9 (not DTaP 3, MPSV-A 1), P7 1, P8 2 (not HepA-L, JE-L 2).
      await expectRatio('immunization-programme-vaccination-rate', T1, 3, 5, 60); // P7, P8
      await expectRatio('immunization-programme-vaccination-rate', T2, 9, 11, 81.8181818); // P6
      await expectRatio('immunization-programme-vaccination-rate', C, 12, 16, 75);
      const county = await get('immunization-programme-vaccination-rate', C);
      expect(county!.provenance.lowestTown).toEqual({ region: T1, value: 60 });
    });

    it('family doctors: coverage, priority groups, renewal', async () => {
      // Valid on 31 Dec: P1, P3 (renewed), P9, P14; P4's was cancelled.
      await expectRatio('family-doctor-contract-coverage', C, 4, 3000, 0.1333333);
      // Priority: P1, P9 (65+), P2, P3 (hypertension), P4, P5 (pregnant), P6, P7, P8 (0–6), P11, P12
      // (mental disorder) = 11; with a valid contract: P1, P3, P9.
      await expectRatio('family-doctor-priority-group-coverage', C, 3, 11, 27.2727273);
      // Ending in 2023: P1's (not renewed), P3's first (renewed); P4's was cancelled before its end.
      await expectRatio('family-doctor-renewal-rate', C, 1, 2, 50);
    });

    it('maternal care by MCH and calendar year', async () => {
      // MCH 2023 live births: 5 Nov 2022 (no mother on record) and 15 Jun 2023 (P4); P4's delivery is
      // systematic (week 10, 5 checks, hospital, visit on day 15).
      await expectRatio('maternal-systematic-management-rate', C, 1, 2, 50, { basis: 'mch' });
      await expectRatio('maternal-systematic-management-rate', T2, 1, 1, 100, { basis: 'mch' });
      // Calendar 2023 births: 15 Jun (P4) and 20 Oct (P5, week 14, not in hospital).
      await expectRatio('maternal-systematic-management-rate', T2, 1, 2, 50);
      await expectRatio('early-pregnancy-registration-rate', C, 1, 2, 50);
      await expectRatio('hospital-delivery-rate', C, 1, 2, 50, { basis: 'mch' });
      // MCH 2024 starts on 1 Oct 2023: P5's delivery, not in hospital.
      await expectRatio('hospital-delivery-rate', C, 0, 1, 0, { basis: 'mch', year: 2024 });
    });
  });

  describe('care delivered in 2023', () => {
    // Visits (outpatient + emergency) in the county: F1 5, F6 2, F2 6, F4 3 = 16.
    it('primary-care and non-public shares, by year, quarter and town', async () => {
      await expectRatio('primary-care-visit-share', C, 9, 16, 56.25);
      await expectRatio('primary-care-visit-share', C, 3, 6, 50, { quarter: 1 });
      await expectRatio('primary-care-visit-share', C, 0, 4, 0, { quarter: 2 });
      await expectRatio('primary-care-visit-share', C, 6, 6, 100, { quarter: 3 });
      expect(await get('primary-care-visit-share', C, { quarter: 4 })).toBeUndefined();
      await expectRatio('primary-care-visit-share', T1, 6, 11, 54.5454545); // F1, F2
      await expectRatio('non-public-facility-service-share', C, 3, 16, 18.75);
      await expectRatio('non-public-facility-service-share', T2, 3, 5, 60); // F4 of F6 + F4
    });

    it('in-county rate: 18 of the residents’ 20 encounters begun in 2023', async () => {
      await expectRatio('in-county-visit-rate', C, 18, 20, 90);
      await expectRatio('in-county-visit-rate', C, 5, 6, 83.3333333, { quarter: 2 });
    });

    it('average length of stay by discharge date', async () => {
      // Grade III (F1): discharged 4 Jan (5 days) and 6 Mar (5 days); the 28 Dec stay ends in 2024.
      await expectRatio('average-length-of-stay-tertiary', C, 10, 2, 5);
      await expectRatio('average-length-of-stay-tertiary', T1, 10, 2, 5, { facility: 1 });
      // General hospitals grade II+: F1 and F6 (10 days).
      await expectRatio('average-length-of-stay-grade2-general', C, 20, 3, 6.6666667);
      await expectRatio('average-length-of-stay-grade2-general', T2, 10, 1, 10, { facility: 6 });
    });

    it('out-of-pocket share of encounters stating both amounts, outside care included', async () => {
      await expectRatio('oop-share-of-health-expenditure', C, 5600, 13200, 42.4242424);
      await expectRatio('oop-share-of-health-expenditure', T1, 1600, 5200, 30.7692308, { facility: 1 });
    });
  });

  describe('outcomes', () => {
    it('infant, under-five and maternal mortality per live births, MCH and calendar', async () => {
      // MCH 2023: infant deaths 15 Oct 2022 and 10 Feb 2023, a 3-year-old on 5 May; 2 live births.
      await expectRatio('infant-mortality-rate', C, 2, 2, 1000, { basis: 'mch' });
      await expectRatio('infant-mortality-rate', C, 1, 2, 500);
      await expectRatio('under-five-mortality-rate', C, 3, 2, 1500, { basis: 'mch' });
      await expectRatio('under-five-mortality-rate', C, 2, 2, 1000);
      await expectRatio('maternal-mortality-rate', C, 1, 2, 50000, { basis: 'mch' });
      await expectRatio('sex-ratio-at-birth', C, 1, 1, 100);
    });

    it('incidence per mid-year population, quarters not annualised', async () => {
      // Counted: hepatitis B (P1, V11), TB (P3, V12, clinical), dysentery (no residence: county only).
      // Not: suspected cholera, class C influenza, the other county's syphilis.
      await expectRatio('class-ab-notifiable-incidence', C, 3, 2970, 101.010101);
      await expectRatio('class-ab-notifiable-incidence', T1, 2, 1980, 101.010101);
      await expectRatio('class-ab-notifiable-incidence', C, 1, 2970, 33.6700337, { quarter: 1 });
      await expectRatio('class-ab-notifiable-incidence', C, 0, 2970, 0, { quarter: 4 });
      await expectRatio('pulmonary-tb-incidence', C, 1, 2970, 33.6700337);
    });

    it('says when a mid-year population is the year-end one (first year on record)', async () => {
      const row = await get('class-ab-notifiable-incidence', C, { year: 2022 });
      expect([row!.numerator, Number(row!.denominator), row!.value]).toEqual(['0', 2940, 0]);
      expect(row!.provenance).toEqual({ midYearFromYearEnd: true });
      expect((await get('class-ab-notifiable-incidence', C))!.provenance).toEqual({});
    });

    it('chronic respiratory deaths aged ≤ 70: J44 at 68 (not J44 at 75)', async () => {
      await expectRatio('chronic-respiratory-mortality-70', C, 1, 2970, 33.6700337);
    });

    it('premature NCD mortality by the WHO method', async () => {
      // NCD deaths 30–69: C34 at 47, I21 at 62, J44 at 68 → groups 45, 60, 65, one death each in 300.
      // q = 5·(1/300) / (1 + 2.5/300) = 0.0165289256; 1 − (1 − q)³ = 4.8771677 %. The other county's
      // C16 at 50 does not count. Denominator: mid-year population 30–69 = 8 × 300.
      await expectRatio('premature-ncd-mortality', C, 3, 2400, 4.8771677);
      // T1: C34 at 47 (V11), I21 at 62 (V12) in groups of 200: q = 0.025 / 1.0125; 1 − (1 − q)² = 4.8773053 %.
      await expectRatio('premature-ncd-mortality', T1, 2, 1600, 4.8773053);
    });

    it('life expectancy: no value where age groups are empty, with the reason', async () => {
      // 9 deaths of residents in 2023 (not the other county's, not Oct 2022's); ages 5–29 have nobody.
      const row = await get('life-expectancy', C);
      expect([Number(row!.numerator), Number(row!.denominator), row!.value]).toEqual([9, 2970, null]);
      expect(String(row!.provenance.error)).toMatch(/population 0/);
    });
  });

  it('computes every definition for the county in 2023', async () => {
    const ids = await query<{ indicator_id: string }>(
      database.db,
      `SELECT DISTINCT indicator_id FROM indicator_values WHERE county_code = :county AND region_code = :region AND year = 2023`,
      { county: COUNTY, region: C },
    );
    expect(ids.map((r) => r.indicator_id).sort()).toEqual(DEFINITIONS.map((d) => d.id).sort());
  });

  it('attributes to villages only what has a village', async () => {
    await expectRatio('ehr-coverage-rate', V11, 2, 1000, 0.2); // P1, P2
    await expectRatio('ehr-coverage-rate', V21, 2, 1000, 0.2); // P4, P6
  });
});
