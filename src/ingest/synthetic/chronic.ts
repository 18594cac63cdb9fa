import { ageOn, dayOf, isoDate, yearOf } from './calendar.js';
import { writeCheckup } from './checkups.js';
import type { Facility, Output } from './model.js';
import type { Person } from './person.js';
import { coverage, type CoverageName } from './rates.js';

type Disease = 'hypertension' | 'type2_diabetes' | 'severe_mental_disorder';

const STANDARD: Record<Disease, CoverageName> = {
  hypertension: 'hypertensionStandard',
  type2_diabetes: 'diabetesStandard',
  severe_mental_disorder: 'mentalStandard',
};

/**
 * BPHS chronic disease management: a share of the prevalent patients is registered (the health
 * management rate), and each year a registered patient is managed to the standard (≥ 4 face-to-face
 * follow-ups and an annual check-up) or gets fewer follow-ups; the last follow-up decides control.
 */
export function writeChronicCare(out: Output, p: Person): void {
  if (!p.resident) return;
  if (p.hypertension < out.period.end) register(out, p, 'hypertension', p.hypertension);
  if (p.diabetes < out.period.end) register(out, p, 'type2_diabetes', p.diabetes);
  if (p.mentalDisorder) register(out, p, 'severe_mental_disorder', out.period.start - 1 - p.random.int(3000));
}

function register(out: Output, p: Person, disease: Disease, onset: number): void {
  const { period, county } = out;
  const { random } = p;
  let registered = Infinity;
  if (disease === 'severe_mental_disorder') registered = Math.max(onset, p.birth + 15 * 365);
  else if (onset < period.start) {
    if (random.chance(coverage('chronicManaged', 0)))
      registered = onset + random.int(Math.min(365, period.start - onset));
    else {
      for (let year = period.first + 1; year <= period.last && registered === Infinity; year++) {
        if (random.chance(0.06)) registered = dayOf(year) + random.int(365);
      }
    }
  } else if (random.chance(coverage('chronicManaged', yearOf(onset) - period.first))) {
    registered = onset + 7 + random.int(90);
  }
  if (registered >= period.end || registered >= p.death) return;
  const id = out.ids.take('chronic_disease_registrations');
  const centre = p.village.town.centre;
  const closed = p.death < period.end ? p.death : null;
  out.rows.add('chronic_disease_registrations', [
    county.code,
    id,
    'synthetic',
    String(id),
    p.id,
    disease,
    centre.id,
    isoDate(registered),
    closed === null ? null : isoDate(closed),
    closed === null ? null : 'death',
  ]);
  for (let year = Math.max(period.first, yearOf(registered)); year <= period.last; year++) {
    const from = Math.max(dayOf(year), registered + 1);
    const to = Math.min(dayOf(year + 1), p.death);
    if (to - from < 14) continue;
    followYear(out, p, disease, id, year, from, to);
  }
}

function followYear(
  out: Output,
  p: Person,
  disease: Disease,
  registration: number,
  year: number,
  from: number,
  to: number,
) {
  const { random } = p;
  const k = year - out.period.first;
  const span = to - from;
  const standard = span > 300 && random.chance(coverage(STANDARD[disease], k));
  // A severe mental disorder patient outside standard management may be lost to follow-up (失访) for the
  // year, so that the managed share (在管 / 在册) follows mentalManaged.
  if (!standard && disease === 'severe_mental_disorder') {
    const managed = coverage('mentalManaged', k);
    const standardShare = coverage('mentalStandard', k);
    if (!random.chance((managed - standardShare) / (1 - standardShare))) return;
  }
  const count = standard
    ? 4 + (random.chance(0.2) ? 1 : 0)
    : Math.max(1, Math.round((span / 365) * random.between(1, 3)));
  const clinic = p.village.clinic?.type === 'village_clinic' ? p.village.clinic : null;
  const controlRate =
    disease === 'type2_diabetes' ? coverage('diabetesControl', k) : coverage('hypertensionControl', k);
  const elderly = ageOn(p.birth, to - 1) >= 65;
  for (let i = 0; i < count; i++) {
    const day = from + Math.floor(((i + 0.2 + 0.6 * random.next()) * span) / count);
    const f: Facility = clinic && random.chance(0.35) ? clinic : p.village.town.centre;
    const controlled = random.chance(controlRate);
    const id = out.ids.take('chronic_disease_follow_ups');
    const values = vitals(p, disease, controlled, elderly);
    out.rows.add('chronic_disease_follow_ups', [
      out.county.code,
      id,
      'synthetic',
      String(id),
      registration,
      isoDate(day),
      standard || random.chance(0.7),
      ...values,
      controlled,
      f.id,
      f.doctors.length ? f.doctors[id % f.doctors.length]! : null,
    ]);
    if (day > p.lastService) p.lastService = day;
  }
  if (standard) {
    const programme = disease === 'severe_mental_disorder' ? 'severe_mental_disorder' : 'chronic_disease';
    writeCheckup(out, p, programme, from + random.int(span), p.village.town.centre, random.chance(0.95));
  }
}

/** SBP, DBP and fasting glucose consistent with the recorded control (65+: SBP < 150 counts as controlled). */
function vitals(
  p: Person,
  disease: Disease,
  controlled: boolean,
  elderly: boolean,
): [number | null, number | null, string | null] {
  const { random } = p;
  if (disease === 'severe_mental_disorder') return [null, null, null];
  const sbpLimit = elderly ? 150 : 140;
  const sbp = controlled ? random.between(112, sbpLimit - 1) : random.between(sbpLimit, sbpLimit + 35);
  const dbp = controlled
    ? random.between(64, 89)
    : random.chance(0.5)
      ? random.between(90, 105)
      : random.between(75, 95);
  if (disease === 'hypertension') return [sbp, dbp, null];
  const glucose = controlled ? 4.8 + random.int(22) / 10 : 7.1 + random.int(50) / 10;
  const withPressure = random.chance(0.8);
  return [withPressure ? sbp : null, withPressure ? dbp : null, glucose.toFixed(1)];
}
