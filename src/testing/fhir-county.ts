import type { Resource } from '@medplum/fhirtypes';
import { makeResidentId } from '../domain/identity/resident-id.js';
import { CS, EXT, LOINC, OBSERVATION_CODES as OC, SID } from '../fhir/systems.js';

/**
 * A small synthetic county as FHIR R4 resources, deterministic, for the import/export tests and the
 * ingest bench: the regions, facilities and staff first, then each resident with the records that point
 * at them (a realistic mix: visits, follow-ups, doses, check-ups, contracts, referrals, reports, deaths).
 * Some follow-ups, check-ups, child checks, referrals and reports name the visit they were made in.
 */
export const COUNTY = '320612';
const SOURCE = 'his:320612';
const TOWNS = 4;
const VILLAGES = 5;

const town = (t: number) => `${COUNTY}${String(100 + t).padStart(3, '0')}000`;
const village = (t: number, v: number) =>
  `${COUNTY}${String(100 + t).padStart(3, '0')}${String(200 + v).padStart(3, '0')}`;
const facility = (code: string) => ({
  reference: `Organization/${code}`,
  identifier: { system: SID.facilityCode, value: code },
});
const patientRef = (i: number) => ({ reference: `Patient/p${i}` });
/** Resident `i`'s visit `e` (0–2), written before the records that name it. */
const encounterRef = (i: number, e: number) => ({ encounter: { reference: `Encounter/e${i}-${e}` } });
const meta = { source: SOURCE };
const coding = (system: string, code: string) => ({ coding: [{ system, code }] });
const isoDay = (day: number) => new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

export function* countyFrame(): Generator<Resource> {
  yield location(`${COUNTY}000000`, '通州区', 'county');
  for (let t = 0; t < TOWNS; t++) {
    yield location(town(t), `镇${t}`, 'town', `${COUNTY}000000`);
    for (let v = 0; v < VILLAGES; v++) yield location(village(t, v), `村${t}-${v}`, 'village', town(t));
  }
  yield organization('H001', '通州区人民医院', 'general_hospital', '2a', village(0, 0));
  for (let t = 0; t < TOWNS; t++)
    yield organization(`T00${t}`, `镇${t}卫生院`, 'township_health_centre', undefined, village(t, 0));
  for (let s = 0; s < 8; s++) {
    yield {
      resourceType: 'Practitioner',
      id: `d${s}`,
      meta,
      name: [{ text: `医生${s}` }],
      gender: s % 2 ? 'female' : 'male',
      identifier: [{ system: SID.licence, value: `L${s}` }],
    } as Resource;
    yield {
      resourceType: 'PractitionerRole',
      id: `d${s}`,
      meta,
      practitioner: { reference: `Practitioner/d${s}` },
      organization: facility(s < 2 ? 'H001' : `T00${s % TOWNS}`),
      code: [coding(CS.staffCategory, s % 3 === 2 ? 'registered_nurse' : 'physician')],
      ...(s % 3 === 2 ? {} : { specialty: [coding(CS.practiceCategory, 'clinical')] }),
      period: { start: '2015-03-01' },
      extension: [{ url: EXT.gpRegistered, valueBoolean: s >= 2 }],
    } as Resource;
  }
}

function location(code: string, name: string, level: string, parent?: string): Resource {
  return {
    resourceType: 'Location',
    id: code,
    name,
    identifier: [{ system: SID.regionCode, value: code }],
    type: [coding(CS.regionLevel, level)],
    ...(parent ? { partOf: { reference: `Location/${parent}` } } : {}),
  } as Resource;
}

function organization(
  code: string,
  name: string,
  type: string,
  grade: string | undefined,
  region: string,
): Resource {
  return {
    resourceType: 'Organization',
    id: code,
    name,
    identifier: [{ system: SID.facilityCode, value: code }],
    type: [
      coding(CS.facilityType, type),
      coding(CS.ownership, 'public'),
      ...(grade ? [coding(CS.grade, grade)] : []),
    ],
    address: [{ extension: [{ url: EXT.regionCode, valueCode: region }] }],
  } as Resource;
}

/** Resident `i` and their records (about 10 resources on average). */
export function* residentRecords(i: number): Generator<Resource> {
  // (birth date, sequence) is unique for every i below 32 million: the resident ID numbers never collide.
  const male = i % 2 === 0;
  const dayIndex = (Math.floor(i / 1000) * 89 + (i % 1000) * 31) % 32000;
  const birth = new Date(Date.UTC(1934, 0, 1) + dayIndex * 86_400_000).toISOString().slice(0, 10);
  const age = 2023 - Number(birth.slice(0, 4));
  const t = i % TOWNS;
  const home = village(t, i % VILLAGES);
  const rid = makeResidentId(COUNTY, birth, (Math.floor(i / 2) % 500) * 2 + (male ? 1 : 0));
  const dead = i % 97 === 5;
  yield {
    resourceType: 'Patient',
    id: `p${i}`,
    meta,
    identifier: [
      { system: SID.residentId, value: rid },
      { system: SID.insurance, value: `INS${i}` },
    ],
    name: [{ text: `居民${i}` }],
    gender: male ? 'male' : 'female',
    birthDate: birth,
    address: [{ text: `${home}号`, extension: [{ url: EXT.regionCode, valueCode: home }] }],
    telecom: [{ system: 'phone', value: `138${String(i).padStart(8, '0')}` }],
    extension: [
      { url: EXT.resident, valueBoolean: true },
      { url: EXT.registered, valueBoolean: i % 5 !== 0 },
    ],
    ...(dead ? { deceasedDateTime: '2024-06-01' } : {}),
  } as Resource;
  const day = (n: number) => isoDay(8400 + ((i * 13 + n * 31) % 700));
  const created = birth > '2019-05-01' ? birth : '2019-05-01';
  yield {
    resourceType: 'Composition',
    id: `hr${i}`,
    meta,
    identifier: { system: SID.recordNumber, value: `HR${i}` },
    status: 'final',
    type: coding(CS.documentType, 'health-record'),
    subject: patientRef(i),
    date: day(60),
    author: [{ reference: `PractitionerRole/d${2 + t}` }],
    title: '居民健康档案',
    custodian: facility(`T00${t}`),
    event: [{ period: { start: created, ...(dead ? { end: '2024-06-01' } : {}) } }],
    extension: [{ url: EXT.lastServiceOn, valueDate: day(1) }],
    section: [
      {
        code: coding(CS.recordSection, 'personal-basic-information'),
        text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">个人基本信息表</div>' },
        extension: ['id-number', 'name', 'sex', 'birth-date', 'address', 'phone', 'responsible-doctor']
          .filter((item) => item !== 'phone' || i % 7 !== 0)
          .map((item) => ({ url: EXT.recordedItem, valueCode: item })),
      },
    ],
  } as Resource;
  for (let e = 0; e < 3; e++) {
    const inpatient = e === 2 && i % 4 === 0;
    yield {
      resourceType: 'Encounter',
      id: `e${i}-${e}`,
      meta,
      status: 'finished',
      class: { system: CS.actCode, code: inpatient ? 'IMP' : 'AMB' },
      subject: patientRef(i),
      serviceProvider: facility(inpatient ? 'H001' : `T00${t}`),
      period: { start: day(e), ...(inpatient ? { end: day(e) } : {}) },
      ...(inpatient ? { length: { value: 1, unit: 'd' } } : {}),
      extension: [
        { url: EXT.totalCost, valueDecimal: 100 + e },
        { url: EXT.outOfPocket, valueDecimal: 20.5 },
      ],
      contained: [
        {
          resourceType: 'Condition',
          id: 'd1',
          subject: patientRef(i),
          code: coding(CS.icd10, e ? 'J06.9' : 'I10'),
        },
      ],
      diagnosis: [{ condition: { reference: '#d1' }, rank: 1 }],
    } as Resource;
  }
  if (age >= 35 && i % 3 === 0) {
    yield {
      resourceType: 'EpisodeOfCare',
      id: `h${i}`,
      meta,
      status: 'active',
      type: [coding(CS.episodeType, 'hypertension')],
      patient: patientRef(i),
      managingOrganization: facility(`T00${t}`),
      period: { start: '2021-04-01' },
    } as Resource;
    for (let f = 0; f < 2; f++) {
      yield {
        resourceType: 'Observation',
        id: `f${i}-${f}`,
        meta,
        status: 'final',
        code: coding(CS.observation, OC.followUp),
        subject: patientRef(i),
        ...(f === 0 ? encounterRef(i, 0) : {}),
        effectiveDateTime: day(10 + f),
        extension: [{ url: EXT.episodeOfCare, valueReference: { reference: `EpisodeOfCare/h${i}` } }],
        performer: [facility(`T00${t}`), { reference: `PractitionerRole/d${2 + t}` }],
        component: [
          { code: coding(CS.loinc, LOINC.systolic), valueQuantity: { value: 130 + f * 5, unit: 'mm[Hg]' } },
          { code: coding(CS.loinc, LOINC.diastolic), valueQuantity: { value: 85, unit: 'mm[Hg]' } },
          { code: coding(CS.observation, OC.faceToFace), valueBoolean: true },
          { code: coding(CS.observation, OC.controlled), valueBoolean: f === 0 },
        ],
      } as Resource;
    }
  }
  if (age >= 65) {
    yield {
      resourceType: 'Observation',
      id: `c${i}`,
      meta,
      status: 'final',
      code: coding(CS.observation, OC.checkup),
      subject: patientRef(i),
      ...(i % 2 === 0 ? encounterRef(i, 1) : {}),
      effectiveDateTime: day(20),
      performer: [facility(`T00${t}`)],
      valueCodeableConcept: coding(CS.checkupProgramme, 'elderly'),
      component: [OC.lifestyle, OC.physical, OC.auxiliary, OC.guidance].map((c) => ({
        code: coding(CS.observation, c),
        valueBoolean: true,
      })),
    } as Resource;
  }
  if (age <= 6) {
    yield {
      resourceType: 'Immunization',
      id: `v${i}`,
      meta,
      status: 'completed',
      vaccineCode: coding(CS.vaccine, 'HepB'),
      patient: patientRef(i),
      occurrenceDateTime: birth,
      performer: [{ actor: facility(`T00${t}`) }],
      protocolApplied: [{ doseNumberPositiveInt: 1 }],
    } as Resource;
    const due = (days: number) => isoDay((Date.parse(birth) - Date.UTC(2000, 0, 1)) / 86_400_000 + days);
    yield {
      resourceType: 'ImmunizationRecommendation',
      id: `ir${i}`,
      meta,
      patient: patientRef(i),
      date: birth,
      recommendation: [
        [2, 30],
        [3, 180],
      ].map(([dose, days]) => ({
        vaccineCode: [coding(CS.vaccine, 'HepB')],
        forecastStatus: coding(
          'http://terminology.hl7.org/CodeSystem/immunization-recommendation-status',
          'due',
        ),
        dateCriterion: [{ code: coding(CS.loinc, LOINC.dateVaccineDue), value: due(days!) }],
        doseNumberPositiveInt: dose,
      })),
    } as Resource;
    yield {
      resourceType: 'Observation',
      id: `k${i}`,
      meta,
      status: 'final',
      code: coding(CS.observation, OC.childCheck),
      subject: patientRef(i),
      ...encounterRef(i, 2),
      effectiveDateTime: day(30),
      component: [{ code: coding(CS.observation, OC.eyeScreening), valueBoolean: i % 2 === 0 }],
    } as Resource;
  }
  if (!male && age >= 22 && age <= 35 && i % 5 === 1) {
    yield {
      resourceType: 'EpisodeOfCare',
      id: `g${i}`,
      meta,
      status: 'finished',
      type: [coding(CS.episodeType, 'pregnancy')],
      patient: patientRef(i),
      period: { start: '2023-02-01' },
      extension: [
        { url: EXT.registrationWeek, valueInteger: 10 },
        { url: EXT.deliveryDate, valueDate: '2023-09-20' },
        { url: EXT.deliveryFacility, valueReference: facility('H001') },
        { url: EXT.hospitalDelivery, valueBoolean: true },
      ],
    } as Resource;
    const pregnancy = { url: EXT.episodeOfCare, valueReference: { reference: `EpisodeOfCare/g${i}` } };
    for (const [n, date, week] of [
      [0, '2023-03-01', 14],
      [1, '2023-05-10', 24],
    ] as const) {
      yield {
        resourceType: 'Observation',
        id: `pv${i}-${n}`,
        meta,
        status: 'final',
        code: coding(CS.observation, OC.prenatalVisit),
        subject: patientRef(i),
        effectiveDateTime: date,
        extension: [pregnancy],
        performer: [facility(`T00${t}`)],
        component: [
          { code: coding(CS.loinc, LOINC.gestationalAge), valueQuantity: { value: week, unit: 'wk' } },
        ],
      } as Resource;
    }
    yield {
      resourceType: 'Observation',
      id: `b${i}`,
      meta,
      status: 'final',
      code: coding(CS.observation, OC.liveBirth),
      subject: patientRef(i),
      // The child, once registered: here the resident written just before (any earlier Patient will do).
      ...(i > 0 ? { focus: [patientRef(i - 1)] } : {}),
      effectiveDateTime: '2023-09-20',
      extension: [pregnancy],
      performer: [facility('H001')],
      component: [
        {
          code: coding(CS.observation, OC.sex),
          valueCodeableConcept: coding(
            'http://hl7.org/fhir/administrative-gender',
            i % 4 === 1 ? 'female' : 'male',
          ),
        },
        {
          code: coding(CS.loinc, LOINC.birthWeight),
          valueQuantity: { value: 3000 + (i % 7) * 100, unit: 'g', code: 'g' },
        },
      ],
    } as Resource;
  }
  if (i % 2 === 1) {
    yield contract(i, t, 'a', '2023-01-01', '2023-12-31');
    yield {
      ...contract(i, t, 'b', '2024-01-01', '2024-12-31'),
      replaces: [{ reference: `CarePlan/fd${i}a` }],
    } as Resource;
  }
  if (i % 10 === 3) {
    yield {
      resourceType: 'ServiceRequest',
      id: `r${i}`,
      meta,
      status: 'completed',
      intent: 'order',
      subject: patientRef(i),
      ...encounterRef(i, 2),
      category: [coding(CS.referralDirection, 'up')],
      authoredOn: day(40),
      requester: facility(`T00${t}`),
      performer: [facility('H001')],
    } as Resource;
  }
  if (i % 50 === 7) {
    yield {
      resourceType: 'Condition',
      id: `n${i}`,
      meta,
      subject: patientRef(i),
      ...encounterRef(i, 1),
      category: [coding(CS.conditionCategory, 'notifiable-disease-report'), coding(CS.diseaseClass, 'B')],
      code: { coding: [{ system: CS.notifiableDisease, code: '0401', display: '肺结核' }] },
      onsetDateTime: day(50),
      recordedDate: `${day(51)}T09:30:00+08:00`,
      extension: [
        { url: EXT.caseClassification, valueCode: 'confirmed' },
        { url: EXT.reportingFacility, valueReference: facility('H001') },
      ],
    } as Resource;
  }
  if (dead) {
    yield {
      resourceType: 'Observation',
      id: `x${i}`,
      meta,
      status: 'final',
      code: coding(CS.loinc, LOINC.causeOfDeath),
      subject: patientRef(i),
      effectiveDateTime: '2024-06-01',
      valueCodeableConcept: coding(CS.icd10, 'I21.9'),
      component: [
        {
          code: coding(CS.observation, OC.sex),
          valueCodeableConcept: coding('http://hl7.org/fhir/administrative-gender', male ? 'male' : 'female'),
        },
        { code: coding(CS.loinc, LOINC.ageAtDeath), valueQuantity: { value: age, code: 'a', unit: 'a' } },
      ],
    } as Resource;
  }
}

function contract(i: number, t: number, suffix: string, start: string, end: string): Resource {
  return {
    resourceType: 'CarePlan',
    id: `fd${i}${suffix}`,
    meta,
    status: 'active',
    intent: 'plan',
    subject: patientRef(i),
    category: [coding(CS.carePlanCategory, 'family-doctor-contract'), coding(CS.priorityGroup, 'elderly')],
    period: { start, end },
    author: { reference: `PractitionerRole/d${2 + t}` },
    contributor: [facility(`T00${t}`)],
    careTeam: [{ display: `团队${t}` }],
  } as Resource;
}

/** The whole county: the frame, then `residents` residents with their records. */
export function* countyResources(residents: number): Generator<Resource> {
  yield* countyFrame();
  for (let i = 0; i < residents; i++) yield* residentRecords(i);
}
