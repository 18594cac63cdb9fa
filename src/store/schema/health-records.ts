import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { countyCode, countyCodeCheck, fk, id, ref } from './columns.js';
import { facilities } from './facilities.js';
import { residents } from './residents.js';
import { staff } from './staff.js';

/**
 * The resident's electronic health record (居民电子健康档案), one per resident. The `has_*` flags are the
 * personal basic information sheet as the record holds it (not the resident master): with
 * `last_service_on` in the year they decide a "standardized" record (docs: indicator-definitions.md).
 */
export const healthRecords = pgTable(
  'health_records',
  {
    countyCode: countyCode(),
    id: id(),
    residentId: ref('resident_id').notNull(),
    /** 档案编号 in the source system. */
    recordNumber: text('record_number'),
    managingFacilityId: ref('managing_facility_id'),
    responsibleDoctorId: ref('responsible_doctor_id'),
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    lastUpdatedOn: date('last_updated_on', { mode: 'string' }),
    /** Most recent service entered in the record (follow-up, check-up, visit…). */
    lastServiceOn: date('last_service_on', { mode: 'string' }),
    /** 结案 (death, moving away). */
    closedOn: date('closed_on', { mode: 'string' }),
    hasIdNumber: boolean('has_id_number').notNull().default(false),
    hasName: boolean('has_name').notNull().default(false),
    hasSex: boolean('has_sex').notNull().default(false),
    hasBirthDate: boolean('has_birth_date').notNull().default(false),
    hasAddress: boolean('has_address').notNull().default(false),
    hasPhone: boolean('has_phone').notNull().default(false),
    hasResponsibleDoctor: boolean('has_responsible_doctor').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('health_records_resident_key').on(t.countyCode, t.residentId),
    fk('health_records_resident_fk', [t.countyCode, t.residentId], [residents.countyCode, residents.id]),
    fk(
      'health_records_facility_fk',
      [t.countyCode, t.managingFacilityId],
      [facilities.countyCode, facilities.id],
    ),
    fk('health_records_doctor_fk', [t.countyCode, t.responsibleDoctorId], [staff.countyCode, staff.id]),
    countyCodeCheck('health_records', t.countyCode),
    check('health_records_dates_check', sql`${t.closedOn} is null or ${t.closedOn} >= ${t.createdOn}`),
    index('health_records_created_idx').on(t.countyCode, t.createdOn),
    index('health_records_last_service_idx').on(t.countyCode, t.lastServiceOn),
  ],
);
