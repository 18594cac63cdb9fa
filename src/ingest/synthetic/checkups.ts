import { dayOf, isoDate, yearOf } from './calendar.js';
import type { Facility, Output } from './model.js';
import type { Person } from './person.js';
import { coverage } from './rates.js';

/** A health check-up with the four BPHS parts; an incomplete one misses the auxiliary tests or the form. */
export function writeCheckup(
  out: Output,
  p: Person,
  programme: string,
  day: number,
  f: Facility,
  complete: boolean,
) {
  const partial = complete ? -1 : p.random.int(2);
  const id = out.ids.take('health_checkups');
  out.rows.add('health_checkups', [
    out.county.code,
    id,
    'synthetic',
    String(id),
    p.id,
    programme,
    isoDate(day),
    f.id,
    true,
    true,
    partial !== 0,
    true,
    partial === -1,
  ]);
  if (day > p.lastService) p.lastService = day;
}

/** The BPHS elderly health management: residents ≥ 65 (at year end) with a record, once a year. */
export function writeElderlyCare(out: Output, p: Person): void {
  if (!p.resident) return;
  const { period } = out;
  for (let year = period.first; year <= period.last; year++) {
    if (year - yearOf(p.birth) < 65) continue;
    const from = Math.max(dayOf(year), p.recordCreated);
    const to = Math.min(dayOf(year + 1), p.death);
    if (to - from < 30) continue;
    const k = year - period.first;
    if (!p.random.chance(coverage('elderly', k) / coverage('healthRecord', k))) continue;
    writeCheckup(
      out,
      p,
      'elderly',
      from + p.random.int(to - from),
      p.village.town.centre,
      p.random.chance(0.95),
    );
  }
}
