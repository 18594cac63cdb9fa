import { fromFhirCarePlan } from './care-plan.js';
import { fail, type MapContext } from './common.js';
import { fromFhirComposition } from './composition.js';
import { fromFhirCondition } from './condition.js';
import { fromFhirEncounter } from './encounter.js';
import { fromFhirEpisodeOfCare } from './episode-of-care.js';
import { fromFhirImmunization } from './immunization.js';
import { fromFhirImmunizationRecommendation } from './immunization-recommendation.js';
import { fromFhirLocation } from './location.js';
import { fromFhirObservation } from './observation.js';
import { fromFhirOrganization } from './organization.js';
import { fromFhirPatient } from './patient.js';
import { fromFhirPractitioner } from './practitioner.js';
import { fromFhirPractitionerRole } from './practitioner-role.js';
import type { FhirRecord } from './records.js';
import { fromFhirServiceRequest } from './service-request.js';

export type { MapContext } from './common.js';
export type { FhirRecord } from './records.js';

/** The resource types Weijian reads, in reference order: a type only points at types before it. */
export const RESOURCE_ORDER = [
  'Location',
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Patient',
  'Composition',
  'EpisodeOfCare',
  'CarePlan',
  'Encounter',
  'Observation',
  'Immunization',
  'ImmunizationRecommendation',
  'ServiceRequest',
  'Condition',
] as const;

const readers: Record<(typeof RESOURCE_ORDER)[number], (resource: unknown, ctx: MapContext) => FhirRecord> = {
  Location: fromFhirLocation,
  Organization: fromFhirOrganization,
  Practitioner: fromFhirPractitioner,
  PractitionerRole: fromFhirPractitionerRole,
  Patient: fromFhirPatient,
  Composition: fromFhirComposition,
  EpisodeOfCare: fromFhirEpisodeOfCare,
  CarePlan: fromFhirCarePlan,
  Encounter: fromFhirEncounter,
  Observation: fromFhirObservation,
  Immunization: fromFhirImmunization,
  ImmunizationRecommendation: fromFhirImmunizationRecommendation,
  ServiceRequest: fromFhirServiceRequest,
  Condition: fromFhirCondition,
};

/** One FHIR R4 resource (parsed JSON) → the store record it becomes; throws a WeijianError at its FHIRPath. */
export function fromFhir(resource: unknown, ctx: MapContext): FhirRecord {
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
    return fail('structure', '', 'expected a JSON object (a FHIR resource)');
  }
  const type = (resource as { resourceType?: unknown }).resourceType;
  if (typeof type !== 'string') return fail('required', 'resourceType', 'resourceType is required');
  const read = readers[type as keyof typeof readers];
  if (!read)
    return fail(
      'unsupported-type',
      type,
      `${type} is not imported (supported: ${RESOURCE_ORDER.join(', ')})`,
    );
  return read(resource, ctx);
}

/** Rank of a resource type in RESOURCE_ORDER (unknown types last, where they are rejected). */
export function resourceRank(type: unknown): number {
  const i = RESOURCE_ORDER.indexOf(type as (typeof RESOURCE_ORDER)[number]);
  return i < 0 ? RESOURCE_ORDER.length : i;
}
