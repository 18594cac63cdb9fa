import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { makeResidentId } from '../domain/identity/resident-id.js';
import { CS, EXT, LOINC, OBSERVATION_CODES as OC, SID, SOURCE_PREFIX } from '../fhir/systems.js';
import { COUNTY } from './fhir-county.js';

/*
 * Synthea-shaped transaction Bundles written for Weijian's tests and benches (no copied data): one Bundle per
 * patient, every entry a POST with a `urn:uuid:` fullUrl, references inside the Bundle by urn:uuid, and the
 * county's facilities and doctors by conditional references (`Organization?identifier=…`), as Synthea
 * refers to its providers. Names mix Chinese and accented Latin names (foreign workers and returnees);
 * everything is deterministic in the seed.
 */

const FAMILIES = [
  '张',
  '王',
  '李',
  '欧阳',
  'García',
  'Müller',
  'Nguyễn',
  'Ólafsdóttir',
  'Søren',
  'Łukasz',
  'Dvořák',
  '陈',
];
const GIVENS = [
  '伟',
  '秀英',
  '娜娜',
  'José',
  'Zoë',
  'François',
  'Thị Hoa',
  'Ångström',
  'Renée',
  'Jürgen',
  '建国',
  'Chloé',
];
const isHan = (text: string) => /^\p{Script=Han}+$/u.test(text);

/** A small deterministic generator (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

/** A UUID v4-shaped id from a counter and the seed (deterministic, unique per bundle). */
export const uuidOf = (seed: number, n: number) => {
  const hex = (seed * 1_000_003 + n).toString(16).padStart(12, '0').slice(-12);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4000-8000-${String(n).padStart(12, '0')}`;
};

const coding = (system: string, code: string, display?: string) => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
});
/** The county's frame in src/testing/fhir-county.ts: towns 0–3, villages 0–4, facilities H001 and T000–T003, doctors d0–d7. */
export const villageCode = (t: number, v: number) =>
  `${COUNTY}${String(100 + t).padStart(3, '0')}${String(200 + v).padStart(3, '0')}`;
const facility = (code: string) => ({ reference: `Organization?identifier=${SID.facilityCode}|${code}` });
const doctorRole = (d: number) => ({
  reference: `PractitionerRole?identifier=${SOURCE_PREFIX}his:320612|d${d}`,
});
const doctor = (d: number) => ({ reference: `Practitioner?identifier=${SID.licence}|L${d}` });

export interface PatientBundleOptions {
  seed: number;
  /** The town (0–3) the patient lives in. */
  town?: number;
  /** Encounters per patient (each with a diagnosis); default 3–6. */
  encounters?: number;
  /** YYYY-MM-DD before which every date lies (the mapping refuses dates in the future). */
  until?: string;
}

/** One patient's history as a transaction Bundle (10–60 entries), Synthea-style. */
export function patientBundle(options: PatientBundleOptions): Bundle {
  const r = random(options.seed);
  const entries: BundleEntry[] = [];
  let n = 0;
  const add = (resource: Resource, extra: Partial<BundleEntry['request']> = {}) => {
    const fullUrl = `urn:uuid:${uuidOf(options.seed, n++)}`;
    entries.push({ fullUrl, resource, request: { method: 'POST', url: resource.resourceType, ...extra } });
    return { reference: fullUrl };
  };
  const town = options.town ?? r.int(4);
  const home = villageCode(town, r.int(5));
  const male = r.next() < 0.5;
  // (birth date, sequence) differs for every seed below 15 million: resident ID numbers never collide.
  const birth = new Date(Date.UTC(1935, 0, 1) + ((options.seed * 7919) % 31000) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const birthYear = Number(birth.slice(0, 4));
  const family = r.pick(FAMILIES);
  const given = r.pick(GIVENS);
  const han = isHan(family) && isHan(given);
  const rid = makeResidentId(
    COUNTY,
    birth,
    1 + (Math.floor(options.seed / 31000) % 499) * 2 + (male ? 0 : 1),
  );
  const patient = add(
    {
      resourceType: 'Patient',
      identifier: [
        { system: 'https://github.com/synthetichealth/synthea', value: uuidOf(options.seed, 9999) },
        ...(han || r.next() < 0.5 ? [{ system: SID.residentId, value: rid }] : []),
        { system: SID.insurance, value: `INS-${options.seed}` },
      ],
      name: [{ use: 'official', family, given: [given] }],
      gender: male ? 'male' : 'female',
      birthDate: birth,
      address: [{ text: `${home} 号`, extension: [{ url: EXT.regionCode, valueCode: home }] }],
      telecom: [{ system: 'phone', value: `139${String(options.seed).padStart(8, '0')}`, use: 'mobile' }],
      extension: [{ url: EXT.resident, valueBoolean: true }],
      communication: [{ language: coding('urn:ietf:bcp:47', han ? 'zh' : 'en') }],
    } as Resource,
    { ifNoneExist: `identifier=${SID.insurance}|INS-${options.seed}` },
  );
  const until = options.until ?? '2024-12-31';
  const first = Math.max(birthYear + 1, 2015);
  const last = Number(until.slice(0, 4)) - 1;
  const day = () =>
    `${first + r.int(Math.max(1, last - first + 1))}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
  const centre = `T00${town}`;
  const visits = options.encounters ?? 3 + r.int(4);
  for (let e = 0; e < visits; e++) {
    const code = r.pick(['I10', 'J06.9', 'E11.9', 'K29.7', 'M54.5']);
    add({
      resourceType: 'Encounter',
      status: 'finished',
      class: { system: CS.actCode, code: 'AMB' },
      type: [coding('http://snomed.info/sct', '185345009', 'Encounter for symptom')],
      subject: patient,
      participant: [{ individual: doctor(2 + town) }],
      serviceProvider: facility(centre),
      period: { start: day() },
      contained: [{ resourceType: 'Condition', id: 'dx', subject: patient, code: coding(CS.icd10, code) }],
      diagnosis: [{ condition: { reference: '#dx' }, rank: 1 }],
      extension: [{ url: EXT.totalCost, valueDecimal: 50 + r.int(400) }],
    } as Resource);
  }
  const age = 2024 - birthYear;
  if (age >= 35 && r.next() < 0.6) {
    const start = Math.min(Math.max(first, 2016), 2019);
    const episode = add({
      resourceType: 'EpisodeOfCare',
      status: 'active',
      type: [coding(CS.episodeType, 'hypertension')],
      patient,
      managingOrganization: facility(centre),
      period: { start: `${start}-03-01` },
    } as Resource);
    for (let f = 0; f < 4; f++) {
      add({
        resourceType: 'Observation',
        status: 'final',
        code: coding(CS.observation, OC.followUp),
        subject: patient,
        effectiveDateTime: `${start + 1 + f}-0${1 + f}-15`,
        extension: [{ url: EXT.episodeOfCare, valueReference: episode }],
        performer: [facility(centre), doctorRole(2 + town)],
        component: [
          {
            code: coding(CS.loinc, LOINC.systolic),
            valueQuantity: { value: 120 + r.int(40), unit: 'mm[Hg]', system: CS.ucum, code: 'mm[Hg]' },
          },
          {
            code: coding(CS.loinc, LOINC.diastolic),
            valueQuantity: { value: 70 + r.int(25), unit: 'mm[Hg]', system: CS.ucum, code: 'mm[Hg]' },
          },
          { code: coding(CS.observation, OC.faceToFace), valueBoolean: true },
        ],
      } as Resource);
    }
  }
  if (age >= 65) {
    add({
      resourceType: 'Observation',
      status: 'final',
      code: coding(CS.observation, OC.checkup),
      subject: patient,
      effectiveDateTime: day(),
      performer: [facility(centre)],
      valueCodeableConcept: coding(CS.checkupProgramme, 'elderly'),
      component: [OC.lifestyle, OC.physical].map((c) => ({
        code: coding(CS.observation, c),
        valueBoolean: true,
      })),
    } as Resource);
  }
  for (const [v, dose] of [
    ['HepB', 1],
    ['HepB', 2],
    ['MMR', 1],
  ] as const) {
    if (age > 8 && r.next() < 0.7) continue;
    add({
      resourceType: 'Immunization',
      status: 'completed',
      vaccineCode: coding(CS.vaccine, v),
      patient,
      occurrenceDateTime: day(),
      performer: [{ actor: facility(centre) }],
      protocolApplied: [{ doseNumberPositiveInt: dose }],
    } as Resource);
  }
  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}

/** Several patients in one transaction Bundle (their urn:uuids stay distinct by seed). */
export function countyBundle(
  firstSeed: number,
  patients: number,
  options: Omit<PatientBundleOptions, 'seed'> = {},
): Bundle {
  const entry = Array.from(
    { length: patients },
    (_, i) => patientBundle({ ...options, seed: firstSeed + i }).entry ?? [],
  ).flat();
  return { resourceType: 'Bundle', type: 'transaction', entry };
}
