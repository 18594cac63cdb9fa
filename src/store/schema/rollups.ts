import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { countyCode, countyCodeCheck, oneOf } from './columns.js';

/*
 * The indicator engine's maintained aggregates (docs/indicators.md). Raw records are read only when a
 * rollup is built or refreshed; indicators are computed from these small tables and stored in
 * indicator_values, which is all a reader touches. Every table leads with county_code (Citus later).
 */

/**
 * Per person-year status columns: 0/1 flags or small counts, so that a rollup is a plain sum and an
 * incremental refresh a difference of sums. The engine's person-year builder fills exactly these.
 */
export const PERSON_YEAR_MEASURES = [
  'record', // health record open at year end
  'record_used', // … with a service in the year
  'record_standard', // … used and basic information sheet complete
  'elderly_managed', // 65+ with a complete elderly check-up in the year
  'child_0_6', // aged 0–6 at year end
  'child_checked',
  'child_eye',
  'u3_due', // under 3 with at least one scheduled check due in the calendar year
  'u3_managed',
  'u3_due_mch', // the same over the MCH statistical year (Oct–Sep)
  'u3_managed_mch',
  'htn_registered',
  'htn_standard',
  'htn_controlled',
  'dm_registered',
  'dm_standard',
  'dm_controlled',
  'smd_registered',
  'smd_managed',
  'smd_standard',
  'contract_valid', // family-doctor contract valid on 31 December
  'priority_member',
  'priority_contracted',
  'contracts_expiring',
  'contracts_renewed',
  'imm_due',
  'imm_given',
] as const;
export type PersonYearMeasure = (typeof PERSON_YEAR_MEASURES)[number];

const personYearColumns = Object.fromEntries(
  PERSON_YEAR_MEASURES.map((m) => [m, smallint(m).notNull().default(0)]),
) as { [K in PersonYearMeasure]: ReturnType<typeof smallint> };

/** One row per resident and year with anything to count: the person-level conditions of the formulas. */
export const indicatorPersonYears = pgTable(
  'indicator_person_years',
  {
    countyCode: countyCode(),
    year: smallint('year').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    /** Village of residence (12 digits), or the county's own code when unknown. */
    regionCode: text('region_code').notNull(),
    ...personYearColumns,
  },
  (t) => [
    primaryKey({ name: 'indicator_person_years_pk', columns: [t.countyCode, t.year, t.residentId] }),
    countyCodeCheck('indicator_person_years', t.countyCode),
    index('indicator_person_years_resident_idx').on(t.countyCode, t.residentId),
  ],
);

/**
 * Counts by region and period in long form (measure, value), so a new measure needs no migration.
 * `quarter` 1–4 holds events of that quarter (births, deaths, cases, deliveries); 0 holds the year's
 * status or stock (person-year sums, childcare places). `region_code` is where the fact is attributed:
 * a village, a town or the county itself, and the engine sums upwards.
 */
export const indicatorRegionRollup = pgTable(
  'indicator_region_rollup',
  {
    countyCode: countyCode(),
    regionCode: text('region_code').notNull(),
    year: smallint('year').notNull(),
    quarter: smallint('quarter').notNull(),
    measure: text('measure').notNull(),
    value: numeric('value').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'indicator_region_rollup_pk',
      columns: [t.countyCode, t.measure, t.year, t.quarter, t.regionCode],
    }),
    countyCodeCheck('indicator_region_rollup', t.countyCode),
    check('indicator_region_rollup_quarter_check', sql`${t.quarter} between 0 and 4`),
  ],
);

/**
 * Counts by facility and period in long form: encounters (visits, admissions, discharges, bed-days,
 * costs) by quarter, kept current by a trigger on encounters; staff, beds and facility flags as the
 * year-end stock (quarter 0). `facility_id` 0 = care outside the county (insurance settlement rows).
 */
export const indicatorFacilityRollup = pgTable(
  'indicator_facility_rollup',
  {
    countyCode: countyCode(),
    facilityId: bigint('facility_id', { mode: 'number' }).notNull(),
    year: smallint('year').notNull(),
    quarter: smallint('quarter').notNull(),
    measure: text('measure').notNull(),
    value: numeric('value').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'indicator_facility_rollup_pk',
      columns: [t.countyCode, t.measure, t.year, t.quarter, t.facilityId],
    }),
    countyCodeCheck('indicator_facility_rollup', t.countyCode),
    check('indicator_facility_rollup_quarter_check', sql`${t.quarter} between 0 and 4`),
  ],
);

export const MID_YEAR_SOURCES = ['published', 'average', 'year-end'] as const;

/**
 * Resident (常住) population resolved for every region of the county (county, towns, villages): a
 * region's own rows when the population table has them, otherwise the sum of its parts. Mid-year per
 * docs/records-schema.md, with the source used.
 */
export const indicatorPopulation = pgTable(
  'indicator_population',
  {
    countyCode: countyCode(),
    regionCode: text('region_code').notNull(),
    year: smallint('year').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    ageGroup: smallint('age_group').notNull(),
    yearEnd: integer('year_end').notNull(),
    midYear: numeric('mid_year').notNull(),
    midYearSource: text('mid_year_source', { enum: MID_YEAR_SOURCES }).notNull(),
  },
  (t) => [
    primaryKey({
      name: 'indicator_population_pk',
      columns: [t.countyCode, t.regionCode, t.year, t.sex, t.ageGroup],
    }),
    countyCodeCheck('indicator_population', t.countyCode),
    oneOf('indicator_population_source_check', t.midYearSource, MID_YEAR_SOURCES),
  ],
);

/** Deaths by attributed region, calendar year, sex and life-table age group: life tables and 30–70 risk. */
export const indicatorDeaths = pgTable(
  'indicator_deaths',
  {
    countyCode: countyCode(),
    regionCode: text('region_code').notNull(),
    year: smallint('year').notNull(),
    sex: text('sex').notNull(),
    ageGroup: smallint('age_group').notNull(),
    deaths: integer('deaths').notNull(),
    /** Underlying cause among the four major NCDs (WHO SDG 3.4.1). */
    ncdDeaths: integer('ncd_deaths').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'indicator_deaths_pk',
      columns: [t.countyCode, t.regionCode, t.year, t.sex, t.ageGroup],
    }),
    countyCodeCheck('indicator_deaths', t.countyCode),
  ],
);

export const INDICATOR_LEVELS = ['county', 'town', 'village', 'facility'] as const;
export const PERIOD_BASES = ['calendar', 'mch'] as const;

/**
 * Computed indicator values with their provenance. `facility_id` 0 = a region's value; otherwise the
 * facility's, with `region_code` where it stands. `quarter` 0 = the whole year. `period_basis` `mch` =
 * the MCH statistical year (1 Oct of year − 1 to 30 Sep of year).
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    countyCode: countyCode(),
    indicatorId: text('indicator_id').notNull(),
    regionCode: text('region_code').notNull(),
    facilityId: bigint('facility_id', { mode: 'number' }).notNull(),
    level: text('level', { enum: INDICATOR_LEVELS }).notNull(),
    year: smallint('year').notNull(),
    quarter: smallint('quarter').notNull(),
    periodBasis: text('period_basis', { enum: PERIOD_BASES }).notNull(),
    numerator: numeric('numerator').notNull(),
    denominator: numeric('denominator').notNull(),
    /** numerator × multiplier / denominator (or the method's result); null when undefined (denominator 0). */
    value: doublePrecision('value'),
    definitionVersion: integer('definition_version').notNull(),
    populationBasis: text('population_basis').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    /** What this value needed beyond its definition: estimated mid-year population, lowest town, warnings. */
    provenance: jsonb('provenance')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [
    primaryKey({
      name: 'indicator_values_pk',
      columns: [t.countyCode, t.indicatorId, t.year, t.quarter, t.periodBasis, t.regionCode, t.facilityId],
    }),
    countyCodeCheck('indicator_values', t.countyCode),
    oneOf('indicator_values_level_check', t.level, INDICATOR_LEVELS),
    oneOf('indicator_values_basis_check', t.periodBasis, PERIOD_BASES),
    check('indicator_values_quarter_check', sql`${t.quarter} between 0 and 4`),
    // Reading a region's indicators over years.
    index('indicator_values_region_idx').on(t.countyCode, t.regionCode, t.year),
  ],
);

export const DIRTY_KINDS = [
  'resident',
  'vital',
  'notifiable',
  'population',
  'resources',
  'facility',
  'visit',
  'follow_up',
  'checkup',
  'child_check',
  'contract',
] as const;

/**
 * Work for the next refresh, written by statement triggers on the records tables in the importing
 * transaction: a resident whose person-years must be recomputed (`key` = resident id; whole as
 * `resident`, or as `follow_up`, `checkup`, `child_check`, `contract` for a new record of that table, which
 * decides only some statuses: migration 0014), a new visit of a resident whose person-year is not stored as
 * using its record (`visit`, `key` = resident id: only that use can change), or a year of a rollup group
 * (`key` 0). `year` 0 = every year.
 */
export const indicatorDirty = pgTable(
  'indicator_dirty',
  {
    countyCode: countyCode(),
    kind: text('kind', { enum: DIRTY_KINDS }).notNull(),
    key: bigint('key', { mode: 'number' }).notNull(),
    year: smallint('year').notNull(),
  },
  (t) => [
    primaryKey({ name: 'indicator_dirty_pk', columns: [t.countyCode, t.kind, t.key, t.year] }),
    oneOf('indicator_dirty_kind_check', t.kind, DIRTY_KINDS),
  ],
);
