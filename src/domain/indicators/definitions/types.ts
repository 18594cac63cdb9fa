import type { Population } from '../../catalog/types.js';

/**
 * How an indicator is computed from the platform's records: one declaration per catalog indicator
 * (`id` = catalog id). The engine (src/engine) compiles a declaration to set-based SQL over its
 * rollups; measure names are the engine's (src/engine/measures.ts), checked by a test.
 */

/** Where a value means something: a region of residence (county, town, village) or one facility. */
export type Level = 'county' | 'town' | 'village' | 'facility';

/**
 * `calendar`: the calendar year (BPHS). `mch`: the MCH statistical year 1 Oct (year − 1) – 30 Sep
 * (妇幼卫生年报), computed on the calendar year too as an option. `year-end`: a stock on 31 December.
 */
export type PeriodKind = 'calendar' | 'mch' | 'year-end';

/** Which facilities a facility measure counts (facility types as in src/store/schema/facilities.ts). */
export interface FacilityFilter {
  types?: readonly string[];
  primaryCare?: boolean;
  ownership?: 'public' | 'private';
  /** Hospital grade (一级 1, 二级 2, 三级 3) at least this. */
  minGradeLevel?: 1 | 2 | 3;
  /** Only facilities of the county (not care bought outside it). */
  inCounty?: boolean;
}

/** A numerator or denominator: the sum of one or more measures of the engine's rollups. */
export interface Term {
  measure: string | readonly string[];
  /** What it counts, in words, shown with the value ("92.3% = 1 234 / 1 337: managed / registered"). */
  label: string;
  facilities?: FacilityFilter;
  /** Population measures: from this age (completed years), 5-year groups prorated evenly. */
  minAge?: number;
  /** A constant factor (e.g. an assumed prevalence), named in `parameters`. */
  scale?: number;
}

interface Common {
  id: string;
  /** Raised whenever the computation changes; stored with each value (a rebuild recomputes). */
  version: number;
  period: PeriodKind;
  /** Also per quarter (events only; a quarter's value is not annualised). */
  quarterly: boolean;
  levels: readonly Level[];
  population: Population;
  /** The formula as the platform applies it, with its source. */
  rule: string;
  /** Set when the platform's own rule stands in for a missing official text. */
  productRule?: string;
  /** Set when the records only approximate the official statistic: what differs. */
  proxy?: string;
  /** Named parameters of the rule (the `(check)` items of indicator-definitions.md), with their values. */
  parameters?: Readonly<Record<string, string | number>>;
}

export interface RatioDefinition extends Common {
  method: 'ratio';
  numerator: Term;
  denominator: Term;
  multiplier: number;
  /** Also report, with the county value, the lowest value among the towns (immunization rates). */
  reportLowest?: 'town';
}

/** Computed from deaths and mid-year population by age group (src/domain/indicators/*.ts). */
export interface AgeTableDefinition extends Common {
  method: 'life-expectancy' | 'premature-ncd-mortality';
}

export type IndicatorDefinition = RatioDefinition | AgeTableDefinition;
