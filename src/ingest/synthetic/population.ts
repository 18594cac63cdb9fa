import { dayOf, yearOf } from './calendar.js';
import type { Output } from './model.js';
import type { Person } from './person.js';
import { RESOURCES } from './rates.js';

/** Lower bounds of the age groups of the population table: 0, 1–4, 5–9, …, 85+. */
export const AGE_GROUPS = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85];
const G = AGE_GROUPS.length;

function groupOf(age: number): number {
  return age === 0 ? 0 : age < 5 ? 1 : Math.min(G - 1, 1 + Math.floor(age / 5));
}

/**
 * Year-end population by village, basis (常住/户籍), sex and age group, counted from the generated people
 * themselves, so that the denominators match the residents table exactly; towns and the county are sums.
 */
export class PopulationCounter {
  private readonly counts: Int32Array;
  private readonly villages: number;
  private readonly years: number;

  constructor(private readonly out: Output) {
    this.villages = out.county.villages.length;
    this.years = out.period.last - out.period.first + 1;
    this.counts = new Int32Array(this.years * this.villages * 2 * 2 * G);
  }

  private slot(k: number, village: number, basis: number, male: boolean, group: number): number {
    return (((k * this.villages + village) * 2 + basis) * 2 + (male ? 1 : 0)) * G + group;
  }

  count(p: Person): void {
    for (let k = 0; k < this.years; k++) {
      const year = this.out.period.first + k;
      const yearEnd = dayOf(year + 1) - 1;
      if (p.birth > yearEnd || p.death <= yearEnd) continue;
      const group = groupOf(year - yearOf(p.birth));
      if (p.resident) this.counts[this.slot(k, p.village.index, 0, p.male, group)]!++;
      if (p.registered) this.counts[this.slot(k, p.village.index, 1, p.male, group)]!++;
    }
  }

  /** Population rows for villages (non-zero cells), towns and the county, and childcare places. */
  write(): void {
    const { county, period, rows } = this.out;
    const countyRow = `${county.code}000000`;
    for (let k = 0; k < this.years; k++) {
      const year = period.first + k;
      const countyCells = new Int32Array(4 * G);
      let countyPlaces = 0;
      for (const town of county.towns) {
        const townCells = new Int32Array(4 * G);
        for (const v of town.villages) {
          for (let c = 0; c < 4 * G; c++) {
            const n = this.counts[this.slot(k, v.index, 0, false, 0) + c]!;
            townCells[c]! += n;
            if (n) this.row(v.code, year, c, n);
          }
        }
        let townResidents = 0;
        for (let c = 0; c < 4 * G; c++) {
          this.row(town.code, year, c, townCells[c]!);
          countyCells[c]! += townCells[c]!;
          if (c < 2 * G) townResidents += townCells[c]!;
        }
        const places = Math.round(
          ((RESOURCES.childcare + RESOURCES.childcareGrowth * k) * townResidents) / 1000,
        );
        rows.add('childcare_places', [county.code, town.code, year, places]);
        countyPlaces += places;
      }
      for (let c = 0; c < 4 * G; c++) this.row(countyRow, year, c, countyCells[c]!);
      rows.add('childcare_places', [county.code, countyRow, year, countyPlaces]);
    }
  }

  /** Cell c = (basis · 2 + sex) · G + group, as laid out by `slot`. */
  private row(region: string, year: number, c: number, n: number): void {
    const basis = Math.floor(c / (2 * G)) === 0 ? 'resident' : 'registered';
    const sex = Math.floor(c / G) % 2 === 1 ? 'male' : 'female';
    this.out.rows.add('population', [
      this.out.county.code,
      region,
      year,
      basis,
      sex,
      AGE_GROUPS[c % G]!,
      n,
      null,
    ]);
  }
}
