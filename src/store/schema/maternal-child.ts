import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { countyCode, countyCodeCheck, fk, id, oneOf, ref, SEXES, source } from './columns.js';
import { facilities } from './facilities.js';
import { residents } from './residents.js';

/**
 * A pregnancy under maternal management (孕产妇保健手册), from registration (建册, with the gestational
 * week of the first antenatal check) to delivery and the postpartum visit. Antenatal checks in
 * prenatal_visits; the children in live_births.
 */
export const pregnancies = pgTable(
  'pregnancies',
  {
    countyCode: countyCode(),
    id: id(),
    ...source(),
    residentId: ref('resident_id').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }),
    /** Completed gestational weeks at registration / first antenatal check (早孕建册: < 13). */
    registrationWeek: smallint('registration_week'),
    deliveryDate: date('delivery_date', { mode: 'string' }),
    deliveryFacilityId: ref('delivery_facility_id'),
    /** 住院分娩: delivered in a township health centre or higher (also outside the county). */
    hospitalDelivery: boolean('hospital_delivery'),
    /** First postpartum home visit (产后访视), within 28 days for systematic management. */
    postpartumVisitOn: date('postpartum_visit_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('pregnancies_source_key').on(t.countyCode, t.sourceSystem, t.sourceId),
    fk('pregnancies_resident_fk', [t.countyCode, t.residentId], [residents.countyCode, residents.id]),
    fk(
      'pregnancies_delivery_facility_fk',
      [t.countyCode, t.deliveryFacilityId],
      [facilities.countyCode, facilities.id],
    ),
    countyCodeCheck('pregnancies', t.countyCode),
    check('pregnancies_registration_week_check', sql`${t.registrationWeek} between 0 and 45`),
    index('pregnancies_delivery_idx').on(t.countyCode, t.deliveryDate),
    index('pregnancies_registered_idx').on(t.countyCode, t.registeredOn),
    index('pregnancies_resident_idx').on(t.countyCode, t.residentId),
  ],
);

/** Antenatal checks (产前检查) of a pregnancy; one per day. */
export const prenatalVisits = pgTable(
  'prenatal_visits',
  {
    countyCode: countyCode(),
    pregnancyId: ref('pregnancy_id').notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    gestationalWeek: smallint('gestational_week'),
    facilityId: ref('facility_id'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.pregnancyId, t.visitedOn] }),
    fk(
      'prenatal_visits_pregnancy_fk',
      [t.countyCode, t.pregnancyId],
      [pregnancies.countyCode, pregnancies.id],
      'cascade',
    ),
    fk('prenatal_visits_facility_fk', [t.countyCode, t.facilityId], [facilities.countyCode, facilities.id]),
    countyCodeCheck('prenatal_visits', t.countyCode),
    check('prenatal_visits_week_check', sql`${t.gestationalWeek} between 0 and 45`),
  ],
);

/** Live births (活产): the denominator of maternal, infant and under-five mortality. */
export const liveBirths = pgTable(
  'live_births',
  {
    countyCode: countyCode(),
    id: id(),
    ...source(),
    pregnancyId: ref('pregnancy_id'),
    motherResidentId: ref('mother_resident_id'),
    /** The child, once registered as a resident. */
    childResidentId: ref('child_resident_id'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex', { enum: SEXES }).notNull(),
    /** Grams. */
    birthWeight: smallint('birth_weight'),
    facilityId: ref('facility_id'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    unique('live_births_source_key').on(t.countyCode, t.sourceSystem, t.sourceId),
    fk('live_births_pregnancy_fk', [t.countyCode, t.pregnancyId], [pregnancies.countyCode, pregnancies.id]),
    fk('live_births_mother_fk', [t.countyCode, t.motherResidentId], [residents.countyCode, residents.id]),
    fk('live_births_child_fk', [t.countyCode, t.childResidentId], [residents.countyCode, residents.id]),
    fk('live_births_facility_fk', [t.countyCode, t.facilityId], [facilities.countyCode, facilities.id]),
    countyCodeCheck('live_births', t.countyCode),
    oneOf('live_births_sex_check', t.sex, SEXES),
    check('live_births_weight_check', sql`${t.birthWeight} between 100 and 9000`),
    index('live_births_date_idx').on(t.countyCode, t.birthDate),
  ],
);
