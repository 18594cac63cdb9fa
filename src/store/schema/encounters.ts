import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { countyCode, countyCodeCheck, fk, id, oneOf, ref, source } from './columns.js';
import { facilities } from './facilities.js';
import { residents } from './residents.js';

export const ENCOUNTER_CLASSES = ['outpatient', 'emergency', 'inpatient'] as const;

/**
 * Medical record summaries (电子病历首页/门诊记录): one visit or one admission. `county_code` is the county
 * whose platform holds the row. The facility may be outside the county (insurance settlement data, for
 * the in-county visit rate): then `facility_id` is null and `facility_county_code` names its county.
 * The patient may be unidentified (`resident_id` null) or from elsewhere (`patient_county_code`).
 */
export const encounters = pgTable(
  'encounters',
  {
    countyCode: countyCode(),
    id: id(),
    ...source(),
    residentId: ref('resident_id'),
    /** 6-digit county of the patient's residence, copied so visit shares need no join. */
    patientCountyCode: text('patient_county_code'),
    facilityId: ref('facility_id'),
    facilityCountyCode: text('facility_county_code').notNull(),
    facilityName: text('facility_name'),
    class: text('class', { enum: ENCOUNTER_CLASSES }).notNull(),
    /** Visit date, or admission date of an inpatient stay. */
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** Discharge date (inpatients); null while admitted. */
    endDate: date('end_date', { mode: 'string' }),
    department: text('department'),
    /** Primary (principal) diagnosis, ICD-10; all diagnoses in encounter_diagnoses. */
    primaryDiagnosisCode: text('primary_diagnosis_code'),
    /** In yuan. */
    totalCost: numeric('total_cost', { precision: 12, scale: 2 }),
    outOfPocket: numeric('out_of_pocket', { precision: 12, scale: 2 }),
    /** Days as the record states them (实际住院天数: a same-day stay counts 1). */
    lengthOfStay: smallint('length_of_stay'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('encounters_source_key').on(t.countyCode, t.sourceSystem, t.sourceId),
    fk('encounters_resident_fk', [t.countyCode, t.residentId], [residents.countyCode, residents.id]),
    fk('encounters_facility_fk', [t.countyCode, t.facilityId], [facilities.countyCode, facilities.id]),
    countyCodeCheck('encounters', t.countyCode),
    oneOf('encounters_class_check', t.class, ENCOUNTER_CLASSES),
    check(
      'encounters_facility_check',
      sql`(${t.facilityId} is null or ${t.facilityCountyCode} = ${t.countyCode}) and (${t.facilityId} is not null or ${t.facilityName} is not null)`,
    ),
    check('encounters_dates_check', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check(
      'encounters_amounts_check',
      sql`${t.totalCost} >= 0 and ${t.outOfPocket} >= 0 and ${t.outOfPocket} <= ${t.totalCost}`,
    ),
    check('encounters_length_of_stay_check', sql`${t.lengthOfStay} >= 0`),
    // A year's encounters by date, with every column the indicator rebuild reads (visits by facility,
    // quarter and class, costs, the residents seen): the rebuild reads this index alone, not the table,
    // whose rows of a year lie on every page when records are not loaded in date order.
    index('encounters_start_idx').on(
      t.countyCode,
      t.startDate,
      t.facilityId,
      t.class,
      t.residentId,
      t.patientCountyCode,
      t.totalCost,
      t.outOfPocket,
    ),
    // Discharges in a period (average length of stay, bed-days): inpatient rows by discharge date, with
    // what the rebuild sums of them.
    index('encounters_discharge_idx')
      .on(t.countyCode, t.endDate, t.facilityId, t.startDate, t.lengthOfStay)
      .where(sql`${t.class} = 'inpatient'`),
    // A person's encounters; with the facility, whether a person-year has a visit at a facility of the
    // platform is answered from the index alone (the refresh asks it for every person-year it computes).
    index('encounters_resident_idx').on(t.countyCode, t.residentId, t.startDate, t.facilityId),
    index('encounters_facility_idx').on(t.countyCode, t.facilityId, t.startDate),
  ],
);

/** All diagnoses of an encounter, position 1 = primary. */
export const encounterDiagnoses = pgTable(
  'encounter_diagnoses',
  {
    countyCode: countyCode(),
    encounterId: ref('encounter_id').notNull(),
    position: smallint('position').notNull(),
    /** ICD-10 code as coded (e.g. I10, E11.9). */
    code: text('code').notNull(),
    name: text('name'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.encounterId, t.position] }),
    fk(
      'encounter_diagnoses_encounter_fk',
      [t.countyCode, t.encounterId],
      [encounters.countyCode, encounters.id],
      'cascade',
    ),
    countyCodeCheck('encounter_diagnoses', t.countyCode),
    check('encounter_diagnoses_position_check', sql`${t.position} >= 1`),
    // No index by code: no query reads diagnoses by code (migration 0012 dropped the one there was, the
    // third largest of a 2 M county at 579 MB); add it with the first query that needs it.
  ],
);

export const REFERRAL_STATUSES = ['requested', 'accepted', 'completed', 'rejected', 'cancelled'] as const;

/** Two-way referrals (双向转诊): up to a higher-level facility or down to primary care. */
export const referrals = pgTable(
  'referrals',
  {
    countyCode: countyCode(),
    id: id(),
    ...source(),
    residentId: ref('resident_id'),
    fromFacilityId: ref('from_facility_id'),
    /** Null when the other side is outside the county; its name then in to_facility_name. */
    toFacilityId: ref('to_facility_id'),
    toFacilityName: text('to_facility_name'),
    direction: text('direction', { enum: ['up', 'down'] }).notNull(),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }),
    status: text('status', { enum: REFERRAL_STATUSES }).notNull(),
    /** The visit during which it was made (FHIR `encounter`), when the source names it. */
    encounterId: ref('encounter_id'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('referrals_source_key').on(t.countyCode, t.sourceSystem, t.sourceId),
    fk('referrals_resident_fk', [t.countyCode, t.residentId], [residents.countyCode, residents.id]),
    fk('referrals_from_fk', [t.countyCode, t.fromFacilityId], [facilities.countyCode, facilities.id]),
    fk('referrals_to_fk', [t.countyCode, t.toFacilityId], [facilities.countyCode, facilities.id]),
    fk('referrals_encounter_fk', [t.countyCode, t.encounterId], [encounters.countyCode, encounters.id]),
    countyCodeCheck('referrals', t.countyCode),
    oneOf('referrals_direction_check', t.direction, ['up', 'down']),
    oneOf('referrals_status_check', t.status, REFERRAL_STATUSES),
    index('referrals_referred_idx').on(t.countyCode, t.referredOn),
    // A resident's timeline.
    index('referrals_resident_idx').on(t.countyCode, t.residentId, t.referredOn),
    // A visit's records (FHIR search by encounter): only the rows that name one.
    index('referrals_encounter_idx')
      .on(t.countyCode, t.encounterId)
      .where(sql`${t.encounterId} is not null`),
  ],
);
