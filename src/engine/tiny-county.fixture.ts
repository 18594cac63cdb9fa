import { sql } from 'drizzle-orm';
import type { Database, Db } from '../store/db.js';
import { rebuildIndicators, refreshAfterBatch, type RefreshReport } from './refresh.js';
import { query } from './sql/bind.js';
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
  regions,
  residents,
  staff,
} from '../store/schema/index.js';

/*
 * A hand-made county for the engine's tests: three villages, ten facilities, fourteen people, a few
 * dozen records, chosen so that every indicator of 2023 can be worked out by hand
 * (tiny-county.int.test.ts holds the arithmetic). Persons are P1…P14, facilities F1…F10 (ids = numbers).
 */

export const COUNTY = '320612';
export const C = '320612000000';
export const T1 = '320612001000';
export const V11 = '320612001001';
export const V12 = '320612001002';
export const T2 = '320612002000';
export const V21 = '320612002001';

const src = (table: string, n: number) => ({ sourceSystem: 'tiny', sourceId: `${table}-${n}` });
const county = { countyCode: COUNTY };

async function geography(db: Db) {
  await db.insert(regions).values([
    { ...county, code: C, level: 'county', name: '小县' },
    { ...county, code: T1, parentCode: C, level: 'town', name: '一镇' },
    { ...county, code: V11, parentCode: T1, level: 'village', name: '一村' },
    { ...county, code: V12, parentCode: T1, level: 'village', name: '二村' },
    { ...county, code: T2, parentCode: C, level: 'town', name: '二镇' },
    { ...county, code: V21, parentCode: T2, level: 'village', name: '三村' },
  ]);
  // Year-end 2023 per village: age 0: 20, 1–4: 80, each 5-year group 30–69: 100, 70–74: 100 (1 000).
  // Year-end 2022: the same except 70–74: 80. Halves by sex.
  const groups: [number, number, number][] = [
    [0, 20, 20],
    [1, 80, 80],
    ...[30, 35, 40, 45, 50, 55, 60, 65].map((g): [number, number, number] => [g, 100, 100]),
    [70, 80, 100],
  ];
  const rows = [V11, V12, V21].flatMap((regionCode) =>
    groups.flatMap(([ageGroup, y2022, y2023]) =>
      (['male', 'female'] as const).flatMap((sex) => [
        { ...county, regionCode, year: 2022, basis: 'resident' as const, sex, ageGroup, yearEnd: y2022 / 2 },
        { ...county, regionCode, year: 2023, basis: 'resident' as const, sex, ageGroup, yearEnd: y2023 / 2 },
      ]),
    ),
  );
  await db.insert(population).values(rows);
  await db.insert(childcarePlaces).values([
    { ...county, regionCode: C, year: 2023, places: 30 },
    { ...county, regionCode: V11, year: 2023, places: 10 },
    { ...county, regionCode: V12, year: 2023, places: 5 },
  ]);
}

type FacilityRow = typeof facilities.$inferInsert;
const facility = (
  id: number,
  row: Omit<FacilityRow, 'countyCode' | 'id' | 'code' | 'name'>,
): FacilityRow => ({
  ...county,
  id,
  code: `F${id}`,
  name: `F${id}`,
  ...row,
});

async function resources(db: Db) {
  await db.insert(facilities).values([
    facility(1, {
      type: 'general_hospital',
      ownership: 'public',
      gradeLevel: 3,
      gradeClass: 'a',
      primaryCare: false,
      regionCode: T1,
      geriatricsDepartment: true,
    }),
    facility(2, {
      type: 'township_health_centre',
      ownership: 'public',
      gradeLevel: 1,
      primaryCare: true,
      regionCode: T1,
      tcmServices: true,
    }),
    facility(3, { type: 'village_clinic', ownership: 'public', primaryCare: true, regionCode: V11 }),
    facility(4, { type: 'clinic', ownership: 'private', primaryCare: true, regionCode: V21 }),
    facility(5, { type: 'cdc', ownership: 'public', primaryCare: false }),
    facility(6, {
      type: 'general_hospital',
      ownership: 'public',
      gradeLevel: 2,
      primaryCare: false,
      regionCode: T2,
    }),
    facility(7, { type: 'township_health_centre', ownership: 'public', primaryCare: true, regionCode: T2 }),
    facility(8, {
      type: 'mch_hospital',
      ownership: 'public',
      gradeLevel: 2,
      primaryCare: false,
      regionCode: T1,
    }),
    facility(9, {
      type: 'general_hospital',
      ownership: 'private',
      gradeLevel: 2,
      primaryCare: false,
      regionCode: T2,
      closedOn: '2022-06-30',
    }),
    facility(10, {
      type: 'community_health_station',
      ownership: 'public',
      primaryCare: true,
      regionCode: V12,
      tcmServices: true,
    }),
  ]);
  await db.insert(facilityBeds).values([
    { ...county, facilityId: 1, year: 2023, beds: 10 },
    { ...county, facilityId: 2, year: 2023, beds: 2 },
    { ...county, facilityId: 6, year: 2023, beds: 5 },
    { ...county, facilityId: 8, year: 2023, beds: 3 },
  ]);
  type StaffRow = typeof staff.$inferInsert;
  let n = 0;
  const person = (facilityId: number, row: Partial<StaffRow> & Pick<StaffRow, 'category'>): StaffRow => ({
    ...county,
    ...src('staff', ++n),
    id: n,
    facilityId,
    name: `S${n}`,
    startedOn: '2015-01-01',
    ...row,
  });
  await db.insert(staff).values([
    person(1, { category: 'physician', practiceCategory: 'clinical' }),
    person(1, { category: 'physician', practiceCategory: 'clinical' }),
    person(1, { category: 'physician', practiceCategory: 'clinical', managementPost: true }),
    person(1, { category: 'physician', practiceCategory: 'tcm' }),
    ...[false, false, false, true].map((managementPost) =>
      person(1, { category: 'registered_nurse', managementPost }),
    ),
    person(1, { category: 'pharmacist' }),
    person(1, { category: 'lab_technician' }),
    person(1, { category: 'management' }),
    person(1, { category: 'physician', practiceCategory: 'clinical', endedOn: '2023-06-30' }),
    person(2, { category: 'assistant_physician', practiceCategory: 'clinical', gpRegistered: true }),
    person(2, {
      category: 'physician',
      practiceCategory: 'clinical',
      gpCertificate: true,
      licenceNumber: 'L-GP',
    }),
    person(2, { category: 'registered_nurse' }),
    // The same GP's second practice site (多点执业), started later: counted once, at F2.
    person(3, {
      category: 'physician',
      practiceCategory: 'clinical',
      gpCertificate: true,
      licenceNumber: 'L-GP',
      startedOn: '2020-01-01',
    }),
    person(3, { category: 'village_doctor' }),
    person(5, { category: 'physician', practiceCategory: 'public_health' }),
    person(5, { category: 'physician', practiceCategory: 'public_health' }),
    person(5, { category: 'management' }),
    person(5, { category: 'other_technical' }),
    person(8, { category: 'physician', practiceCategory: 'clinical' }),
    person(8, { category: 'registered_nurse' }),
  ]);
}

type ResidentRow = typeof residents.$inferInsert;
const resident = (
  id: number,
  residenceVillageCode: string,
  sex: 'male' | 'female',
  birthDate: string,
  extra: Partial<ResidentRow> = {},
): ResidentRow => ({
  ...county,
  id,
  name: `P${id}`,
  sex,
  birthDate,
  residenceVillageCode,
  residenceCountyCode: COUNTY,
  resident: true,
  registered: true,
  ...extra,
});

const COMPLETE_SHEET = {
  hasIdNumber: true,
  hasName: true,
  hasSex: true,
  hasBirthDate: true,
  hasAddress: true,
  hasPhone: true,
  hasResponsibleDoctor: true,
};

async function people(db: Db) {
  await db
    .insert(residents)
    .values([
      resident(1, V11, 'male', '1950-06-01'),
      resident(2, V11, 'female', '1960-03-01'),
      resident(3, V12, 'male', '1970-01-01'),
      resident(4, V21, 'female', '1990-05-01'),
      resident(5, V21, 'female', '1995-01-01'),
      resident(6, V21, 'male', '2023-06-15'),
      resident(7, V12, 'female', '2020-02-10'),
      resident(8, V11, 'male', '2021-08-01'),
      resident(9, V12, 'female', '1940-01-01'),
      resident(10, V21, 'male', '1945-01-01', { deathDate: '2023-08-01' }),
      resident(11, V11, 'male', '1980-01-01'),
      resident(12, V12, 'female', '1985-01-01'),
      resident(13, V11, 'male', '1975-01-01', { resident: false, residenceCountyCode: '320611' }),
      resident(14, V12, 'male', '1990-01-01'),
    ]);
  await db.insert(healthRecords).values([
    { ...county, residentId: 1, createdOn: '2020-01-01', lastServiceOn: '2023-05-01', ...COMPLETE_SHEET },
    {
      ...county,
      residentId: 2,
      createdOn: '2021-01-01',
      lastServiceOn: '2023-04-01',
      ...COMPLETE_SHEET,
      hasPhone: false,
    },
    { ...county, residentId: 3, createdOn: '2023-02-01', ...COMPLETE_SHEET },
    { ...county, residentId: 4, createdOn: '2022-01-01', lastServiceOn: '2023-06-30', ...COMPLETE_SHEET },
    { ...county, residentId: 6, createdOn: '2023-06-20', ...COMPLETE_SHEET },
    { ...county, residentId: 9, createdOn: '2020-01-01', lastServiceOn: '2022-05-01', ...COMPLETE_SHEET },
    { ...county, residentId: 10, createdOn: '2020-01-01', lastServiceOn: '2023-05-01', ...COMPLETE_SHEET },
    { ...county, residentId: 14, createdOn: '2023-03-01', ...COMPLETE_SHEET },
  ]);
}

async function chronic(db: Db) {
  const reg = (id: number, residentId: number, disease: 'hypertension' | 'type2_diabetes' | 'severe_mental_disorder', registeredOn: string, closedOn?: string) =>
    ({ ...county, ...src('reg', id), id, residentId, disease, registeredOn, closedOn }); // prettier-ignore
  await db
    .insert(chronicDiseaseRegistrations)
    .values([
      reg(1, 1, 'hypertension', '2019-01-01'),
      reg(2, 2, 'hypertension', '2022-01-01'),
      reg(3, 2, 'type2_diabetes', '2022-01-01'),
      reg(4, 3, 'hypertension', '2023-02-01'),
      reg(5, 10, 'hypertension', '2019-01-01', '2023-08-01'),
      reg(6, 11, 'severe_mental_disorder', '2021-01-01'),
      reg(7, 12, 'severe_mental_disorder', '2022-01-01'),
      reg(8, 13, 'hypertension', '2019-01-01'),
    ]);
  let n = 0;
  type FollowUp = typeof chronicDiseaseFollowUps.$inferInsert;
  const fu = (registrationId: number, followedUpOn: string, v: Partial<FollowUp> = {}): FollowUp => ({
    ...county,
    ...src('fu', ++n),
    id: n,
    registrationId,
    followedUpOn,
    faceToFace: true,
    ...v,
  });
  const quarterly = ['2023-02-01', '2023-05-01', '2023-08-01'];
  await db.insert(chronicDiseaseFollowUps).values([
    // P1: four face-to-face; the last 145/85 at 73 (< 150/90: controlled).
    ...quarterly.map((d) => fu(1, d, { systolic: 160, diastolic: 95 })),
    fu(1, '2023-11-01', { systolic: 145, diastolic: 85 }),
    // P2 hypertension: three face-to-face + one by phone; the last 145/85 at 63 (not < 140: not controlled).
    ...quarterly.map((d) => fu(2, d, { systolic: 130, diastolic: 80 })),
    fu(2, '2023-11-01', { faceToFace: false, systolic: 145, diastolic: 85 }),
    // P2 diabetes: four face-to-face, the last glucose 6.5 (< 7.0: controlled); an earlier year's too.
    fu(3, '2022-11-01', { fastingGlucose: '9.0' }),
    ...quarterly.map((d) => fu(3, d, { fastingGlucose: '8.0' })),
    fu(3, '2023-11-01', { fastingGlucose: '6.5' }),
    // P10 (died 2023-08-01), P13 (not resident): not counted.
    ...quarterly.map((d) => fu(5, d, { systolic: 120, diastolic: 70 })),
    ...quarterly.map((d) => fu(8, d, { systolic: 120, diastolic: 70 })),
    // P11: four follow-ups by phone; P12: one.
    ...[...quarterly, '2023-11-01'].map((d) => fu(6, d, { faceToFace: false })),
    fu(7, '2023-03-01'),
  ]);
  let c = 0;
  type Checkup = typeof healthCheckups.$inferInsert;
  const checkup = (residentId: number, checkedOn: string, v: Partial<Checkup>): Checkup => ({
    ...county,
    ...src('chk', ++c),
    residentId,
    checkedOn,
    programme: 'elderly',
    ...v,
  });
  const complete = { lifestyleAssessment: true, physicalExamination: true, auxiliaryTests: true, healthGuidance: true, formComplete: true }; // prettier-ignore
  await db
    .insert(healthCheckups)
    .values([
      checkup(1, '2023-06-01', complete),
      checkup(2, '2023-06-01', { programme: 'chronic_disease', physicalExamination: true }),
      checkup(9, '2023-07-01', { ...complete, formComplete: false }),
      checkup(11, '2023-07-01', { programme: 'severe_mental_disorder', physicalExamination: true }),
    ]);
}

async function mothersAndChildren(db: Db) {
  await db.insert(pregnancies).values([
    {
      ...county,
      ...src('preg', 1),
      id: 1,
      residentId: 4,
      registeredOn: '2022-12-01',
      registrationWeek: 10,
      deliveryDate: '2023-06-15',
      deliveryFacilityId: 8,
      hospitalDelivery: true,
      postpartumVisitOn: '2023-06-30',
    },
    {
      ...county,
      ...src('preg', 2),
      id: 2,
      residentId: 5,
      registeredOn: '2023-03-01',
      registrationWeek: 14,
      deliveryDate: '2023-10-20',
      hospitalDelivery: false,
    },
  ]);
  const visits = (pregnancyId: number, dates: string[]) =>
    dates.map((visitedOn) => ({ ...county, pregnancyId, visitedOn }));
  await db
    .insert(prenatalVisits)
    .values([
      ...visits(1, ['2022-12-01', '2023-01-15', '2023-03-01', '2023-04-15', '2023-06-01']),
      ...visits(2, ['2023-03-01', '2023-06-01', '2023-09-01']),
    ]);
  await db.insert(liveBirths).values([
    { ...county, ...src('birth', 1), pregnancyId: 1, motherResidentId: 4, childResidentId: 6, birthDate: '2023-06-15', sex: 'male' },
    { ...county, ...src('birth', 2), pregnancyId: 2, motherResidentId: 5, birthDate: '2023-10-20', sex: 'female' },
    { ...county, ...src('birth', 3), birthDate: '2022-11-05', sex: 'male' },
  ]); // prettier-ignore
  let n = 0;
  const check = (residentId: number, checkedOn: string, eyeScreening = false) => ({
    ...county,
    ...src('child', ++n),
    residentId,
    checkedOn,
    eyeScreening,
  });
  await db
    .insert(childHealthChecks)
    .values([
      check(6, '2023-07-15'),
      check(6, '2023-09-20'),
      check(6, '2023-12-18'),
      check(7, '2023-02-15', true),
      check(8, '2023-02-05'),
      check(8, '2023-11-01'),
    ]);
  let i = 0;
  const dose = (residentId: number, vaccineCode: string, doseNumber: number, vaccinatedOn: string) => ({
    ...county,
    ...src('imm', ++i),
    residentId,
    vaccineCode,
    doseNumber,
    vaccinatedOn,
  });
  await db
    .insert(immunizations)
    .values([
      dose(6, 'HepB', 1, '2023-06-15'),
      dose(6, 'BCG', 1, '2023-06-16'),
      dose(6, 'HepB', 2, '2023-07-16'),
      dose(6, 'IPV', 1, '2023-08-16'),
      dose(6, 'IPV', 2, '2023-09-16'),
      dose(6, 'DTaP', 1, '2023-09-16'),
      dose(6, 'bOPV', 1, '2023-10-16'),
      dose(6, 'DTaP', 2, '2023-10-16'),
      dose(6, 'HepB', 3, '2023-12-16'),
      dose(7, 'MPSV-AC', 1, '2023-03-01'),
      dose(8, 'MMR', 2, '2023-02-10'),
      dose(8, 'DTaP', 4, '2023-02-10'),
    ]);
}

async function contracts(db: Db) {
  type Contract = typeof familyDoctorContracts.$inferInsert;
  const contract = (id: number, residentId: number, startOn: string, endOn: string, v: Partial<Contract> = {}): Contract =>
    ({ ...county, ...src('contract', id), id, residentId, startOn, endOn, ...v }); // prettier-ignore
  await db
    .insert(familyDoctorContracts)
    .values([
      contract(1, 1, '2023-01-01', '2023-12-31', { priorityGroups: ['elderly', 'hypertension'] }),
      contract(2, 3, '2022-06-01', '2023-05-31'),
      contract(3, 3, '2023-06-01', '2024-05-31', { renewsContractId: 2 }),
      contract(4, 4, '2023-01-01', '2023-12-31', { cancelledOn: '2023-10-01' }),
      contract(5, 9, '2023-01-01', '2024-12-31'),
      contract(6, 14, '2023-03-01', '2024-02-28'),
    ]);
}

async function care(db: Db) {
  type Encounter = typeof encounters.$inferInsert;
  let n = 0;
  const visit = (facilityId: number | null, startDate: string, v: Partial<Encounter> = {}): Encounter => ({
    ...county,
    ...src('enc', ++n),
    facilityId,
    facilityCountyCode: facilityId === null ? '320611' : COUNTY,
    facilityName: facilityId === null ? '邻县医院' : null,
    patientCountyCode: COUNTY,
    class: 'outpatient',
    startDate,
    ...v,
  });
  const stay = (facilityId: number | null, startDate: string, endDate: string, lengthOfStay: number, v: Partial<Encounter> = {}) =>
    visit(facilityId, startDate, { class: 'inpatient', endDate, lengthOfStay, ...v }); // prettier-ignore
  await db
    .insert(encounters)
    .values([
      visit(1, '2023-01-10', { totalCost: '200.00', outOfPocket: '100.00' }),
      visit(1, '2023-02-10', { patientCountyCode: '320611' }),
      visit(1, '2023-03-10', { class: 'emergency' }),
      visit(1, '2023-04-10'),
      visit(1, '2023-05-10'),
      stay(1, '2022-12-30', '2023-01-04', 5, { residentId: 3 }),
      stay(1, '2023-03-01', '2023-03-06', 5, { totalCost: '5000.00', outOfPocket: '1500.00' }),
      stay(1, '2023-12-28', '2024-01-03', 6),
      visit(6, '2023-04-01'),
      visit(6, '2023-05-01'),
      stay(6, '2023-05-01', '2023-05-11', 10),
      ...['2023-01-05', '2023-02-05', '2023-03-05'].map((d) => visit(2, d)),
      visit(2, '2023-07-05', { totalCost: '50.00' }),
      visit(2, '2023-08-05'),
      visit(2, '2023-09-05'),
      visit(4, '2023-07-01', { residentId: 14 }),
      ...['2023-08-01', '2023-09-01'].map((d) => visit(4, d)),
      visit(null, '2023-06-01', { residentId: 3 }),
      stay(null, '2023-07-01', '2023-07-05', 4, { totalCost: '8000.00', outOfPocket: '4000.00' }),
    ]);
}

async function surveillance(db: Db) {
  let n = 0;
  type Death = typeof deaths.$inferInsert;
  const death = (deathDate: string, sex: 'male' | 'female', ageYears: number, cause: string, v: Partial<Death>): Death => ({
    ...county, ...src('death', ++n), deathDate, sex, ageYears, underlyingCauseCode: cause, ...v,
  }); // prettier-ignore
  await db
    .insert(deaths)
    .values([
      death('2023-08-01', 'male', 78, 'I21.9', { residentId: 10 }),
      death('2023-02-10', 'female', 0, 'P07.3', { ageDays: 20, residenceRegionCode: V11 }),
      death('2023-05-05', 'male', 3, 'A09', { residenceRegionCode: V12 }),
      death('2023-09-10', 'female', 30, 'O72.1', { maternalDeath: true, residenceRegionCode: V21 }),
      death('2023-04-01', 'male', 47, 'C34.1', { residenceRegionCode: V11 }),
      death('2023-06-01', 'female', 62, 'I21.0', { residenceRegionCode: V12 }),
      death('2023-11-15', 'male', 68, 'J44.1', { residenceRegionCode: V21 }),
      death('2023-03-03', 'male', 40, 'V89.2', { residenceRegionCode: V11 }),
      death('2023-01-20', 'female', 75, 'J44.9', { residenceRegionCode: V11 }),
      death('2023-07-07', 'male', 50, 'C16.9', { residenceRegionCode: '320611001001' }),
      death('2022-10-15', 'male', 0, 'P22.0', { ageDays: 5, residenceRegionCode: V11 }),
    ]);
  let r = 0;
  type Report = typeof notifiableDiseaseReports.$inferInsert;
  const report = (diseaseClass: 'A' | 'B' | 'C', diseaseName: string, v: Partial<Report>): Report => ({
    ...county, ...src('report', ++r), patientCountyCode: COUNTY, diseaseCode: '0000', diseaseName, diseaseClass,
    caseClassification: 'confirmed', reportedAt: new Date('2023-12-01T00:00:00Z'), ...v,
  }); // prettier-ignore
  await db.insert(notifiableDiseaseReports).values([
    report('B', '乙型肝炎', { residentId: 1, onsetDate: '2023-02-01' }),
    report('B', '肺结核', {
      residentId: 3,
      diseaseCode: 'A15',
      onsetDate: '2023-05-01',
      caseClassification: 'clinical',
    }),
    report('A', '霍乱', { residentId: 2, onsetDate: '2023-06-01', caseClassification: 'suspected' }),
    report('C', '流行性感冒', { residentId: 2, onsetDate: '2023-01-10' }),
    report('B', '梅毒', { patientCountyCode: '320611', onsetDate: '2023-03-01' }),
    report('B', '细菌性痢疾', { patientCountyCode: null, diagnosedOn: '2023-08-01' }),
  ]);
}

/** Loads the whole tiny county. */
export async function loadTinyCounty(db: Db): Promise<void> {
  await geography(db);
  await resources(db);
  await people(db);
  await chronic(db);
  await mothersAndChildren(db);
  await contracts(db);
  await care(db);
  await surveillance(db);
  // Like a bulk loader that chose its own ids: move the identity sequences past them.
  for (const table of [
    'facilities',
    'staff',
    'residents',
    'chronic_disease_registrations',
    'chronic_disease_follow_ups',
    'pregnancies',
    'family_doctor_contracts',
  ]) {
    await db.execute(
      sql.raw(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`),
    );
  }
}

/** A fresh database (from `open`, a test backend's) holding the tiny county, its indicators rebuilt. */
export async function openTinyCounty(open: () => Promise<Database>): Promise<Database> {
  const database = await open();
  await loadTinyCounty(database.db);
  await rebuildIndicators(database.db, COUNTY);
  return database;
}

class RolledBack extends Error {}

/**
 * Runs a batch (`apply`) and the refresh in a transaction that is then rolled back. Returns the person-year
 * entries the batch queued (kinds other than the whole-year ones), the refresh's report and what `inspect`
 * read after it.
 */
export async function refreshRolledBack<T>(
  database: Database,
  apply: (tx: Db) => Promise<unknown>,
  inspect: (tx: Db) => Promise<T>,
) {
  let seen:
    { queued: { kind: string; key: number; year: number }[]; report: RefreshReport; after: T } | undefined;
  await database.db
    .transaction(async (tx) => {
      await apply(tx);
      const queued = await query<{ kind: string; key: number; year: number }>(
        tx,
        `SELECT kind, key::int AS key, year FROM indicator_dirty
        WHERE county_code = :county AND kind NOT IN ('vital', 'notifiable', 'population', 'resources', 'facility')
        ORDER BY 1, 2, 3`,
        { county: COUNTY },
      );
      const report = await refreshAfterBatch(tx, COUNTY);
      seen = { queued, report, after: await inspect(tx) };
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return seen!;
}
