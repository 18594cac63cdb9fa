import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { countyCode, countyCodeCheck, fk, id, oneOf, ref, SEXES, source } from './columns.js';
import { encounters } from './encounters.js';
import { facilities } from './facilities.js';
import { residents } from './residents.js';

/** 甲类, 乙类, 丙类, and 其他法定管理以及重点监测传染病. */
export const DISEASE_CLASSES = ['A', 'B', 'C', 'other'] as const;
/** 确诊病例, 临床诊断病例, 疑似病例, 病原携带者, 阳性检测. */
export const CASE_CLASSIFICATIONS = [
  'confirmed',
  'clinical',
  'suspected',
  'carrier',
  'positive_test',
] as const;

/**
 * Notifiable disease report cards (传染病报告卡). Cases count for the county of the patient's current
 * address (现住址), `patient_county_code`, which may differ from the reporting county.
 */
export const notifiableDiseaseReports = pgTable(
  'notifiable_disease_reports',
  {
    countyCode: countyCode(),
    id: id(),
    ...source(),
    residentId: ref('resident_id'),
    patientCountyCode: text('patient_county_code'),
    reportingFacilityId: ref('reporting_facility_id'),
    diseaseCode: text('disease_code').notNull(),
    diseaseName: text('disease_name').notNull(),
    diseaseClass: text('disease_class', { enum: DISEASE_CLASSES }).notNull(),
    caseClassification: text('case_classification', { enum: CASE_CLASSIFICATIONS }),
    onsetDate: date('onset_date', { mode: 'string' }),
    diagnosedOn: date('diagnosed_on', { mode: 'string' }),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    /** The visit during which it was reported (FHIR `encounter`), when the source names it. */
    encounterId: ref('encounter_id'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('notifiable_disease_reports_source_key').on(t.countyCode, t.sourceSystem, t.sourceId),
    fk(
      'notifiable_disease_reports_resident_fk',
      [t.countyCode, t.residentId],
      [residents.countyCode, residents.id],
    ),
    fk(
      'notifiable_disease_reports_facility_fk',
      [t.countyCode, t.reportingFacilityId],
      [facilities.countyCode, facilities.id],
    ),
    fk(
      'notifiable_disease_reports_encounter_fk',
      [t.countyCode, t.encounterId],
      [encounters.countyCode, encounters.id],
    ),
    countyCodeCheck('notifiable_disease_reports', t.countyCode),
    oneOf('notifiable_disease_reports_class_check', t.diseaseClass, DISEASE_CLASSES),
    oneOf('notifiable_disease_reports_case_check', t.caseClassification, CASE_CLASSIFICATIONS),
    index('notifiable_disease_reports_onset_idx').on(t.countyCode, t.diseaseClass, t.onsetDate),
    index('notifiable_disease_reports_reported_idx').on(t.countyCode, t.reportedAt),
    // A visit's records (FHIR search by encounter): only the rows that name one.
    index('notifiable_disease_reports_encounter_idx')
      .on(t.countyCode, t.encounterId)
      .where(sql`${t.encounterId} is not null`),
  ],
);

/**
 * Deaths (死因监测). Sex and age are kept on the row because the deceased may have no resident row;
 * `age_days` for deaths under one year (neonatal, infant).
 */
export const deaths = pgTable(
  'deaths',
  {
    countyCode: countyCode(),
    id: id(),
    ...source(),
    residentId: ref('resident_id'),
    deathDate: date('death_date', { mode: 'string' }).notNull(),
    sex: text('sex', { enum: SEXES }).notNull(),
    /** Completed years at death. */
    ageYears: smallint('age_years').notNull(),
    ageDays: integer('age_days'),
    /** Underlying cause of death, ICD-10. */
    underlyingCauseCode: text('underlying_cause_code'),
    /** During pregnancy or within 42 days of its end, not accidental (孕产妇死亡). */
    maternalDeath: boolean('maternal_death').notNull().default(false),
    /** 12-digit code of the usual residence, for deaths attributed to a town or village. */
    residenceRegionCode: text('residence_region_code'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('deaths_source_key').on(t.countyCode, t.sourceSystem, t.sourceId),
    // A person dies once.
    unique('deaths_resident_key').on(t.countyCode, t.residentId),
    fk('deaths_resident_fk', [t.countyCode, t.residentId], [residents.countyCode, residents.id]),
    countyCodeCheck('deaths', t.countyCode),
    oneOf('deaths_sex_check', t.sex, SEXES),
    check(
      'deaths_age_check',
      sql`${t.ageYears} between 0 and 150 and (${t.ageDays} is null or ${t.ageYears} = 0)`,
    ),
    index('deaths_date_idx').on(t.countyCode, t.deathDate),
    index('deaths_cause_idx').on(t.countyCode, t.underlyingCauseCode),
  ],
);
