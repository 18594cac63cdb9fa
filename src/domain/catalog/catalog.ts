import { CARE_DELIVERY_INDICATORS } from './data/care-delivery.js';
import { DISEASE_CONTROL_INDICATORS } from './data/disease-control.js';
import { DOMAINS } from './data/domains.js';
import { OUTCOME_INDICATORS } from './data/outcomes.js';
import { RESOURCE_INDICATORS } from './data/resources.js';
import { SECURITY_INDICATORS } from './data/security.js';
import { SERVICE_INDICATORS } from './data/services.js';
import type { CatalogIndicator } from './types.js';

export { DOMAINS };

/** Every canonical indicator, in a stable order (outcomes first, as plans print them). */
export const CATALOG: readonly CatalogIndicator[] = [
  ...OUTCOME_INDICATORS,
  ...DISEASE_CONTROL_INDICATORS,
  ...RESOURCE_INDICATORS,
  ...SERVICE_INDICATORS,
  ...CARE_DELIVERY_INDICATORS,
  ...SECURITY_INDICATORS,
];

const byId = new Map(CATALOG.map((entry) => [entry.id, entry]));

export function getIndicator(id: string): CatalogIndicator | undefined {
  return byId.get(id);
}

export function listIndicators(): readonly CatalogIndicator[] {
  return CATALOG;
}
