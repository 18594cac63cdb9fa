import type { RowBuffer } from './row-buffer.js';
import type { TableName } from './tables.js';

/** The county's geography and facilities, built once, shared by every person's generation. */
export interface Town {
  index: number;
  code: string;
  name: string;
  /** 街道 (urban) rather than 镇/乡. */
  street: boolean;
  /** Its township health centre or community health centre. */
  centre: Facility;
  villages: Village[];
}

export interface Village {
  index: number;
  code: string;
  name: string;
  town: Town;
  urban: boolean;
  /** Village clinic or community health station, when it has one. */
  clinic: Facility | null;
  weight: number;
}

export interface Facility {
  id: number;
  code: string;
  name: string;
  type: string;
  ownership: 'public' | 'private';
  primaryCare: boolean;
  gradeLevel: number | null;
  gradeClass: string | null;
  regionCode: string;
  /** Beds open at the end of the first year (grown yearly). */
  beds: number;
  /** Share of the county's physicians, nurses … working here. */
  staffWeight: number;
  /** Staff who can be named as a record's responsible doctor, a follow-up doctor, a contract doctor. */
  doctors: number[];
}

export interface OutsideFacility {
  name: string;
  countyCode: string;
}

export interface CountyModel {
  code: string;
  name: string;
  /** 通州 for 通州区: used in facility names. */
  shortName: string;
  towns: Town[];
  villages: Village[];
  facilities: Facility[];
  /** By role, for choosing where a visit happens. */
  generalHospitals: Facility[];
  tcmHospital: Facility;
  mchHospital: Facility;
  psychiatricHospital: Facility;
  privateHospitals: Facility[];
  privateClinics: Facility[];
  outside: OutsideFacility[];
  /** County codes of the same province, for migrants' ID numbers. */
  otherCounties: string[];
}

/** Years covered, as day numbers [start, end) and the first calendar year. */
export interface Period {
  first: number;
  last: number;
  start: number;
  end: number;
}

/** Row ids the generator assigns, per table, from a base the loader reserved. */
export class Ids {
  private readonly next = new Map<TableName, number>();

  constructor(bases: Partial<Record<TableName, number>> = {}) {
    for (const [table, base] of Object.entries(bases)) this.next.set(table as TableName, base);
  }

  take(table: TableName): number {
    const id = this.next.get(table) ?? 1;
    this.next.set(table, id + 1);
    return id;
  }

  /** The last id given per table (for setting sequences after the load). */
  last(): Map<TableName, number> {
    return new Map([...this.next].map(([t, n]) => [t, n - 1]));
  }
}

/** What every record-family generator writes into. */
export interface Output {
  county: CountyModel;
  period: Period;
  ids: Ids;
  rows: RowBuffer;
}
