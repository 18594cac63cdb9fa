import { ageOn, dayOf, isoDate } from './calendar.js';
import type { Output } from './model.js';
import type { Person } from './person.js';
import { coverage } from './rates.js';

/**
 * Family-doctor contracts run one year from signing; each year a covered person renews (续签, the new
 * contract names the old one) or lets it lapse, and an uncovered one signs with the probability that keeps
 * coverage at its target: new = c·(1 − r) / (1 − c). Priority groups are covered far more often.
 */
export function writeContracts(out: Output, p: Person): void {
  if (!p.resident) return;
  const { period } = out;
  const r = p.random;
  let previous: { id: number; end: number } | null = null;
  for (let year = period.first - 1; year <= period.last; year++) {
    const k = Math.max(0, year - period.first);
    const yearEnd = dayOf(year + 1) - 1;
    if (p.birth > yearEnd || p.death <= dayOf(year)) continue;
    const groups = priorityGroups(p, year, k);
    const target = coverage(groups.length ? 'contractPriority' : 'contract', k);
    const renewal = coverage('renewal', k);
    const covered = previous
      ? r.chance(renewal)
      : r.chance(year < period.first ? target : (target * (1 - renewal)) / (1 - target));
    if (!covered) {
      previous = null;
      continue;
    }
    const start: number = previous ? previous.end + 1 : Math.max(p.birth, dayOf(year) + r.int(360));
    if (start >= period.end || start >= p.death) break;
    previous = contract(out, p, start, groups, previous?.id ?? null);
  }
}

function contract(out: Output, p: Person, start: number, groups: string[], renews: number | null) {
  const centre = p.village.town.centre;
  const clinic =
    p.village.clinic?.type === 'village_clinic' && p.village.clinic.doctors.length ? p.village.clinic : null;
  const doctors = clinic && p.random.chance(0.5) ? clinic.doctors : centre.doctors;
  const doctor = doctors.length ? doctors[p.id % doctors.length]! : null;
  const id = out.ids.take('family_doctor_contracts');
  const end = start + 364;
  const cancelled = p.death <= end && p.death < out.period.end ? p.death : null;
  out.rows.add('family_doctor_contracts', [
    out.county.code,
    id,
    'synthetic',
    String(id),
    p.id,
    `${centre.name.replace(/(社区卫生服务中心|卫生院)$/, '')}家庭医生团队${1 + ((doctor ?? 0) % 5)}`,
    doctor,
    centre.id,
    isoDate(start),
    isoDate(end),
    cancelled === null ? null : isoDate(cancelled),
    groups,
    renews,
  ]);
  return { id, end };
}

function priorityGroups(p: Person, year: number, k: number): string[] {
  const age = ageOn(p.birth, dayOf(year, 7, 1));
  const mid = dayOf(year, 7, 1);
  const groups: string[] = [];
  if (age >= 65) groups.push('elderly');
  if (age <= 6) groups.push('child');
  if (p.pregnantYears & (1 << k)) groups.push('maternal');
  if (p.hypertension <= mid) groups.push('hypertension');
  if (p.diabetes <= mid) groups.push('type2_diabetes');
  if (p.mentalDisorder) groups.push('severe_mental_disorder');
  if (p.disabled) groups.push('disabled');
  if (p.lowIncome) groups.push('low_income');
  return groups;
}
