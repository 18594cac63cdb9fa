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
  unique,
} from 'drizzle-orm/pg-core';
import { countyCode, countyCodeCheck, fk, id, oneOf, ref } from './columns.js';
import { regions } from './regions.js';

/** Facility types of the health statistics survey (卫生统计调查制度 机构类别), in code words. */
export const FACILITY_TYPES = [
  'general_hospital', // 综合医院
  'tcm_hospital', // 中医医院
  'integrated_hospital', // 中西医结合医院
  'ethnic_medicine_hospital', // 民族医医院
  'specialised_hospital', // 专科医院
  'nursing_home', // 护理院（站）
  'mch_hospital', // 妇幼保健院（所、站）
  'community_health_centre', // 社区卫生服务中心
  'community_health_station', // 社区卫生服务站
  'subdistrict_health_centre', // 街道卫生院
  'township_health_centre', // 乡镇卫生院
  'village_clinic', // 村卫生室
  'clinic', // 诊所、卫生所、医务室
  'outpatient_department', // 门诊部
  'cdc', // 疾病预防控制中心
  'specialised_disease_prevention', // 专科疾病防治院（所、站）
  'health_education', // 健康教育所（站）
  'emergency_centre', // 急救中心（站）
  'blood_station', // 采供血机构
  'health_supervision', // 卫生监督所（局）
  'family_planning_service', // 计划生育技术服务机构
  'other',
] as const;

/** Hospital grade: level 1–3 (一级…三级) and class 甲/乙/丙 as a/b/c; both null = 未定级. */
export const GRADE_CLASSES = ['a', 'b', 'c'] as const;

export const facilities = pgTable(
  'facilities',
  {
    countyCode: countyCode(),
    id: id(),
    /** Registration code (统一社会信用代码 or 医疗机构执业许可证登记号): the natural key. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: FACILITY_TYPES }).notNull(),
    ownership: text('ownership', { enum: ['public', 'private'] }).notNull(),
    gradeLevel: smallint('grade_level'),
    gradeClass: text('grade_class', { enum: GRADE_CLASSES }),
    /** 基层医疗卫生机构. Stored rather than derived from type: a 街道卫生院 or 医务室 is decided locally. */
    primaryCare: boolean('primary_care').notNull(),
    /** The village or town where it stands (12-digit code). */
    regionCode: text('region_code'),
    geriatricsDepartment: boolean('geriatrics_department').notNull().default(false),
    tcmServices: boolean('tcm_services').notNull().default(false),
    openedOn: date('opened_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('facilities_code_key').on(t.countyCode, t.code),
    fk('facilities_region_fk', [t.countyCode, t.regionCode], [regions.countyCode, regions.code]),
    countyCodeCheck('facilities', t.countyCode),
    oneOf('facilities_type_check', t.type, FACILITY_TYPES),
    oneOf('facilities_ownership_check', t.ownership, ['public', 'private']),
    check('facilities_grade_level_check', sql`${t.gradeLevel} in (1, 2, 3)`),
    oneOf('facilities_grade_class_check', t.gradeClass, GRADE_CLASSES),
    check('facilities_grade_check', sql`${t.gradeClass} is null or ${t.gradeLevel} is not null`),
  ],
);

/** Beds actually open (实有床位) at year end; approved beds (编制床位) when known. */
export const facilityBeds = pgTable(
  'facility_beds',
  {
    countyCode: countyCode(),
    facilityId: ref('facility_id').notNull(),
    year: smallint('year').notNull(),
    beds: integer('beds').notNull(),
    approvedBeds: integer('approved_beds'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.facilityId, t.year] }),
    fk('facility_beds_facility_fk', [t.countyCode, t.facilityId], [facilities.countyCode, facilities.id]),
    countyCodeCheck('facility_beds', t.countyCode),
    check('facility_beds_beds_check', sql`${t.beds} >= 0`),
    index('facility_beds_year_idx').on(t.countyCode, t.year),
  ],
);
