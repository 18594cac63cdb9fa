import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { countyCode, countyCodeCheck, fk, id, oneOf, ref, source } from './columns.js';
import { encounters } from './encounters.js';
import { facilities } from './facilities.js';
import { residents } from './residents.js';

/**
 * Why a check-up was done: the BPHS elderly health management (65+), the annual check-up of a managed
 * chronic patient (part of "standardized management"), or another health examination.
 */
export const CHECKUP_PROGRAMMES = ['elderly', 'chronic_disease', 'severe_mental_disorder', 'other'] as const;

/**
 * Health check-ups (健康体检). The four parts of the BPHS-3 elderly service are separate flags;
 * `form_complete` is the check-up form (健康体检表) filled in completely, as the source says.
 */
export const healthCheckups = pgTable(
  'health_checkups',
  {
    countyCode: countyCode(),
    id: id(),
    ...source(),
    residentId: ref('resident_id').notNull(),
    programme: text('programme', { enum: CHECKUP_PROGRAMMES }).notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    facilityId: ref('facility_id'),
    /** 生活方式和健康状况评估. */
    lifestyleAssessment: boolean('lifestyle_assessment').notNull().default(false),
    /** 体格检查. */
    physicalExamination: boolean('physical_examination').notNull().default(false),
    /** 辅助检查 (blood, urine, liver and kidney function, lipids, glucose, ECG, abdominal ultrasound). */
    auxiliaryTests: boolean('auxiliary_tests').notNull().default(false),
    /** 健康指导. */
    healthGuidance: boolean('health_guidance').notNull().default(false),
    formComplete: boolean('form_complete').notNull().default(false),
    /** The visit during which it was done (FHIR `encounter`), when the source names it. */
    encounterId: ref('encounter_id'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('health_checkups_source_key').on(t.countyCode, t.sourceSystem, t.sourceId),
    fk('health_checkups_resident_fk', [t.countyCode, t.residentId], [residents.countyCode, residents.id]),
    fk('health_checkups_facility_fk', [t.countyCode, t.facilityId], [facilities.countyCode, facilities.id]),
    fk('health_checkups_encounter_fk', [t.countyCode, t.encounterId], [encounters.countyCode, encounters.id]),
    countyCodeCheck('health_checkups', t.countyCode),
    oneOf('health_checkups_programme_check', t.programme, CHECKUP_PROGRAMMES),
    index('health_checkups_date_idx').on(t.countyCode, t.programme, t.checkedOn),
    index('health_checkups_resident_idx').on(t.countyCode, t.residentId, t.checkedOn),
    // A visit's records (FHIR search by encounter): only the rows that name one.
    index('health_checkups_encounter_idx')
      .on(t.countyCode, t.encounterId)
      .where(sql`${t.encounterId} is not null`),
  ],
);

/** Child health checks (0–6 years, 儿童健康管理), with the eye care and vision screening flag. */
export const childHealthChecks = pgTable(
  'child_health_checks',
  {
    countyCode: countyCode(),
    id: id(),
    ...source(),
    residentId: ref('resident_id').notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    facilityId: ref('facility_id'),
    eyeScreening: boolean('eye_screening').notNull().default(false),
    /** The visit during which it was done (FHIR `encounter`), when the source names it. */
    encounterId: ref('encounter_id'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('child_health_checks_source_key').on(t.countyCode, t.sourceSystem, t.sourceId),
    fk('child_health_checks_resident_fk', [t.countyCode, t.residentId], [residents.countyCode, residents.id]),
    fk(
      'child_health_checks_facility_fk',
      [t.countyCode, t.facilityId],
      [facilities.countyCode, facilities.id],
    ),
    fk(
      'child_health_checks_encounter_fk',
      [t.countyCode, t.encounterId],
      [encounters.countyCode, encounters.id],
    ),
    countyCodeCheck('child_health_checks', t.countyCode),
    index('child_health_checks_date_idx').on(t.countyCode, t.checkedOn),
    index('child_health_checks_resident_idx').on(t.countyCode, t.residentId, t.checkedOn),
    // A visit's records (FHIR search by encounter): only the rows that name one.
    index('child_health_checks_encounter_idx')
      .on(t.countyCode, t.encounterId)
      .where(sql`${t.encounterId} is not null`),
  ],
);
