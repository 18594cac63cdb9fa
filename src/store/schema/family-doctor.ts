import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { countyCode, countyCodeCheck, fk, id, ref, source } from './columns.js';
import { facilities } from './facilities.js';
import { residents } from './residents.js';
import { staff } from './staff.js';

/**
 * Priority groups (重点人群) as written in `priority_groups`. Not a CHECK: the list is a per-plan setting
 * and sources may add groups.
 */
export const PRIORITY_GROUPS = [
  'elderly', // 65+
  'child', // 0–6
  'maternal', // 孕产妇
  'hypertension',
  'type2_diabetes',
  'severe_mental_disorder',
  'tuberculosis',
  'disabled', // 残疾人
  'special_family_planning', // 计划生育特殊家庭
  'low_income', // 脱贫人口 / 困难人群
] as const;

/**
 * Family-doctor contracts (家庭医生签约). A contract valid on 31 December counts for coverage; a renewal
 * (续签) names the contract it continues.
 */
export const familyDoctorContracts = pgTable(
  'family_doctor_contracts',
  {
    countyCode: countyCode(),
    id: id(),
    ...source(),
    residentId: ref('resident_id').notNull(),
    teamName: text('team_name'),
    doctorId: ref('doctor_id'),
    facilityId: ref('facility_id'),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    /** Ended before end_on (解约, death, moving away). */
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    priorityGroups: text('priority_groups')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    renewsContractId: ref('renews_contract_id'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('family_doctor_contracts_source_key').on(t.countyCode, t.sourceSystem, t.sourceId),
    fk(
      'family_doctor_contracts_resident_fk',
      [t.countyCode, t.residentId],
      [residents.countyCode, residents.id],
    ),
    fk('family_doctor_contracts_doctor_fk', [t.countyCode, t.doctorId], [staff.countyCode, staff.id]),
    fk(
      'family_doctor_contracts_facility_fk',
      [t.countyCode, t.facilityId],
      [facilities.countyCode, facilities.id],
    ),
    fk('family_doctor_contracts_renews_fk', [t.countyCode, t.renewsContractId], [t.countyCode, t.id]),
    countyCodeCheck('family_doctor_contracts', t.countyCode),
    check('family_doctor_contracts_period_check', sql`${t.endOn} >= ${t.startOn}`),
    index('family_doctor_contracts_period_idx').on(t.countyCode, t.endOn, t.startOn),
    index('family_doctor_contracts_resident_idx').on(t.countyCode, t.residentId),
    index('family_doctor_contracts_renews_idx').on(t.countyCode, t.renewsContractId),
  ],
);
