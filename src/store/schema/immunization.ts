import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, smallint, text, unique } from 'drizzle-orm/pg-core';
import { countyCode, countyCodeCheck, fk, id, ref, source } from './columns.js';
import { facilities } from './facilities.js';
import { residents } from './residents.js';

/** Doses given (实种). `vaccine_code` as the immunization information system codes it. */
export const immunizations = pgTable(
  'immunizations',
  {
    countyCode: countyCode(),
    id: id(),
    ...source(),
    residentId: ref('resident_id').notNull(),
    vaccineCode: text('vaccine_code').notNull(),
    doseNumber: smallint('dose_number').notNull(),
    vaccinatedOn: date('vaccinated_on', { mode: 'string' }).notNull(),
    facilityId: ref('facility_id'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('immunizations_source_key').on(t.countyCode, t.sourceSystem, t.sourceId),
    fk('immunizations_resident_fk', [t.countyCode, t.residentId], [residents.countyCode, residents.id]),
    fk('immunizations_facility_fk', [t.countyCode, t.facilityId], [facilities.countyCode, facilities.id]),
    countyCodeCheck('immunizations', t.countyCode),
    check('immunizations_dose_check', sql`${t.doseNumber} >= 1`),
    index('immunizations_vaccine_idx').on(t.countyCode, t.vaccineCode, t.doseNumber, t.vaccinatedOn),
    index('immunizations_resident_idx').on(t.countyCode, t.residentId),
  ],
);

/**
 * Doses due (应种) as the immunization information system lists them. Optional: without them the
 * engine derives the due doses from the national schedule and birth dates.
 */
export const immunizationDueDoses = pgTable(
  'immunization_due_doses',
  {
    countyCode: countyCode(),
    residentId: ref('resident_id').notNull(),
    vaccineCode: text('vaccine_code').notNull(),
    doseNumber: smallint('dose_number').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({
      name: 'immunization_due_doses_pk',
      columns: [t.countyCode, t.residentId, t.vaccineCode, t.doseNumber],
    }),
    fk(
      'immunization_due_doses_resident_fk',
      [t.countyCode, t.residentId],
      [residents.countyCode, residents.id],
    ),
    countyCodeCheck('immunization_due_doses', t.countyCode),
    check('immunization_due_doses_dose_check', sql`${t.doseNumber} >= 1`),
    index('immunization_due_doses_due_idx').on(t.countyCode, t.vaccineCode, t.doseNumber, t.dueOn),
  ],
);
