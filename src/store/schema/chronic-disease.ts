import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { encounters } from './encounters.js';
import { facilities } from './facilities.js';
import { residents } from './residents.js';
import { staff } from './staff.js';

export const CHRONIC_DISEASES = ['hypertension', 'type2_diabetes', 'severe_mental_disorder'] as const;

/** A patient under BPHS management for one disease (在册), from registration to closing (结案). */
export const chronicDiseaseRegistrations = pgTable(
  'chronic_disease_registrations',
  {
    countyCode: countyCode(),
    id: id(),
    ...source(),
    residentId: ref('resident_id').notNull(),
    disease: text('disease', { enum: CHRONIC_DISEASES }).notNull(),
    managingFacilityId: ref('managing_facility_id'),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    closeReason: text('close_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('chronic_disease_registrations_source_key').on(t.countyCode, t.sourceSystem, t.sourceId),
    fk(
      'chronic_disease_registrations_resident_fk',
      [t.countyCode, t.residentId],
      [residents.countyCode, residents.id],
    ),
    fk(
      'chronic_disease_registrations_facility_fk',
      [t.countyCode, t.managingFacilityId],
      [facilities.countyCode, facilities.id],
    ),
    countyCodeCheck('chronic_disease_registrations', t.countyCode),
    oneOf('chronic_disease_registrations_disease_check', t.disease, CHRONIC_DISEASES),
    check(
      'chronic_disease_registrations_dates_check',
      sql`${t.closedOn} is null or ${t.closedOn} >= ${t.registeredOn}`,
    ),
    index('chronic_disease_registrations_period_idx').on(t.countyCode, t.disease, t.registeredOn, t.closedOn),
    index('chronic_disease_registrations_resident_idx').on(t.countyCode, t.residentId),
  ],
);

/**
 * A follow-up of a registered patient. Blood pressure in mmHg, fasting glucose in mmol/L; `controlled` is
 * the doctor's judgement as recorded — the control-rate indicators recompute it from the values.
 */
export const chronicDiseaseFollowUps = pgTable(
  'chronic_disease_follow_ups',
  {
    countyCode: countyCode(),
    id: id(),
    ...source(),
    registrationId: ref('registration_id').notNull(),
    followedUpOn: date('followed_up_on', { mode: 'string' }).notNull(),
    faceToFace: boolean('face_to_face').notNull(),
    systolic: smallint('systolic'),
    diastolic: smallint('diastolic'),
    fastingGlucose: numeric('fasting_glucose', { precision: 4, scale: 1 }),
    controlled: boolean('controlled'),
    facilityId: ref('facility_id'),
    doctorId: ref('doctor_id'),
    /** The visit during which it was done (FHIR `encounter`), when the source names it. */
    encounterId: ref('encounter_id'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('chronic_disease_follow_ups_source_key').on(t.countyCode, t.sourceSystem, t.sourceId),
    fk(
      'chronic_disease_follow_ups_registration_fk',
      [t.countyCode, t.registrationId],
      [chronicDiseaseRegistrations.countyCode, chronicDiseaseRegistrations.id],
    ),
    fk(
      'chronic_disease_follow_ups_facility_fk',
      [t.countyCode, t.facilityId],
      [facilities.countyCode, facilities.id],
    ),
    fk('chronic_disease_follow_ups_doctor_fk', [t.countyCode, t.doctorId], [staff.countyCode, staff.id]),
    fk(
      'chronic_disease_follow_ups_encounter_fk',
      [t.countyCode, t.encounterId],
      [encounters.countyCode, encounters.id],
    ),
    countyCodeCheck('chronic_disease_follow_ups', t.countyCode),
    check(
      'chronic_disease_follow_ups_values_check',
      sql`${t.systolic} between 0 and 400 and ${t.diastolic} between 0 and 300 and ${t.fastingGlucose} >= 0`,
    ),
    index('chronic_disease_follow_ups_date_idx').on(t.countyCode, t.followedUpOn),
    // Counting follow-ups per patient and finding the most recent one in a year.
    index('chronic_disease_follow_ups_registration_idx').on(t.countyCode, t.registrationId, t.followedUpOn),
    // A visit's records (FHIR search by encounter): only the rows that name one.
    index('chronic_disease_follow_ups_encounter_idx')
      .on(t.countyCode, t.encounterId)
      .where(sql`${t.encounterId} is not null`),
  ],
);
