import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { countyCode, countyCodeCheck, fk, id, oneOf, ref, SEXES } from './columns.js';
import { regions } from './regions.js';

/**
 * The master patient index of the county: one row per person known to the platform, including patients
 * from outside the county (`resident` and `registered` false, `residence_county_code` elsewhere).
 * A duplicate found later is merged into the surviving row (`merged_into_id`) and kept for traceability.
 */
export const residents = pgTable(
  'residents',
  {
    countyCode: countyCode(),
    id: id(),
    /** 18-character GB 11643 number (15-digit ones converted on import); unique in the county when present. */
    residentIdNumber: text('resident_id_number'),
    name: text('name').notNull(),
    sex: text('sex', { enum: SEXES }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    /** The village (村/社区) of residence, 12-digit code, when it is in the county. */
    residenceVillageCode: text('residence_village_code'),
    /** 6-digit county of residence; equals county_code for the county's own residents. */
    residenceCountyCode: text('residence_county_code'),
    address: text('address'),
    /** 常住: lives in the county (≥ 6 months); 户籍: household registration in the county. */
    resident: boolean('resident').notNull(),
    registered: boolean('registered').notNull(),
    phone: text('phone'),
    deathDate: date('death_date', { mode: 'string' }),
    mergedIntoId: ref('merged_into_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('residents_id_number_key').on(t.countyCode, t.residentIdNumber),
    fk('residents_village_fk', [t.countyCode, t.residenceVillageCode], [regions.countyCode, regions.code]),
    fk('residents_merged_into_fk', [t.countyCode, t.mergedIntoId], [t.countyCode, t.id]),
    countyCodeCheck('residents', t.countyCode),
    oneOf('residents_sex_check', t.sex, SEXES),
    check('residents_id_number_check', sql`${t.residentIdNumber} ~ '^[0-9]{17}[0-9X]$'`),
    check('residents_not_merged_into_self_check', sql`${t.mergedIntoId} <> ${t.id}`),
    index('residents_village_idx').on(t.countyCode, t.residenceVillageCode),
    index('residents_birth_date_idx').on(t.countyCode, t.birthDate),
    // Resident lookup (access/resident-lookup.ts): name by prefix, ID number by its last digits (a prefix of
    // the reversed number), phone in full. text_pattern_ops lets `like 'x%'` use the index in any collation.
    index('residents_name_prefix_idx').on(t.countyCode, t.name.op('text_pattern_ops')),
    index('residents_id_number_suffix_idx').on(
      t.countyCode,
      sql`reverse(${t.residentIdNumber}) text_pattern_ops`,
    ),
    index('residents_phone_idx').on(t.countyCode, t.phone),
  ],
);

/**
 * Other identifiers of a resident: `insurance` (医保号), `passport`, `health_card` (居民健康卡),
 * `source:<system>` (the patient id in a source system, e.g. `source:his:320612-001`), … The key
 * (county_code, system, value) resolves an imported record to its resident.
 */
export const residentIdentifiers = pgTable(
  'resident_identifiers',
  {
    countyCode: countyCode(),
    system: text('system').notNull(),
    value: text('value').notNull(),
    residentId: ref('resident_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.system, t.value] }),
    fk(
      'resident_identifiers_resident_fk',
      [t.countyCode, t.residentId],
      [residents.countyCode, residents.id],
    ),
    countyCodeCheck('resident_identifiers', t.countyCode),
    index('resident_identifiers_resident_idx').on(t.countyCode, t.residentId),
  ],
);

export const MATCH_STATUSES = ['pending', 'merged', 'rejected'] as const;

/**
 * Pairs of residents that a match rule says may be the same person, for review. Each pair once (lower id
 * first); after `merged`, the losing row's `merged_into_id` names the survivor.
 */
export const residentMatchCandidates = pgTable(
  'resident_match_candidates',
  {
    countyCode: countyCode(),
    residentId: ref('resident_id').notNull(),
    otherResidentId: ref('other_resident_id').notNull(),
    /** The rule that found the pair, e.g. `name+sex+birth_date`, `name+phone`. */
    rule: text('rule').notNull(),
    score: real('score'),
    status: text('status', { enum: MATCH_STATUSES }).notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
  },
  (t) => [
    primaryKey({
      name: 'resident_match_candidates_pk',
      columns: [t.countyCode, t.residentId, t.otherResidentId],
    }),
    fk(
      'resident_match_candidates_resident_fk',
      [t.countyCode, t.residentId],
      [residents.countyCode, residents.id],
    ),
    fk(
      'resident_match_candidates_other_fk',
      [t.countyCode, t.otherResidentId],
      [residents.countyCode, residents.id],
    ),
    countyCodeCheck('resident_match_candidates', t.countyCode),
    oneOf('resident_match_candidates_status_check', t.status, MATCH_STATUSES),
    check('resident_match_candidates_order_check', sql`${t.residentId} < ${t.otherResidentId}`),
    index('resident_match_candidates_status_idx').on(t.countyCode, t.status),
  ],
);
