import { WeijianError } from '../../domain/errors.js';
import { getRegion } from '../region/divisions.js';
import { dayOf } from './calendar.js';
import { writeChildCare } from './child.js';
import { writeChronicCare } from './chronic.js';
import { writeElderlyCare } from './checkups.js';
import { writeContracts } from './contracts.js';
import { buildCounty, writeFacilities } from './facilities.js';
import { writePregnancies } from './maternal.js';
import { Ids, type Output } from './model.js';
import { initialPerson, simulateLife, type Person } from './person.js';
import { PopulationCounter } from './population.js';
import { Random, cumulative } from './random.js';
import { planRegions, writeRegions } from './regions.js';
import { IdNumbers, writeHealthRecord, writeResident } from './resident-rows.js';
import type { RowBuffer } from './row-buffer.js';
import { writeStaff } from './staff.js';
import { writeDeath, writeNotifiable } from './surveillance.js';
import type { TableName } from './tables.js';
import { writeVisits } from './visits.js';

export interface GenerateOptions {
  /** 6-digit GB/T 2260 code of a county with towns and villages. */
  countyCode: string;
  /** People living in the county when the period starts (births and deaths follow). */
  residents: number;
  seed: number;
  firstYear: number;
  lastYear: number;
  /** First id per table (ids below are taken by other counties). */
  idBases?: Partial<Record<TableName, number>>;
}

/** How many people are generated between two yields (the loader writes in between). */
const SLICE = 200;

/**
 * Generates a whole county into `rows`, deterministically from the seed: regions, facilities with beds,
 * staff, then every person with all their records, then the population table. Yields the number of
 * initial people done so far after each slice, so the caller can write what is buffered; returns the ids.
 */
export function* generateCounty(options: GenerateOptions, rows: RowBuffer): Generator<number, Ids> {
  const { countyCode, residents, seed } = options;
  const region = getRegion(countyCode);
  if (!region || region.level !== 'county') {
    throw new WeijianError('generate.unknown-county', `no county with code ${countyCode}`, {
      field: 'county',
    });
  }
  const period = {
    first: options.firstYear,
    last: options.lastYear,
    start: dayOf(options.firstYear),
    end: dayOf(options.lastYear + 1),
  };
  const ids = new Ids(options.idBases);
  const setup = new Random(seed, 0, 0);
  const plan = planRegions(countyCode, setup);
  const county = buildCounty(countyCode, residents, plan, ids, setup);
  const out: Output = { county, period, ids, rows };
  writeRegions(countyCode, region.name, plan, rows);
  writeFacilities(county, period.first, period.last, rows, setup);
  writeStaff(out, residents, seed);
  yield 0;

  const villageCum = cumulative(county.villages.map((v) => v.weight));
  const idNumbers = new IdNumbers();
  const population = new PopulationCounter(out);
  const person = (p: Person): void => {
    simulateLife(out, p);
    // Pregnancies first: a maternal death moves the death date that all later records respect.
    writePregnancies(out, p, seed, person);
    writeChronicCare(out, p);
    writeElderlyCare(out, p);
    writeChildCare(out, p);
    writeVisits(out, p);
    writeContracts(out, p);
    writeNotifiable(out, p);
    writeDeath(out, p);
    writeResident(out, p, idNumbers);
    writeHealthRecord(out, p, p.village.town.centre);
    population.count(p);
  };
  for (let i = 0; i < residents; i++) {
    person(initialPerson(out, new Random(seed, 1, i), villageCum));
    if ((i + 1) % SLICE === 0) yield i + 1;
  }
  population.write();
  yield residents;
  return ids;
}
