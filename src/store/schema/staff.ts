import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { countyCode, countyCodeCheck, fk, id, oneOf, ref, SEXES, source } from './columns.js';
import { facilities } from './facilities.js';

/** Staff categories of the health statistics survey (人员类别). */
export const STAFF_CATEGORIES = [
  'physician', // 执业医师
  'assistant_physician', // 执业助理医师
  'registered_nurse', // 注册护士
  'pharmacist', // 药师（士）
  'lab_technician', // 检验技师（士）
  'imaging_technician', // 影像技师（士）
  'other_health_technical', // 其他卫生技术人员
  'village_doctor', // 乡村医生和卫生员 (not health technical staff in the statistics)
  'other_technical', // 其他技术人员
  'management', // 管理人员
  'support', // 工勤技能人员
] as const;

/** 执业类别 of physicians and assistant physicians. */
export const PRACTICE_CATEGORIES = ['clinical', 'tcm', 'dental', 'public_health'] as const;

/**
 * One person's employment at one facility for a period. A person working at two facilities (多点执业)
 * has two rows; `licence_number` (执业证书编码) lets counts take each person once.
 */
export const staff = pgTable(
  'staff',
  {
    countyCode: countyCode(),
    id: id(),
    ...source(),
    facilityId: ref('facility_id').notNull(),
    name: text('name').notNull(),
    sex: text('sex', { enum: SEXES }),
    birthDate: date('birth_date', { mode: 'string' }),
    licenceNumber: text('licence_number'),
    category: text('category', { enum: STAFF_CATEGORIES }).notNull(),
    practiceCategory: text('practice_category', { enum: PRACTICE_CATEGORIES }),
    /** Registered with general practice as (an added) practice scope (注册为全科医学专业). */
    gpRegistered: boolean('gp_registered').notNull().default(false),
    /** Holds a GP training certificate (全科医生培训合格证书); a GP is either of the two. */
    gpCertificate: boolean('gp_certificate').notNull().default(false),
    /** The actual post is management: excluded from physicians and nurses per 1 000. */
    managementPost: boolean('management_post').notNull().default(false),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('staff_source_key').on(t.countyCode, t.sourceSystem, t.sourceId),
    fk('staff_facility_fk', [t.countyCode, t.facilityId], [facilities.countyCode, facilities.id]),
    countyCodeCheck('staff', t.countyCode),
    oneOf('staff_sex_check', t.sex, SEXES),
    oneOf('staff_category_check', t.category, STAFF_CATEGORIES),
    oneOf('staff_practice_category_check', t.practiceCategory, PRACTICE_CATEGORIES),
    check(
      'staff_practice_category_physicians_check',
      sql`${t.practiceCategory} is null or ${t.category} in ('physician', 'assistant_physician')`,
    ),
    check('staff_period_check', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
    index('staff_facility_idx').on(t.countyCode, t.facilityId),
    index('staff_category_idx').on(t.countyCode, t.category, t.startedOn),
  ],
);
