import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { countyCode, countyCodeCheck, fk, oneOf } from './columns.js';

export const REGION_LEVELS = ['county', 'town', 'village'] as const;

/**
 * The county's divisions with their 12-digit statistical codes (统计用区划代码): the county itself
 * (its 6-digit code + 000000), towns (乡镇/街道, 9 digits + 000) and villages (村/社区).
 */
export const regions = pgTable(
  'regions',
  {
    countyCode: countyCode(),
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    level: text('level', { enum: REGION_LEVELS }).notNull(),
    name: text('name').notNull(),
    /** 城乡分类代码 (111 主城区 … 220 村庄) of a village, when known. */
    urbanRuralCode: text('urban_rural_code'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.code] }),
    fk('regions_parent_fk', [t.countyCode, t.parentCode], [t.countyCode, t.code]),
    countyCodeCheck('regions', t.countyCode),
    oneOf('regions_level_check', t.level, REGION_LEVELS),
    check('regions_code_check', sql`${t.code} ~ '^[0-9]{12}$' and left(${t.code}, 6) = ${t.countyCode}`),
    check('regions_parent_check', sql`(${t.level} = 'county') = (${t.parentCode} is null)`),
  ],
);

/** Lower bounds of the age groups of the denominators and the life table: 0, 1–4, 5–9, …, 80–84, 85+. */
export const AGE_GROUPS = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85] as const;
export const POPULATION_BASES = ['resident', 'registered'] as const;

/**
 * Population of a region (any level) by year, basis (常住 resident / 户籍 registered), sex and 5-year age
 * group: the denominators. `year_end` is the count on 31 December. Mid-year (average) population, used
 * for death rates, incidence and life tables, is `mid_year` when the statistics bureau publishes it, and
 * otherwise (year_end of year − 1 + year_end of year) / 2.
 */
export const population = pgTable(
  'population',
  {
    countyCode: countyCode(),
    regionCode: text('region_code').notNull(),
    year: smallint('year').notNull(),
    basis: text('basis', { enum: POPULATION_BASES }).notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    /** Lower bound of the age group (see AGE_GROUPS); 85 = 85 and over. */
    ageGroup: smallint('age_group').notNull(),
    yearEnd: integer('year_end').notNull(),
    midYear: integer('mid_year'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.regionCode, t.year, t.basis, t.sex, t.ageGroup] }),
    fk('population_region_fk', [t.countyCode, t.regionCode], [regions.countyCode, regions.code]),
    countyCodeCheck('population', t.countyCode),
    oneOf('population_basis_check', t.basis, POPULATION_BASES),
    oneOf('population_sex_check', t.sex, ['male', 'female']),
    check('population_age_group_check', sql`${t.ageGroup} in (${sql.raw(AGE_GROUPS.join(', '))})`),
    check('population_counts_check', sql`${t.yearEnd} >= 0 and (${t.midYear} is null or ${t.midYear} >= 0)`),
  ],
);

/** Childcare places for children under 3 (3岁以下婴幼儿托位) by region and year, at year end. */
export const childcarePlaces = pgTable(
  'childcare_places',
  {
    countyCode: countyCode(),
    regionCode: text('region_code').notNull(),
    year: smallint('year').notNull(),
    places: integer('places').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.regionCode, t.year] }),
    fk('childcare_places_region_fk', [t.countyCode, t.regionCode], [regions.countyCode, regions.code]),
    countyCodeCheck('childcare_places', t.countyCode),
    check('childcare_places_places_check', sql`${t.places} >= 0`),
  ],
);
