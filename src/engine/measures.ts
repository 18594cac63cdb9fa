import { PERSON_YEAR_MEASURES } from '../store/schema/rollups.js';

/**
 * Where each measure a definition may name lives, and how it is summed:
 * - `person`: person-year statuses summed by village (indicator_region_rollup, quarter 0); a `…_mch`
 *   twin, when it exists, holds the MCH statistical year;
 * - `region-events`: events by attributed region and quarter (indicator_region_rollup, quarters 1–4);
 * - `region-resolved`: a year-end stock already resolved for every region (no summing upwards);
 * - `facility-events`: encounters by facility and quarter (indicator_facility_rollup, 1–4);
 * - `facility-stock`: staff, beds and facility flags at year end (indicator_facility_rollup, 0);
 * - `population`: indicator_population, year-end or mid-year by the definition's population.
 */
export type MeasureSource =
  'person' | 'region-events' | 'region-resolved' | 'facility-events' | 'facility-stock' | 'population';

export const REGION_EVENT_MEASURES = [
  'live_births',
  'live_births_male',
  'live_births_female',
  'infant_deaths',
  'under5_deaths',
  'maternal_deaths',
  'crd_deaths_le70',
  'deliveries',
  'deliveries_systematic',
  'deliveries_early',
  'deliveries_hospital',
] as const;
export const NOTIFIABLE_MEASURES = ['class_ab_cases', 'tb_cases'] as const;
export const FACILITY_EVENT_MEASURES = [
  'visits',
  'admissions',
  'resident_encounters',
  'cost_total',
  'cost_oop',
  'discharges',
  'bed_days',
] as const;
export const FACILITY_STOCK_MEASURES = [
  'physicians',
  'tcm_physicians',
  'nurses',
  'pharmacists',
  'gps',
  'health_technicians',
  'staff',
  'beds',
  'facilities',
  'geriatrics',
  'tcm_services',
] as const;

export const MEASURES: ReadonlyMap<string, MeasureSource> = new Map<string, MeasureSource>([
  ...PERSON_YEAR_MEASURES.map((m) => [m, 'person'] as const),
  ...REGION_EVENT_MEASURES.map((m) => [m, 'region-events'] as const),
  ...NOTIFIABLE_MEASURES.map((m) => [m, 'region-events'] as const),
  ['childcare_places', 'region-resolved'],
  ...FACILITY_EVENT_MEASURES.map((m) => [m, 'facility-events'] as const),
  ...FACILITY_STOCK_MEASURES.map((m) => [m, 'facility-stock'] as const),
  ['population', 'population'],
]);

export function sourceOf(measure: string): MeasureSource {
  const source = MEASURES.get(measure);
  if (!source) throw new Error(`unknown measure ${measure}`);
  return source;
}
