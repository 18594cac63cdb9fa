import { ageOn, dayOf, isoDate, yearOf } from './calendar.js';
import { CAESAREAN, DELIVERY, MATERNAL_DEATHS, pickCode } from './icd.js';
import type { Facility, Output, OutsideFacility } from './model.js';
import { newborn, type Person } from './person.js';
import {
  FERTILITY,
  MALE_BIRTH_SHARE,
  MATERNAL_DEATH,
  TWIN_SHARE,
  coverage,
  fertilityFactor,
} from './rates.js';
import { admit, facilityAt, type Place } from './visits.js';
import { cumulative, pickWeighted } from './random.js';

const DELIVERY_PLACES: Place[] = ['mch', 'general', 'private_hospital', 'outside', 'centre'];
const DELIVERY_CUM = cumulative([45, 42, 5, 6, 2]);

/**
 * Pregnancies of resident women from age-specific fertility: registration (early before 13 weeks for
 * most), antenatal checks, a hospital delivery (an admission), the postpartum visit, the live births —
 * each child becomes a resident and is generated at once through `onChild`. A pregnancy registered
 * before the period ends but not yet delivered stays open.
 */
export function writePregnancies(
  out: Output,
  p: Person,
  seed: number,
  onChild: (child: Person) => void,
): void {
  if (p.male || !p.resident) return;
  const { period } = out;
  const r = p.random;
  let lastDelivery = -Infinity;
  for (let year = period.first; year <= period.last + 1; year++) {
    const age = ageOn(p.birth, dayOf(year, 7, 1));
    if (age < 15 || age > 49) continue;
    if (!r.chance(FERTILITY[Math.floor((age - 15) / 5)]! * fertilityFactor(year))) continue;
    const delivery = dayOf(year) + r.int(365);
    const lmp = delivery - 266 - r.int(22);
    const k = Math.min(year, period.last) - period.first;
    const week = r.chance(coverage('earlyRegistration', k)) ? r.between(6, 12) : r.between(13, 22);
    const registered = lmp + week * 7 + r.int(5);
    if (delivery - lastDelivery < 500 || registered >= period.end || registered >= p.death) continue;
    lastDelivery = delivery;
    const delivered = delivery < period.end && delivery < p.death;
    for (let y = yearOf(lmp); y <= yearOf(delivery); y++)
      p.pregnantYears |= 1 << Math.max(0, y - period.first);
    pregnancy(out, p, seed, { lmp, week, registered, delivery: delivered ? delivery : null, k }, onChild);
    if (p.maternalDeath) return;
  }
}

interface Course {
  lmp: number;
  week: number;
  registered: number;
  delivery: number | null;
  k: number;
}

function pregnancy(out: Output, p: Person, seed: number, c: Course, onChild: (child: Person) => void): void {
  const { county, period } = out;
  const r = p.random;
  const id = out.ids.take('pregnancies');
  const place = DELIVERY_PLACES[pickWeighted(r, DELIVERY_CUM)]!;
  const where: Facility | OutsideFacility = facilityAt(out, p, place);
  const hospital = c.delivery !== null ? !(place === 'centre' && r.chance(0.05)) : null;
  const inCounty = 'id' in where;
  let postpartum: number | null = null;
  if (c.delivery !== null) {
    const visit = r.chance(coverage('postpartumVisit', c.k))
      ? c.delivery + r.between(3, 27)
      : r.chance(0.5)
        ? c.delivery + r.between(30, 45)
        : Infinity;
    if (visit < period.end && visit < p.death) postpartum = visit;
  }
  out.rows.add('pregnancies', [
    county.code,
    id,
    'synthetic',
    String(id),
    p.id,
    isoDate(c.registered),
    c.week,
    c.delivery === null ? null : isoDate(c.delivery),
    hospital && inCounty ? where.id : null,
    hospital,
    postpartum === null ? null : isoDate(postpartum),
  ]);
  prenatalVisits(out, p, id, c, inCounty ? where : null);
  if (c.delivery === null) return;
  const caesarean = r.chance(0.38);
  if (hospital)
    admit(out, p, c.delivery, place, caesarean ? CAESAREAN : DELIVERY, caesarean ? 1.7 : 1.2, where);
  if (postpartum !== null && postpartum > p.lastService) p.lastService = postpartum;
  const twins = r.chance(TWIN_SHARE);
  for (let i = 0; i < (twins ? 2 : 1); i++) {
    const child = newborn(out, p, c.delivery, r.chance(MALE_BIRTH_SHARE), seed);
    const weight = Math.round(Math.min(5200, Math.max(1200, 3300 - (twins ? 700 : 0) + 450 * r.normal())));
    const birthId = out.ids.take('live_births');
    out.rows.add('live_births', [
      county.code,
      birthId,
      'synthetic',
      String(birthId),
      id,
      p.id,
      child.id,
      isoDate(c.delivery),
      child.male ? 'male' : 'female',
      weight,
      hospital && inCounty ? where.id : null,
    ]);
    child.birthFacilityId = hospital && inCounty ? where.id : null;
    onChild(child);
  }
  if (r.chance(MATERNAL_DEATH)) {
    const day = c.delivery + r.int(42);
    if (day < p.death) {
      p.death = day;
      p.cause = pickCode(r, MATERNAL_DEATHS);
      p.maternalDeath = true;
    }
  }
}

/** ≥ 5 antenatal checks for most (the first one at registration), fewer for the rest. */
function prenatalVisits(
  out: Output,
  p: Person,
  pregnancyId: number,
  c: Course,
  hospital: Facility | null,
): void {
  const r = p.random;
  const count = r.chance(coverage('fiveChecks', c.k)) ? r.between(5, 9) : r.between(2, 4);
  const lastWeek = 39;
  for (let i = 0; i < count; i++) {
    const week = c.week + Math.round((i * (lastWeek - c.week)) / count);
    const day = i === 0 ? c.registered : c.lmp + week * 7 + r.int(3);
    if (day >= out.period.end || day >= p.death || (c.delivery !== null && day >= c.delivery)) break;
    const f = i === 0 || !hospital ? p.village.town.centre : hospital;
    out.rows.add('prenatal_visits', [out.county.code, pregnancyId, isoDate(day), week, f.id]);
    if (day > p.lastService) p.lastService = day;
  }
}
