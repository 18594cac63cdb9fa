import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUNIZATION_SCHEDULE } from '../domain/indicators/definitions/immunization-schedule.js';
import type { Database, Db } from '../store/db.js';
import {
  childcarePlaces,
  childHealthChecks,
  chronicDiseaseFollowUps,
  chronicDiseaseRegistrations,
  deaths,
  encounters,
  facilities,
  facilityBeds,
  familyDoctorContracts,
  healthCheckups,
  healthRecords,
  immunizations,
  liveBirths,
  notifiableDiseaseReports,
  population,
  prenatalVisits,
  pregnancies,
  residents,
  staff,
} from '../store/schema/index.js';
import { backends } from '../testing/databases.js';
import { rebuildIndicators, refreshAfterBatch } from './refresh.js';
import { query } from './sql/bind.js';
import { COUNTY, openTinyCounty, V11, V12, V21 } from './tiny-county.fixture.js';

/*
 * Property: after any sequence of import batches, each followed by refreshAfterBatch in its transaction,
 * the maintained rollups and values equal those of a full rebuild. The batches touch every records table
 * the engine reads, by insert, upsert, update and delete.
 */

const county = { countyCode: COUNTY };
const day = fc
  .integer({ min: 0, max: 5 * 365 })
  .map((d) => new Date(Date.UTC(2021, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const residentId = fc.integer({ min: 1, max: 14 });
const facilityId = fc.integer({ min: 1, max: 10 });
const village = fc.constantFrom(V11, V12, V21);
const year = fc.integer({ min: 2021, max: 2025 });
const flag = fc.boolean();
let serial = 0;
const src = () => ({ sourceSystem: 'prop', sourceId: String(++serial) });

type Op = ((db: Db) => Promise<unknown>) & { [fc.toStringMethod]?: () => string };

/** An operation that prints as its data in a counterexample. */
function op<T>(
  data: fc.Arbitrary<T>,
  name: string,
  apply: (db: Db, x: T) => Promise<unknown>,
): fc.Arbitrary<Op> {
  return data.map((x) =>
    Object.assign((db: Db) => apply(db, x), { [fc.toStringMethod]: () => `${name} ${JSON.stringify(x)}` }),
  );
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// One line per operation keeps the list readable.
// prettier-ignore
const operations: fc.Arbitrary<Op>[] = [
  op(fc.record({ f: fc.option(facilityId), inpatient: flag, start: day, stay: fc.integer({ min: 0, max: 40 }), cost: fc.option(fc.integer({ min: 1, max: 9000 })), resident: flag, r: fc.option(residentId) }), 'add-encounter', (db, e) =>
      db.insert(encounters).values({
        ...county, ...src(), residentId: e.r, facilityId: e.f, facilityCountyCode: e.f ? COUNTY : '320611', facilityName: e.f ? null : '邻县医院',
        patientCountyCode: e.resident ? COUNTY : '320611', class: e.inpatient ? 'inpatient' : 'outpatient', startDate: e.start,
        endDate: e.inpatient ? addDays(e.start, e.stay) : null, lengthOfStay: e.inpatient ? e.stay : null,
        totalCost: e.cost ? String(e.cost) : null, outOfPocket: e.cost ? String(Math.floor(e.cost / 3)) : null,
      }),
  ),
  op(fc.record({ start: day, f: facilityId, emergency: flag }), 'update-encounter', (db, e) =>
      db.execute(sql`UPDATE encounters SET start_date = ${e.start}, end_date = NULL, class = ${e.emergency ? 'emergency' : 'outpatient'},
        facility_id = ${e.f}, facility_county_code = county_code, facility_name = NULL
        WHERE county_code = ${COUNTY} AND id = (SELECT min(id) + ${e.f} FROM encounters WHERE county_code = ${COUNTY})`),
  ),
  op(facilityId, 'delete-encounter', (db, n) =>
    db.execute(sql`DELETE FROM encounters WHERE county_code = ${COUNTY} AND id = (SELECT max(id) - ${n} FROM encounters WHERE county_code = ${COUNTY})`),
  ),
  op(fc.record({ reg: fc.integer({ min: 1, max: 8 }), on: day, ftf: flag, sbp: fc.integer({ min: 110, max: 170 }), glucose: fc.integer({ min: 50, max: 90 }) }), 'add-follow-up', (db, f) =>
      db.insert(chronicDiseaseFollowUps).values({ ...county, ...src(), registrationId: f.reg, followedUpOn: f.on, faceToFace: f.ftf, systolic: f.sbp, diastolic: 85, fastingGlucose: (f.glucose / 10).toFixed(1) }),
  ),
  op(fc.record({ reg: fc.integer({ min: 1, max: 8 }), on: fc.option(day) }), 'close-registration', (db, r) =>
    db.update(chronicDiseaseRegistrations).set({ closedOn: r.on && r.on > '2023-02-01' ? r.on : null })
      .where(and(eq(chronicDiseaseRegistrations.countyCode, COUNTY), eq(chronicDiseaseRegistrations.id, r.reg))),
  ),
  op(fc.record({ r: residentId, on: day, elderly: flag, complete: flag }), 'add-checkup', (db, c) =>
    db.insert(healthCheckups).values({ ...county, ...src(), residentId: c.r, checkedOn: c.on, programme: c.elderly ? 'elderly' : 'chronic_disease',
      lifestyleAssessment: true, physicalExamination: true, auxiliaryTests: true, healthGuidance: true, formComplete: c.complete }),
  ),
  op(fc.record({ r: fc.constantFrom(6, 7, 8), on: day, eye: flag }), 'add-child-check', (db, c) =>
    db.insert(childHealthChecks).values({ ...county, ...src(), residentId: c.r, checkedOn: c.on, eyeScreening: c.eye }),
  ),
  op(fc.record({ r: fc.constantFrom(6, 7, 8), dose: fc.constantFrom(...IMMUNIZATION_SCHEDULE), on: day }), 'add-dose', (db, i) =>
    db.insert(immunizations).values({ ...county, ...src(), residentId: i.r, vaccineCode: i.dose.vaccine, doseNumber: i.dose.dose, vaccinatedOn: i.on }),
  ),
  op(fc.record({ r: residentId, start: day, months: fc.integer({ min: 1, max: 24 }), cancelled: flag, renews: fc.option(fc.integer({ min: 1, max: 6 })), group: flag }), 'add-contract', (db, c) =>
      db.insert(familyDoctorContracts).values({ ...county, ...src(), residentId: c.r, startOn: c.start, endOn: addDays(c.start, c.months * 30),
        cancelledOn: c.cancelled ? addDays(c.start, 20) : null, renewsContractId: c.renews, priorityGroups: c.group ? ['disabled'] : [] }),
  ),
  // A contract's change is queued for the years it spans, before and after (migration 0009).
  op(fc.record({ n: fc.integer({ min: 0, max: 5 }), start: day, months: fc.integer({ min: 1, max: 30 }) }), 'move-contract', (db, c) =>
    db.execute(sql`UPDATE family_doctor_contracts SET start_on = ${c.start}, end_on = ${addDays(c.start, c.months * 30)}
      WHERE county_code = ${COUNTY} AND id = (SELECT min(id) + ${c.n} FROM family_doctor_contracts WHERE county_code = ${COUNTY})`),
  ),
  op(fc.integer({ min: 0, max: 5 }), 'delete-contract', (db, n) =>
    db.execute(sql`DELETE FROM family_doctor_contracts WHERE county_code = ${COUNTY} AND id = (SELECT c.id FROM family_doctor_contracts c
      WHERE c.county_code = ${COUNTY} AND c.source_system = 'prop' AND NOT EXISTS (SELECT 1 FROM family_doctor_contracts r WHERE r.county_code = c.county_code AND r.renews_contract_id = c.id)
      ORDER BY c.id DESC OFFSET ${n} LIMIT 1)`),
  ),
  op(fc.record({ r: residentId, v: village, resident: flag }), 'move-resident', (db, m) =>
    db.update(residents).set({ residenceVillageCode: m.v, resident: m.r === 13 ? m.resident : true })
      .where(and(eq(residents.countyCode, COUNTY), eq(residents.id, m.r))),
  ),
  op(fc.record({ r: residentId, created: day, last: fc.option(day), complete: flag }), 'upsert-health-record', (db, h) =>
    db.insert(healthRecords).values({ ...county, residentId: h.r, createdOn: h.created, lastServiceOn: h.last, hasIdNumber: true, hasName: true, hasSex: true,
      hasBirthDate: true, hasAddress: true, hasPhone: h.complete, hasResponsibleDoctor: true })
      .onConflictDoUpdate({ target: [healthRecords.countyCode, healthRecords.residentId], set: { createdOn: h.created, lastServiceOn: h.last, hasPhone: h.complete } }),
  ),
  op(fc.record({ on: day, age: fc.integer({ min: 0, max: 95 }), cause: fc.constantFrom('I21.9', 'C34.1', 'J44.1', 'E11.9', 'V89.2', 'O72.1'), v: village, maternal: flag }), 'add-death', (db, d) =>
      db.insert(deaths).values({ ...county, ...src(), deathDate: d.on, sex: d.age % 2 ? 'male' : 'female', ageYears: d.age, underlyingCauseCode: d.cause,
        residenceRegionCode: d.v, maternalDeath: d.maternal && d.cause === 'O72.1' }),
  ),
  op(fc.record({ on: day, male: flag, mother: fc.option(fc.constantFrom(4, 5)) }), 'add-birth', (db, b) =>
    db.insert(liveBirths).values({ ...county, ...src(), birthDate: b.on, sex: b.male ? 'male' : 'female', motherResidentId: b.mother }),
  ),
  op(fc.record({ r: fc.option(residentId), on: day, cls: fc.constantFrom('A', 'B', 'C') as fc.Arbitrary<'A' | 'B' | 'C'>, tb: flag }), 'add-case', (db, n) =>
    db.insert(notifiableDiseaseReports).values({ ...county, ...src(), residentId: n.r, patientCountyCode: COUNTY, diseaseCode: n.tb ? 'A15' : '0000',
      diseaseName: n.tb ? '肺结核' : '其他', diseaseClass: n.cls, caseClassification: 'confirmed', onsetDate: n.on, reportedAt: new Date(`${n.on}T08:00:00Z`) }),
  ),
  op(fc.record({ v: village, y: year, g: fc.constantFrom(0, 30, 65, 70), n: fc.integer({ min: 0, max: 300 }) }), 'upsert-population', (db, p) =>
    db.insert(population).values({ ...county, regionCode: p.v, year: p.y, basis: 'resident', sex: 'male', ageGroup: p.g, yearEnd: p.n })
      .onConflictDoUpdate({ target: [population.countyCode, population.regionCode, population.year, population.basis, population.sex, population.ageGroup], set: { yearEnd: p.n } }),
  ),
  op(fc.record({ v: village, y: year, n: fc.integer({ min: 0, max: 50 }) }), 'upsert-childcare', (db, c) =>
    db.insert(childcarePlaces).values({ ...county, regionCode: c.v, year: c.y, places: c.n })
      .onConflictDoUpdate({ target: [childcarePlaces.countyCode, childcarePlaces.regionCode, childcarePlaces.year], set: { places: c.n } }),
  ),
  op(fc.record({ f: facilityId, cat: fc.constantFrom('physician', 'registered_nurse', 'pharmacist') as fc.Arbitrary<'physician' | 'registered_nurse' | 'pharmacist'>, start: day, gp: flag }), 'add-staff', (db, s) =>
      db.insert(staff).values({ ...county, ...src(), facilityId: s.f, name: 'S', category: s.cat, gpCertificate: s.gp && s.cat === 'physician', startedOn: s.start }),
  ),
  op(fc.record({ f: facilityId, y: year, n: fc.integer({ min: 0, max: 40 }) }), 'upsert-beds', (db, b) =>
    db.insert(facilityBeds).values({ ...county, facilityId: b.f, year: b.y, beds: b.n })
      .onConflictDoUpdate({ target: [facilityBeds.countyCode, facilityBeds.facilityId, facilityBeds.year], set: { beds: b.n } }),
  ),
  op(fc.record({ f: facilityId, tcm: flag, geriatrics: flag }), 'update-facility', (db, f) =>
    db.update(facilities).set({ tcmServices: f.tcm, geriatricsDepartment: f.geriatrics }).where(and(eq(facilities.countyCode, COUNTY), eq(facilities.id, f.f))),
  ),
  op(fc.record({ r: fc.constantFrom(4, 5), reg: day, week: fc.integer({ min: 6, max: 20 }), hospital: flag, visits: fc.integer({ min: 0, max: 6 }) }), 'add-pregnancy', async (db, p) => {
      const [{ id }] = (await db.insert(pregnancies).values({ ...county, ...src(), residentId: p.r, registeredOn: p.reg, registrationWeek: p.week,
        deliveryDate: addDays(p.reg, 200), hospitalDelivery: p.hospital, postpartumVisitOn: addDays(p.reg, 210) }).returning({ id: pregnancies.id })) as [{ id: number }];
      if (p.visits) {
        await db.insert(prenatalVisits).values(Array.from({ length: p.visits }, (_, i) => ({ ...county, pregnancyId: id, visitedOn: addDays(p.reg, i * 30) })));
      }
    },
  ),
];

/** The engine's maintained state, without timestamps, in a stable order. */
async function snapshot(db: Db) {
  const params = { county: COUNTY };
  return {
    values: await query(
      db,
      `SELECT indicator_id, region_code, facility_id::text, year, quarter, period_basis, level,
        numerator::text, denominator::text, round(value::numeric, 9)::text AS value, provenance::text
      FROM indicator_values WHERE county_code = :county ORDER BY 1, 2, 3, 4, 5, 6`,
      params,
    ),
    people: await query(
      db,
      `SELECT * FROM indicator_person_years WHERE county_code = :county ORDER BY year, resident_id`,
      params,
    ),
    regions: await query(
      db,
      `SELECT region_code, year, quarter, measure, value::text FROM indicator_region_rollup
      WHERE county_code = :county AND value <> 0 ORDER BY 1, 2, 3, 4`,
      params,
    ),
    facilities: await query(
      db,
      `SELECT facility_id::text, year, quarter, measure, value::text FROM indicator_facility_rollup
      WHERE county_code = :county AND value <> 0 ORDER BY 1, 2, 3, 4`,
      params,
    ),
  };
}

describe.each(backends)('incremental refresh on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTinyCounty(backend.open);
  });
  afterAll(() => database?.close());

  it('equals a full rebuild after random import batches', { timeout: 600_000 }, async () => {
    const batch = fc.array(fc.oneof(...operations), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 3 }), async (batches) => {
        const { db } = database;
        for (const ops of batches) {
          await db.transaction(async (tx) => {
            for (const apply of ops) await apply(tx);
            await refreshAfterBatch(tx, COUNTY);
          });
        }
        const incremental = await snapshot(db);
        await rebuildIndicators(db, COUNTY);
        expect(incremental).toEqual(await snapshot(db));
      }),
      { numRuns: Number(process.env.WEIJIAN_PROPERTY_RUNS ?? 12), endOnFailure: true },
    );
  });
});
