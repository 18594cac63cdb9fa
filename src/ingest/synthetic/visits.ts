import { ageOn, dayOf, isoDate, yearOf } from './calendar.js';
import {
  ADMISSIONS,
  ADULT_VISITS,
  CHILD_ADMISSIONS,
  CHILD_VISITS,
  DIABETES,
  ELDERLY_VISITS,
  HYPERTENSION,
  SCHIZOPHRENIA,
  pickCode,
  type Code,
} from './icd.js';
import type { Facility, Output, OutsideFacility } from './model.js';
import type { Person } from './person.js';
import { admissionsPerYear, outOfPocketShare, visitsPerYear } from './rates.js';
import { cumulative, pickWeighted } from './random.js';

/**
 * Where a visit happens, by weight: with these, primary care (village clinics, health centres and
 * stations, private clinics) has ≈ 59% of in-county visits, non-public facilities ≈ 13%, and ≈ 11%
 * of residents' visits are outside the county (in-county visit rate ≈ 89%).
 */
const PLACES = [
  'outside',
  'village',
  'centre',
  'private_clinic',
  'general',
  'tcm',
  'mch',
  'private_hospital',
] as const;
export type Place = (typeof PLACES)[number];
const OUTPATIENT = cumulative([11, 20, 26, 7, 22, 7, 3, 4]);
const OUTPATIENT_WOMEN_CHILDREN = cumulative([10, 18, 24, 6, 20, 6, 12, 4]);
const INPATIENT = cumulative([12, 0, 10, 0, 56, 12, 2, 8]);
const INPATIENT_WOMEN_CHILDREN = cumulative([10, 0, 6, 0, 48, 8, 20, 8]);

/** Mean outpatient cost (yuan) and inpatient cost per day, by place (卫生统计年鉴 2020, county level). */
const VISIT_COST: Record<Place, number> = { outside: 520, village: 35, centre: 85, private_clinic: 70, general: 260,
  tcm: 220, mch: 200, private_hospital: 240 }; // prettier-ignore
const DAY_COST: Record<Place, number> = { outside: 2100, village: 0, centre: 480, private_clinic: 0, general: 1150,
  tcm: 950, mch: 1000, private_hospital: 900 }; // prettier-ignore

/** Shape of the yearly visit rate's spread between people (variance of visits = mean + mean² / shape). */
const VISIT_SHAPE = 0.6;

export function writeVisits(out: Output, p: Person): void {
  if (!p.resident) return;
  const { period } = out;
  for (let year = period.first; year <= period.last; year++) {
    const from = Math.max(dayOf(year), p.birth);
    const to = Math.min(dayOf(year + 1), p.death);
    if (to <= from) continue;
    const age = ageOn(p.birth, from);
    const share = (to - from) / 365;
    const chronic = p.hypertension < to || p.diabetes < to || p.mentalDisorder;
    const womenChildren = age < 15 || (!p.male && age < 50);
    // Some people see no doctor in a year and a few see one monthly: the yearly rate varies from person to
    // person (gamma, so visits are negative binomial), about a quarter of residents with no visit.
    const intensity = p.random.gamma(VISIT_SHAPE) / VISIT_SHAPE;
    const visits = p.random.poisson(visitsPerYear(age, chronic) * share * intensity);
    for (let i = 0; i < visits; i++) {
      const day = from + p.random.int(to - from);
      const place = PLACES[pickWeighted(p.random, womenChildren ? OUTPATIENT_WOMEN_CHILDREN : OUTPATIENT)]!;
      outpatient(out, p, day, place, age);
    }
    const admissions = p.random.poisson(admissionsPerYear(age) * share);
    for (let i = 0; i < admissions; i++) {
      const place = PLACES[pickWeighted(p.random, womenChildren ? INPATIENT_WOMEN_CHILDREN : INPATIENT)]!;
      const day = from + p.random.int(to - from);
      admit(out, p, day, place, admissionDiagnosis(p, age, day), place === 'centre' ? 1.7 : 2.05);
    }
  }
}

/** The facility of a place for this person (a village without a clinic sends them to the centre). */
export function facilityAt(out: Output, p: Person, place: Place): Facility | OutsideFacility {
  const { county } = out;
  const r = p.random;
  switch (place) {
    case 'outside':
      return r.pick(county.outside);
    case 'village':
      return p.village.clinic ?? p.village.town.centre;
    case 'centre':
      return p.village.town.centre;
    case 'private_clinic':
      return r.pick(county.privateClinics);
    case 'general':
      return r.chance(0.62) ? county.generalHospitals[0]! : r.pick(county.generalHospitals);
    case 'tcm':
      return county.tcmHospital;
    case 'mch':
      return county.mchHospital;
    case 'private_hospital':
      return r.pick(county.privateHospitals);
  }
}

/** Hypertension or diabetes as the reason for admission only for people who have it. */
function admissionDiagnosis(p: Person, age: number, day: number): Code {
  if (p.hypertension <= day && p.random.chance(0.06)) return HYPERTENSION;
  if (p.diabetes <= day && p.random.chance(0.08)) return DIABETES;
  return pickCode(p.random, age < 15 ? CHILD_ADMISSIONS : ADMISSIONS);
}

function diagnosisFor(p: Person, age: number, day: number): Code {
  const r = p.random;
  if (p.mentalDisorder && r.chance(0.2)) return SCHIZOPHRENIA;
  if (p.hypertension <= day && r.chance(0.35)) return HYPERTENSION;
  if (p.diabetes <= day && r.chance(0.35)) return DIABETES;
  return pickCode(r, age < 15 ? CHILD_VISITS : age < 65 ? ADULT_VISITS : ELDERLY_VISITS);
}

function department(code: string, f: Facility | OutsideFacility, age: number, emergency: boolean): string {
  if (emergency) return '急诊科';
  if ('primaryCare' in f && f.primaryCare) return code.startsWith('K02') ? '口腔科' : '全科';
  if ('type' in f && f.type === 'tcm_hospital') return '中医内科';
  const c = code[0]!;
  if (age < 15) return '儿科';
  if (c === 'O' || code.startsWith('N76')) return '妇产科';
  if (c === 'S' || c === 'M' || code.startsWith('K35') || code.startsWith('K80')) return '外科';
  if (c === 'F') return '精神科';
  if (c === 'C') return '肿瘤科';
  if (c === 'H') return '眼科';
  return c === 'Z' ? '体检中心' : '内科';
}

function outpatient(out: Output, p: Person, day: number, place: Place, age: number): void {
  const f = facilityAt(out, p, place);
  const r = p.random;
  const code = diagnosisFor(p, age, day);
  const hospital = place === 'general' || place === 'tcm' || place === 'mch' || place === 'private_hospital';
  const emergency = hospital && r.chance(0.1);
  const cost = VISIT_COST[place] * Math.exp(0.6 * r.normal() - 0.18);
  const id = encounter(
    out,
    p,
    f,
    emergency ? 'emergency' : 'outpatient',
    day,
    null,
    department(code.code, f, age, emergency),
    code,
    cost,
    null,
  );
  secondary(out, p, id, code, day, r.chance(0.25) ? 1 : 0);
  if ('id' in f && f.primaryCare && r.chance(0.012)) {
    const outside = r.chance(0.1);
    referral(
      out,
      p,
      f,
      outside ? null : out.county.generalHospitals[0]!,
      outside ? r.pick(out.county.outside).name : null,
      'up',
      day,
    );
  }
  if ('id' in f && f.primaryCare && day > p.lastService) p.lastService = day;
}

/** An admission; `logStay` is the log of the typical stay in days. Returns the encounter id. */
export function admit(
  out: Output,
  p: Person,
  day: number,
  place: Place,
  code: Code,
  logStay: number,
  f = facilityAt(out, p, place),
): number {
  const r = p.random;
  const nights = Math.max(0, Math.round(Math.exp(logStay + 0.55 * r.normal())));
  let end = Math.min(day + nights, p.death);
  const stay = Math.max(1, end - day);
  const cost = DAY_COST[place] * stay * Math.exp(0.3 * r.normal());
  const open = end >= out.period.end;
  if (open) end = Infinity;
  const id = encounter(
    out,
    p,
    f,
    'inpatient',
    day,
    open ? null : end,
    department(code.code, f, ageOn(p.birth, day), false),
    code,
    cost,
    open ? null : stay,
  );
  secondary(out, p, id, code, day, 1 + r.int(3));
  if (!open && 'id' in f && !f.primaryCare && r.chance(0.05))
    referral(out, p, f, p.village.town.centre, null, 'down', end);
  return id;
}

function encounter(
  out: Output,
  p: Person,
  f: Facility | OutsideFacility,
  cls: string,
  start: number,
  end: number | null,
  dept: string,
  code: Code,
  cost: number,
  stay: number | null,
): number {
  const { county } = out;
  const id = out.ids.take('encounters');
  const inCounty = 'id' in f;
  const total = Math.round(cost * 100) / 100;
  const share = outOfPocketShare(cls === 'inpatient', yearOf(start) - out.period.first, p.random.next());
  const pocket = Math.round(total * share * 100) / 100;
  out.rows.add('encounters', [
    county.code,
    id,
    'synthetic',
    String(id),
    p.id,
    county.code,
    inCounty ? f.id : null,
    inCounty ? county.code : f.countyCode,
    inCounty ? null : f.name,
    cls,
    isoDate(start),
    end === null ? null : isoDate(end),
    dept,
    code.code,
    total.toFixed(2),
    pocket.toFixed(2),
    stay,
  ]);
  out.rows.add('encounter_diagnoses', [county.code, id, 1, code.code, code.name]);
  return id;
}

/** Comorbidities as secondary diagnoses: the person's hypertension and diabetes first. */
function secondary(out: Output, p: Person, id: number, primary: Code, day: number, extra: number): void {
  let position = 2;
  const add = (c: Code) =>
    out.rows.add('encounter_diagnoses', [out.county.code, id, position++, c.code, c.name]);
  if (p.hypertension <= day && primary !== HYPERTENSION && p.random.chance(0.5)) add(HYPERTENSION);
  if (p.diabetes <= day && primary !== DIABETES && p.random.chance(0.5)) add(DIABETES);
  for (let i = 0; i < extra; i++) {
    const c = pickCode(p.random, ELDERLY_VISITS);
    if (c.code !== primary.code) add(c);
  }
}

const STATUSES = ['completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'accepted',
  'requested', 'rejected', 'cancelled'] as const; // prettier-ignore

function referral(
  out: Output,
  p: Person,
  from: Facility,
  to: Facility | null,
  toName: string | null,
  direction: string,
  day: number,
) {
  const id = out.ids.take('referrals');
  const status = p.random.pick(STATUSES);
  const received = status === 'completed' || status === 'accepted' ? day + p.random.int(4) : null;
  out.rows.add('referrals', [
    out.county.code,
    id,
    'synthetic',
    String(id),
    p.id,
    from.id,
    to?.id ?? null,
    toName,
    direction,
    isoDate(day),
    received === null || received >= out.period.end ? null : isoDate(received),
    status,
  ]);
}
