import { dayOf, isoDate } from './calendar.js';
import type { Facility, Output } from './model.js';
import { personName } from './names.js';
import { RESOURCES } from './rates.js';
import { Random } from './random.js';

/** Staff of each category per physician, by facility kind (卫生统计年鉴 structure of county facilities). */
const PER_PHYSICIAN: Record<string, Partial<Record<Category, number>>> = {
  hospital: { registered_nurse: 1.35, pharmacist: 0.15, lab_technician: 0.12, imaging_technician: 0.09,
    other_health_technical: 0.08, other_technical: 0.05, management: 0.08, support: 0.12 },
  centre: { registered_nurse: 0.8, pharmacist: 0.18, lab_technician: 0.1, imaging_technician: 0.06,
    other_health_technical: 0.1, management: 0.08, support: 0.1 },
  clinic: { registered_nurse: 0.6, pharmacist: 0.15 },
  public_health: { other_health_technical: 1.2, other_technical: 0.3, management: 0.2, support: 0.15 },
}; // prettier-ignore

type Category =
  | 'physician' | 'assistant_physician' | 'registered_nurse' | 'pharmacist' | 'lab_technician'
  | 'imaging_technician' | 'other_health_technical' | 'village_doctor' | 'other_technical' | 'management'
  | 'support'; // prettier-ignore

function kindOf(f: Facility): keyof typeof PER_PHYSICIAN {
  if (['cdc', 'health_supervision'].includes(f.type)) return 'public_health';
  if (f.primaryCare) return f.type.endsWith('centre') ? 'centre' : 'clinic';
  return 'hospital';
}

/** Largest-remainder rounding: integer counts proportional to the weights that sum exactly to `total`. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const raw = weights.map((w) => (total * w) / sum);
  const counts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < total - counts.reduce((a, b) => a + b, 0); k++) counts[order[k]![1]]!++;
  return counts;
}

/**
 * Staff with their categories, practice categories, GP flags and management posts, hired before the first
 * year and every year after it (≈ 4.5% growth and 3% leaving a year), so that physicians and nurses per
 * 1 000 start near the seeds' 2020 baselines (≈ 2.7 and 2.9) and rise.
 */
export function writeStaff(out: Output, residents: number, seed: number): void {
  const { county } = out;
  const random = new Random(seed, 0, 2);
  const people = residents / 1000;
  const facilities = county.facilities.filter((f) => f.staffWeight > 0);
  const physicians = apportion(
    Math.round(RESOURCES.physicians * people),
    facilities.map((f) => f.staffWeight),
  );
  const nurseWeights = facilities.map(
    (f, i) => physicians[i]! * (PER_PHYSICIAN[kindOf(f)]!.registered_nurse ?? 0),
  );
  const nurses = apportion(Math.round(RESOURCES.nurses * people), nurseWeights);
  facilities.forEach((f, i) => {
    const kind = kindOf(f);
    const counts: [Category, number][] = [
      ['physician', physicians[i]!],
      ['registered_nurse', nurses[i]!],
    ];
    for (const [category, ratio] of Object.entries(PER_PHYSICIAN[kind]!) as [Category, number][]) {
      if (category !== 'registered_nurse') counts.push([category, Math.round(physicians[i]! * ratio)]);
    }
    for (const [category, count] of counts) hire(out, random, f, category, count);
  });
  const clinics = county.villages.flatMap((v) => (v.clinic?.type === 'village_clinic' ? [v.clinic] : []));
  // 乡村全科执业助理医师 (counted among physicians and GPs since 2019): ≈ 0.1 per 1 000 residents.
  const assistants = apportion(
    Math.round(0.1 * people),
    clinics.map(() => random.next()),
  );
  clinics.forEach((clinic, i) => {
    hire(out, random, clinic, 'village_doctor', 1 + (random.chance(0.4) ? 1 : 0));
    hire(out, random, clinic, 'assistant_physician', assistants[i]!);
  });
}

function hire(out: Output, random: Random, f: Facility, category: Category, firstYearCount: number): void {
  const { period } = out;
  const active: { row: StaffRow; stable: boolean }[] = [];
  for (let i = 0; i < firstYearCount; i++) {
    active.push({
      row: newStaff(
        out,
        random,
        f,
        category,
        dayOf(1985 + random.int(period.first - 1985), 1, 1) + random.int(365),
      ),
      stable: true,
    });
  }
  for (let year = period.first + 1; year <= period.last; year++) {
    const k = year - period.first;
    const target = Math.round(firstYearCount * (1 + RESOURCES.growth) ** k);
    const current = active.filter((a) => a.row.ended === null).length;
    for (const a of active) {
      if (a.row.ended === null && random.chance(0.03)) {
        a.row.ended = dayOf(year) + random.int(360);
        a.stable = false;
      }
    }
    const leavers = current - active.filter((a) => a.row.ended === null).length;
    for (let i = 0; i < target - current + leavers; i++) {
      const row = newStaff(out, random, f, category, dayOf(year) + random.int(330));
      active.push({ row, stable: true });
    }
  }
  for (const a of active) {
    if (a.stable && DOCTOR_CATEGORIES.has(category)) f.doctors.push(a.row.id);
    writeRow(out, a.row);
  }
}

const DOCTOR_CATEGORIES = new Set<Category>(['physician', 'assistant_physician', 'village_doctor']);

interface StaffRow {
  id: number;
  facility: Facility;
  category: Category;
  male: boolean;
  name: string;
  birth: number;
  started: number;
  ended: number | null;
  practice: string | null;
  gpRegistered: boolean;
  gpCertificate: boolean;
  management: boolean;
}

function newStaff(out: Output, random: Random, f: Facility, category: Category, started: number): StaffRow {
  const male = random.chance(category === 'registered_nurse' ? 0.03 : category === 'physician' ? 0.55 : 0.45);
  const physician = category === 'physician' || category === 'assistant_physician';
  const primary = f.primaryCare && f.type !== 'clinic' && f.type !== 'outpatient_department';
  const gp =
    physician &&
    random.chance(
      f.type === 'village_clinic' ? 1 : primary ? 0.45 : f.type === 'general_hospital' ? 0.03 : 0,
    );
  const gpRegistered = gp && random.chance(0.7);
  return {
    id: out.ids.take('staff'),
    facility: f,
    category,
    male,
    name: personName(random, male),
    birth: started - (23 + random.int(12)) * 365 - random.int(365),
    started,
    ended: null,
    practice: physician ? practiceCategory(random, f) : null,
    gpRegistered: gpRegistered,
    gpCertificate: gp && (!gpRegistered || random.chance(0.3)),
    management: (physician || category === 'registered_nurse') && random.chance(0.04),
  };
}

function practiceCategory(random: Random, f: Facility): string {
  if (f.type === 'cdc' || f.type === 'health_supervision') return 'public_health';
  const tcm = f.type === 'tcm_hospital' ? 0.6 : f.type === 'clinic' ? 0.3 : RESOURCES.tcmShare * 0.75;
  const x = random.next();
  return x < tcm ? 'tcm' : x < tcm + 0.05 ? 'dental' : 'clinical';
}

function writeRow(out: Output, s: StaffRow): void {
  const licence = LICENSED.has(s.category)
    ? `${s.category === 'registered_nurse' ? 2 : 1}10${out.county.code}${String(s.id).padStart(6, '0')}`
    : null;
  out.rows.add('staff', [
    out.county.code,
    s.id,
    'synthetic',
    String(s.id),
    s.facility.id,
    s.name,
    s.male ? 'male' : 'female',
    isoDate(s.birth),
    licence,
    s.category,
    s.practice,
    s.gpRegistered,
    s.gpCertificate,
    s.management,
    isoDate(s.started),
    s.ended === null ? null : isoDate(s.ended),
  ]);
}

const LICENSED = new Set<Category>(['physician', 'assistant_physician', 'registered_nurse', 'pharmacist']);
