import { isoDate, yearOf } from './calendar.js';
import type { Output } from './model.js';
import type { Person } from './person.js';
import { coverage } from './rates.js';

/** Child health checks (BPHS-3): newborn visit, 3, 6, 8, 12, 18, 24, 30, 36 months, then yearly to 6. */
const CHECK_MONTHS = [0.25, 1, 3, 6, 8, 12, 18, 24, 30, 36, 48, 60, 72];

/**
 * The national immunization schedule (国家免疫规划疫苗儿童免疫程序, 2021 edition): vaccine, dose and age
 * in months when it is due.
 */
export const SCHEDULE: [vaccine: string, dose: number, months: number][] = [
  ['HepB', 1, 0], ['BCG', 1, 0], ['HepB', 2, 1], ['IPV', 1, 2], ['IPV', 2, 3], ['DTaP', 1, 3], ['bOPV', 1, 4],
  ['DTaP', 2, 4], ['DTaP', 3, 5], ['HepB', 3, 6], ['MPSV-A', 1, 6], ['MMR', 1, 8], ['JE-L', 1, 8],
  ['MPSV-A', 2, 9], ['MMR', 2, 18], ['DTaP', 4, 18], ['HepA-L', 1, 18], ['JE-L', 2, 24], ['MPSV-AC', 1, 36],
  ['bOPV', 2, 48], ['MPSV-AC', 2, 72], ['DT', 1, 72],
]; // prettier-ignore

const MONTH = 30.44;
/** Days from 1 Oct to 1 Jan. */
const LEAD_IN = 92;

/** Children under 7 at some point of the period: health checks, doses due and doses given. */
export function writeChildCare(out: Output, p: Person): void {
  const { period, county } = out;
  if (!p.resident || p.birth < period.start - 7 * 366) return;
  const r = p.random;
  const centre = p.village.town.centre;
  for (const months of CHECK_MONTHS) {
    const due = p.birth + Math.round(months * MONTH);
    // From the MCH statistical year of the first year (1 Oct before it), which its rates count.
    if (due < period.start - LEAD_IN || due >= period.end) continue;
    const k = Math.max(0, yearOf(due) - period.first);
    if (!r.chance(coverage('childCheck', k))) continue;
    const day = due + r.int(14);
    if (day >= period.end || day >= p.death) continue;
    const id = out.ids.take('child_health_checks');
    out.rows.add('child_health_checks', [
      county.code,
      id,
      'synthetic',
      String(id),
      p.id,
      isoDate(day),
      centre.id,
      months >= 6 ? r.chance(coverage('eyeScreening', k)) : r.chance(0.5),
    ]);
    if (day > p.lastService) p.lastService = day;
  }
  for (const [vaccine, dose, months] of SCHEDULE) {
    const due = p.birth + Math.round(months * MONTH);
    if (due >= period.end || due >= p.death) break;
    out.rows.add('immunization_due_doses', [county.code, p.id, vaccine, dose, isoDate(due)]);
    const k = Math.max(0, Math.min(period.last, yearOf(due)) - period.first);
    if (!r.chance(coverage('vaccination', k))) continue;
    const x = r.next();
    const day = due + (x < 0.7 ? r.int(15) : x < 0.95 ? r.between(15, 60) : r.between(61, 180));
    if (day >= period.end || day >= p.death) continue;
    const id = out.ids.take('immunizations');
    const atBirth = months === 0 && p.birthFacilityId !== null;
    out.rows.add('immunizations', [
      county.code,
      id,
      'synthetic',
      String(id),
      p.id,
      vaccine,
      dose,
      isoDate(day),
      atBirth ? p.birthFacilityId : centre.id,
    ]);
  }
}
