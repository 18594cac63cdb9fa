import { makeResidentId } from '../../domain/identity/resident-id.js';
import { dayOf, isoDate } from './calendar.js';
import type { Facility, Output } from './model.js';
import { mobilePhone } from './names.js';
import type { Person } from './person.js';
import { coverage } from './rates.js';

const FIRST_DAY = dayOf(1880);

/**
 * Sequence numbers of ID numbers (positions 15–17: odd for men, even for women), counted per birth date
 * so that numbers stay unique in the county. A date whose 500 numbers of one sex are used moves the
 * number (not the person) to the next day.
 */
export class IdNumbers {
  private readonly used = new Uint16Array((dayOf(2100) - FIRST_DAY) * 2);

  next(region: string, birth: number, male: boolean): string {
    for (let day = birth; ; day++) {
      const slot = (day - FIRST_DAY) * 2 + (male ? 1 : 0);
      const n = this.used[slot]!;
      if (n < 500) {
        this.used[slot] = n + 1;
        return makeResidentId(region, isoDate(day), n * 2 + (male ? 1 : 0));
      }
    }
  }
}

/** The resident row, its identifiers, and now and then a duplicate registration with a match candidate. */
export function writeResident(out: Output, p: Person, idNumbers: IdNumbers): void {
  const { county } = out;
  const region = p.registered ? county.code : p.random.pick(county.otherCounties);
  const idNumber = idNumbers.next(region, p.birth, p.male);
  // Known to the platform from birth, or from the health record or the start of the period if earlier.
  const known = Math.max(p.birth, Math.min(p.recordCreated, out.period.start));
  const touched = Math.max(known, p.lastService, p.death < out.period.end ? p.death : known);
  const created = timestamp(known);
  const updated = timestamp(Math.min(touched, out.period.end - 1));
  const address = residentAddress(p);
  out.rows.add('residents', [
    county.code,
    p.id,
    idNumber,
    p.name,
    p.male ? 'male' : 'female',
    isoDate(p.birth),
    p.village.code,
    county.code,
    address,
    p.resident,
    p.registered,
    p.phone,
    p.death === Infinity ? null : isoDate(p.death),
    null,
    created,
    updated,
  ]);
  out.rows.add('resident_identifiers', [
    county.code,
    'insurance',
    `${county.code}${String(p.id).padStart(10, '0')}`,
    p.id,
  ]);
  if (p.random.chance(0.4)) {
    out.rows.add('resident_identifiers', [
      county.code,
      'health_card',
      `JKK${String(p.id * 7919 + 13).padStart(12, '0')}`,
      p.id,
    ]);
  }
  if (p.random.chance(0.002)) writeDuplicate(out, p, address);
}

function residentAddress(p: Person): string {
  const n = 1 + p.random.int(200);
  const village = p.village.name.replace(/(村民委员会|村委会|居民委员会|居委会)$/, '');
  return p.village.urban
    ? `${p.village.town.name}${village}${n}幢${1 + p.random.int(6)}0${1 + p.random.int(4)}室`
    : `${p.village.town.name}${village}${p.random.int(20) + 1}组${n}号`;
}

/**
 * A hospital registered the person again without an ID number (a typo'd phone): the pair waits for
 * review, was merged (the copy points at the survivor) or was rejected. The copy is neither 常住 nor
 * 户籍, so it never counts in a denominator.
 */
function writeDuplicate(out: Output, p: Person, address: string): void {
  const { county } = out;
  const id = out.ids.take('residents');
  const status = p.random.pick(['pending', 'pending', 'merged', 'merged', 'rejected'] as const);
  const at = timestamp(out.period.start + p.random.int(out.period.end - out.period.start - 30));
  out.rows.add('residents', [
    county.code,
    id,
    null,
    p.name,
    p.male ? 'male' : 'female',
    isoDate(p.birth),
    p.village.code,
    county.code,
    address,
    false,
    false,
    mobilePhone(p.random),
    null,
    status === 'merged' ? p.id : null,
    at,
    at,
  ]);
  out.rows.add('resident_match_candidates', [
    county.code,
    p.id,
    id,
    'name+sex+birth_date',
    0.85 + p.random.int(15) / 100,
    status,
    at,
    status === 'pending' ? null : at,
    status === 'pending' ? null : 'mpi-reviewer',
  ]);
}

function timestamp(day: number): string {
  return `${isoDate(day)} 09:00:00+08`;
}

/** The health record (居民电子健康档案), written last: it holds the person's most recent service. */
export function writeHealthRecord(out: Output, p: Person, centre: Facility): void {
  if (p.recordCreated >= out.period.end || p.recordCreated >= p.death) return;
  const { county, period } = out;
  const doctor = centre.doctors.length ? centre.doctors[p.id % centre.doctors.length]! : null;
  const complete = p.random.chance(coverage('recordComplete', period.last - period.first));
  // An incomplete basic-information sheet misses one item, most often the phone or the doctor.
  const missing = complete ? -1 : p.random.int(3);
  const lastService = p.lastService >= p.recordCreated ? p.lastService : null;
  out.rows.add('health_records', [
    county.code,
    out.ids.take('health_records'),
    p.id,
    `${county.code}${String(p.id).padStart(11, '0')}`,
    centre.id,
    doctor,
    isoDate(p.recordCreated),
    isoDate(lastService ?? p.recordCreated),
    lastService === null ? null : isoDate(lastService),
    p.death < period.end ? isoDate(p.death) : null,
    true,
    true,
    true,
    true,
    missing !== 0,
    missing !== 1 && p.phone !== null,
    missing !== 2 && doctor !== null,
  ]);
}
