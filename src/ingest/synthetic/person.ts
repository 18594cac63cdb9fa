import { ageOn, dayOf, daysInYear, yearOf } from './calendar.js';
import { deathCauses, pickCode, type Code } from './icd.js';
import type { Output, Village } from './model.js';
import { mobilePhone, personName } from './names.js';
import {
  AGE_SHARES,
  DIABETES_INCIDENCE,
  HYPERTENSION_INCIDENCE,
  INFANT_MORTALITY,
  MALE_SHARES,
  MIGRANTS_IN,
  MIGRANTS_OUT,
  SEVERE_MENTAL_DISORDER,
  coverage,
  deathProbability,
  diabetesPrevalence,
  hypertensionPrevalence,
} from './rates.js';
import { Random, cumulative, pickWeighted } from './random.js';

/** One person as the generator follows them through the period. Days are day numbers; Infinity = never. */
export interface Person {
  id: number;
  random: Random;
  male: boolean;
  birth: number;
  death: number;
  cause: Code | null;
  maternalDeath: boolean;
  village: Village;
  /** 常住 and 户籍. */
  resident: boolean;
  registered: boolean;
  name: string;
  phone: string | null;
  hypertension: number;
  diabetes: number;
  mentalDisorder: boolean;
  /** Day the health record was created, Infinity when none. */
  recordCreated: number;
  lowIncome: boolean;
  disabled: boolean;
  /** Most recent service entered in the health record. */
  lastService: number;
  /** Years (index) in which she was pregnant, for the family-doctor priority groups. */
  pregnantYears: number;
  motherId: number | null;
  /** Where a child born in the period was delivered (in the county). */
  birthFacilityId: number | null;
}

const AGE_CUM = cumulative(AGE_SHARES);

/** Someone living in the county when the period starts, drawn from the age pyramid. */
export function initialPerson(out: Output, random: Random, villageCum: Float64Array): Person {
  const group = pickWeighted(random, AGE_CUM);
  const age =
    group === 17 ? 85 + Math.floor(-6 * Math.log(1 - random.next() * 0.92)) : group * 5 + random.int(5);
  const male = random.chance(MALE_SHARES[group]!);
  const birth = out.period.start - age * 365 - Math.floor(age / 4) - 1 - random.int(365);
  const village = out.county.villages[pickWeighted(random, villageCum)]!;
  const x = random.next();
  const p = basePerson(
    out,
    random,
    male,
    birth,
    village,
    x >= MIGRANTS_OUT,
    x >= MIGRANTS_OUT + MIGRANTS_IN || x < MIGRANTS_OUT,
  );
  const startAge = ageOn(birth, out.period.start);
  if (random.chance(hypertensionPrevalence(startAge)))
    p.hypertension = out.period.start - 1 - random.int(3650);
  if (random.chance(diabetesPrevalence(startAge))) p.diabetes = out.period.start - 1 - random.int(3000);
  p.mentalDisorder = startAge >= 15 && random.chance(SEVERE_MENTAL_DISORDER * 1.25);
  const u = random.next();
  const years = out.period.last - out.period.first + 1;
  if (u < coverage('healthRecord', 0))
    p.recordCreated = dayOf(2009) + random.int(out.period.start - dayOf(2009));
  else {
    for (let k = 1; k < years; k++) {
      if (u < coverage('healthRecord', k)) {
        p.recordCreated = dayOf(out.period.first + k) + random.int(365);
        break;
      }
    }
  }
  return p;
}

/** A child born in the period to a resident mother. */
export function newborn(out: Output, mother: Person, birth: number, male: boolean, seed: number): Person {
  const id = out.ids.take('residents');
  const random = new Random(seed, 2, id);
  const p = basePerson(out, random, male, birth, mother.village, mother.resident, mother.registered, id);
  p.motherId = mother.id;
  p.name = mother.name[0] + p.name.slice(1);
  const k = yearOf(birth) - out.period.first;
  if (random.chance(coverage('healthRecord', k) + 0.03)) p.recordCreated = birth + 7 + random.int(60);
  if (random.chance(INFANT_MORTALITY)) {
    // Half of infant deaths are neonatal (< 28 days).
    p.death = birth + (random.chance(0.5) ? random.int(28) : 28 + random.int(337));
    p.cause = pickCode(random, deathCauses(0));
  }
  return p;
}

function basePerson(
  out: Output,
  random: Random,
  male: boolean,
  birth: number,
  village: Village,
  resident: boolean,
  registered: boolean,
  id = out.ids.take('residents'),
): Person {
  return {
    id,
    random,
    male,
    birth,
    death: Infinity,
    cause: null,
    maternalDeath: false,
    village,
    resident,
    registered,
    name: personName(random, male),
    phone: random.chance(0.93) ? mobilePhone(random) : null,
    hypertension: Infinity,
    diabetes: Infinity,
    mentalDisorder: false,
    recordCreated: Infinity,
    lowIncome: random.chance(0.03),
    disabled: random.chance(0.025),
    lastService: -Infinity,
    pregnantYears: 0,
    motherId: null,
    birthFacilityId: null,
  };
}

/** Deaths from the yearly probabilities, and onsets of hypertension and diabetes during the period. */
export function simulateLife(out: Output, p: Person): void {
  const { random } = p;
  for (let year = out.period.first; year <= out.period.last; year++) {
    const start = Math.max(dayOf(year), p.birth + 365);
    const end = Math.min(dayOf(year + 1), p.death);
    if (start >= end) continue;
    const age = ageOn(p.birth, start);
    const k = year - out.period.first;
    if (
      age >= 35 &&
      p.hypertension === Infinity &&
      random.chance(HYPERTENSION_INCIDENCE * (age >= 55 ? 2 : 1))
    ) {
      p.hypertension = start + random.int(end - start);
    }
    if (age >= 30 && p.diabetes === Infinity && random.chance(DIABETES_INCIDENCE * (age >= 55 ? 2 : 1))) {
      p.diabetes = start + random.int(end - start);
    }
    if (random.chance(deathProbability(age, p.male, k) * ((end - start) / daysInYear(year)))) {
      p.death = start + random.int(end - start);
      p.cause = pickCode(random, deathCauses(age));
    }
  }
}

/** Alive on a day. */
export function aliveOn(p: Person, day: number): boolean {
  return day >= p.birth && day < p.death;
}
