import { makeResidentId } from '../domain/identity/resident-id.js';
import type { Db } from '../store/db.js';
import {
  chronicDiseaseFollowUps,
  chronicDiseaseRegistrations,
  childHealthChecks,
  encounterDiagnoses,
  encounters,
  facilities,
  familyDoctorContracts,
  healthCheckups,
  healthRecords,
  immunizations,
  pregnancies,
  prenatalVisits,
  referrals,
  regions,
  residents,
} from '../store/schema/index.js';

/*
 * A tiny county for the resident lookup tests, every value chosen by hand: town A (village A) holds the
 * 王 family, town B (village B) 李四, 欧阳娜娜 lives outside the county, and a merged-away duplicate of 王小明.
 * 王小明 (#1) has one record of each adult kind; 王芳 (#2) a pregnancy; 王小虎 (#3) child care.
 */
export const COUNTY = '320612';
export const TOWN_A = '320612100';
export const TOWN_B = '320612101';
export const VILLAGE_A = '320612100201';
export const VILLAGE_B = '320612101201';
export const FACILITY = { id: 1, name: '金沙镇卫生院' };
export const HOSPITAL_ELSEWHERE = '南通市第一人民医院';

export const PEOPLE = {
  xiaoming: {
    id: 1,
    name: '王小明',
    sex: 'male' as const,
    birthDate: '1950-04-12',
    idNumber: makeResidentId(COUNTY, '1950-04-12', 11),
    phone: '13900001111',
    village: VILLAGE_A,
  },
  fang: {
    id: 2,
    name: '王芳',
    sex: 'female' as const,
    birthDate: '1990-06-01',
    idNumber: makeResidentId(COUNTY, '1990-06-01', 22),
    phone: '13700002222',
    village: VILLAGE_A,
  },
  xiaohu: {
    id: 3,
    name: '王小虎',
    sex: 'male' as const,
    birthDate: '2023-07-15',
    idNumber: null,
    phone: null,
    village: VILLAGE_A,
  },
  lisi: {
    id: 4,
    name: '李四',
    sex: 'male' as const,
    birthDate: '1960-01-01',
    idNumber: makeResidentId(COUNTY, '1960-01-01', 33),
    phone: '13600003333',
    village: VILLAGE_B,
  },
  nana: {
    id: 5,
    name: '欧阳娜娜',
    sex: 'female' as const,
    birthDate: '1985-09-09',
    idNumber: makeResidentId('320613', '1985-09-09', 44),
    phone: '13500004444',
    village: null,
  },
};
/** A duplicate registration of 王小明, merged into #1: never listed. */
export const MERGED_ID = 6;

/** Every full personal value: none may appear in a search, a resident, a timeline, a refusal or an audit row. */
export const PERSONAL_VALUES = Object.values(PEOPLE).flatMap((p) =>
  [p.name, p.idNumber, p.phone].filter((v): v is string => v !== null),
);

export async function seedResidentLookupCounty(db: Db): Promise<void> {
  const c = { countyCode: COUNTY };
  await db.insert(regions).values([
    { ...c, code: `${COUNTY}000000`, level: 'county', name: '通州区' },
    { ...c, code: `${TOWN_A}000`, parentCode: `${COUNTY}000000`, level: 'town', name: '金沙镇' },
    { ...c, code: `${TOWN_B}000`, parentCode: `${COUNTY}000000`, level: 'town', name: '西亭镇' },
    { ...c, code: VILLAGE_A, parentCode: `${TOWN_A}000`, level: 'village', name: '一村' },
    { ...c, code: VILLAGE_B, parentCode: `${TOWN_B}000`, level: 'village', name: '二村' },
  ]);
  await db.insert(facilities).values({
    ...c,
    id: FACILITY.id,
    code: 'F-0001',
    name: FACILITY.name,
    type: 'township_health_centre',
    ownership: 'public',
    primaryCare: true,
    regionCode: VILLAGE_A,
  });
  await db.insert(residents).values([
    ...Object.values(PEOPLE).map((p) => ({
      ...c,
      id: p.id,
      name: p.name,
      sex: p.sex,
      birthDate: p.birthDate,
      residentIdNumber: p.idNumber,
      phone: p.phone,
      residenceVillageCode: p.village,
      residenceCountyCode: p.village ? COUNTY : '320613',
      address: p.village ? '金沙镇一村 8 号' : null,
      resident: p.village !== null,
      registered: p.village !== null,
      deathDate: null,
    })),
  ]);
  await db.insert(residents).values({
    ...c,
    id: MERGED_ID,
    name: '王小明',
    sex: 'male',
    birthDate: '1950-04-12',
    residenceVillageCode: VILLAGE_A,
    resident: true,
    registered: true,
    mergedIntoId: 1,
  });

  const src = { ...c, sourceSystem: 'test' };
  const f = FACILITY.id;
  await db.insert(healthRecords).values({
    ...c,
    id: 10,
    residentId: 1,
    managingFacilityId: f,
    createdOn: '2020-03-01',
    lastServiceOn: '2024-05-10',
  });
  await db.insert(chronicDiseaseRegistrations).values({
    ...src,
    sourceId: 'reg-1',
    id: 20,
    residentId: 1,
    disease: 'hypertension',
    managingFacilityId: f,
    registeredOn: '2021-01-10',
  });
  await db.insert(chronicDiseaseFollowUps).values([
    {
      ...src,
      sourceId: 'fu-1',
      id: 21,
      registrationId: 20,
      followedUpOn: '2024-02-01',
      faceToFace: true,
      systolic: 150,
      diastolic: 95,
      controlled: false,
      facilityId: f,
    },
    {
      ...src,
      sourceId: 'fu-2',
      id: 22,
      registrationId: 20,
      followedUpOn: '2024-05-10',
      faceToFace: false,
      systolic: 138,
      diastolic: 85,
      controlled: true,
      facilityId: f,
    },
  ]);
  await db.insert(encounters).values([
    {
      ...src,
      sourceId: 'enc-1',
      id: 30,
      residentId: 1,
      patientCountyCode: COUNTY,
      facilityId: f,
      facilityCountyCode: COUNTY,
      class: 'outpatient',
      startDate: '2024-03-05',
      department: '内科',
      primaryDiagnosisCode: 'I10',
      totalCost: '256.50',
      outOfPocket: '80.20',
    },
    {
      ...src,
      sourceId: 'enc-2',
      id: 31,
      residentId: 1,
      patientCountyCode: COUNTY,
      facilityCountyCode: '320602',
      facilityName: HOSPITAL_ELSEWHERE,
      class: 'inpatient',
      startDate: '2023-11-02',
      endDate: '2023-11-09',
      department: '神经内科',
      primaryDiagnosisCode: 'I63.9',
      totalCost: '12000.00',
      outOfPocket: '3600.00',
      lengthOfStay: 7,
    },
    {
      ...src,
      sourceId: 'enc-3',
      id: 32,
      residentId: 4,
      patientCountyCode: COUNTY,
      facilityId: f,
      facilityCountyCode: COUNTY,
      class: 'outpatient',
      startDate: '2024-06-01',
    },
  ]);
  await db.insert(encounterDiagnoses).values([
    { ...c, encounterId: 30, position: 2, code: 'E11.9', name: '2型糖尿病' },
    { ...c, encounterId: 30, position: 1, code: 'I10', name: '原发性高血压' },
    { ...c, encounterId: 31, position: 1, code: 'I63.9', name: '脑梗死' },
  ]);
  await db.insert(healthCheckups).values({
    ...src,
    sourceId: 'hc-1',
    id: 40,
    residentId: 1,
    programme: 'elderly',
    checkedOn: '2024-05-10',
    facilityId: f,
    lifestyleAssessment: true,
    physicalExamination: true,
    auxiliaryTests: true,
    healthGuidance: true,
    formComplete: true,
  });
  await db.insert(familyDoctorContracts).values({
    ...src,
    sourceId: 'fdc-1',
    id: 50,
    residentId: 1,
    teamName: '金沙一队',
    facilityId: f,
    startOn: '2024-01-01',
    endOn: '2024-12-31',
    priorityGroups: ['elderly', 'hypertension'],
  });
  await db.insert(referrals).values({
    ...src,
    sourceId: 'ref-1',
    id: 60,
    residentId: 1,
    fromFacilityId: f,
    toFacilityName: HOSPITAL_ELSEWHERE,
    direction: 'up',
    referredOn: '2023-11-01',
    receivedOn: '2023-11-02',
    status: 'completed',
  });
  await db.insert(immunizations).values([
    {
      ...src,
      sourceId: 'im-1',
      id: 70,
      residentId: 1,
      vaccineCode: 'FLU',
      doseNumber: 1,
      vaccinatedOn: '2023-10-15',
      facilityId: f,
    },
    {
      ...src,
      sourceId: 'im-2',
      id: 71,
      residentId: 3,
      vaccineCode: 'HepB',
      doseNumber: 1,
      vaccinatedOn: '2023-07-15',
      facilityId: f,
    },
    {
      ...src,
      sourceId: 'im-3',
      id: 72,
      residentId: 3,
      vaccineCode: 'HepB',
      doseNumber: 2,
      vaccinatedOn: '2023-08-15',
      facilityId: f,
    },
  ]);
  await db.insert(pregnancies).values({
    ...src,
    sourceId: 'preg-1',
    id: 80,
    residentId: 2,
    registeredOn: '2023-01-05',
    registrationWeek: 10,
    deliveryDate: '2023-07-15',
    deliveryFacilityId: f,
    hospitalDelivery: true,
    postpartumVisitOn: '2023-07-25',
  });
  await db.insert(prenatalVisits).values([
    { ...c, pregnancyId: 80, visitedOn: '2023-01-05', gestationalWeek: 10, facilityId: f },
    { ...c, pregnancyId: 80, visitedOn: '2023-04-20', gestationalWeek: 25, facilityId: f },
  ]);
  await db.insert(childHealthChecks).values({
    ...src,
    sourceId: 'cc-1',
    id: 90,
    residentId: 3,
    checkedOn: '2024-01-15',
    facilityId: f,
    eyeScreening: true,
  });
}
