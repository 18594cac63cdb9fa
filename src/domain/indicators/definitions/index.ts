import { OUTCOME_DEFINITIONS } from './outcomes.js';
import { RESOURCE_DEFINITIONS } from './resources.js';
import { SERVICE_DEFINITIONS } from './services.js';
import type { IndicatorDefinition } from './types.js';

export type * from './types.js';

/** Every indicator the engine computes: one declaration per catalog id. */
export const DEFINITIONS: readonly IndicatorDefinition[] = [
  ...OUTCOME_DEFINITIONS,
  ...RESOURCE_DEFINITIONS,
  ...SERVICE_DEFINITIONS,
];

const byId = new Map(DEFINITIONS.map((d) => [d.id, d]));

export function getDefinition(id: string): IndicatorDefinition | undefined {
  return byId.get(id);
}

/**
 * Catalog indicators marked computable for which the platform's records do not yet hold the data,
 * with the reason. Each needs a records table (or field) before it gets a definition.
 */
export const NOT_YET_COMPUTABLE: Readonly<Record<string, string>> = {
  'antibacterial-use-intensity': 'needs inpatient antibacterial DDDs: the records hold no medication orders',
  'outpatient-antibacterial-prescription-rate':
    'needs outpatient prescriptions: the records hold no prescriptions',
  'preconception-check-coverage':
    'needs preconception check records and the target couples: no such table yet',
  'notifiable-disease-report-rate':
    'needs cases registered at facilities (the denominator): the records hold only the report cards',
  'health-supervision-assistance-report-rate':
    'needs health-supervision events found and reported: no such table yet',
  'county-hospital-telemedicine-rate':
    'needs teleconsultation records or a facility flag: not in the records',
};
