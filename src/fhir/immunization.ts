import type { Immunization } from '@medplum/fhirtypes';
import { z } from 'zod';
import {
  codeableConcept,
  codeOf,
  dayOf,
  facilityRef,
  fail,
  fhirDateTime,
  notInFuture,
  parseResource,
  reference,
  residentRef,
  resourceBase,
  sourceIdentifier,
  sourceKey,
  type MapContext,
} from './common.js';
import { organizationReference } from './organization.js';
import { residentReference } from './patient.js';
import type { ImmunizationRecord, ResidentRef } from './records.js';
import { CS } from './systems.js';

/**
 * Immunization ↔ immunizations (doses given, 实种): vaccine as the immunization information system codes
 * it (CS.vaccine), dose number from protocolApplied, the vaccinating facility as performer.
 */
const schema = z.looseObject({
  resourceType: z.literal('Immunization'),
  ...resourceBase,
  status: z.enum(['completed', 'entered-in-error', 'not-done']),
  vaccineCode: codeableConcept,
  patient: reference,
  occurrenceDateTime: fhirDateTime,
  performer: z.array(z.looseObject({ actor: reference })).optional(),
  protocolApplied: z.array(z.looseObject({ doseNumberPositiveInt: z.number().int().min(1) })).min(1),
});

export function fromFhirImmunization(resource: unknown, ctx: MapContext): ImmunizationRecord {
  const r = parseResource(schema, resource, 'Immunization');
  if (r.status !== 'completed')
    return fail(
      'status',
      'Immunization.status',
      `only given doses are kept (status completed), got ${r.status}`,
    );
  const source = sourceKey(r, 'Immunization', ctx);
  const vaccineCode = codeOf(r.vaccineCode, CS.vaccine);
  if (!vaccineCode)
    return fail('code', 'Immunization.vaccineCode', `a vaccine code from ${CS.vaccine} is required`);
  const date = dayOf(r.occurrenceDateTime);
  notInFuture(date, 'Immunization.occurrenceDateTime', ctx);
  const actor = r.performer?.[0]?.actor;
  return {
    table: 'immunizations',
    source,
    patient: residentRef(r.patient, 'Immunization.patient', source),
    vaccineCode,
    doseNumber: r.protocolApplied[0]!.doseNumberPositiveInt,
    vaccinatedOn: date,
    facilityCode: actor ? facilityRef(actor, 'Immunization.performer[0].actor') : null,
    notBeforeBirth: { date, field: 'Immunization.occurrenceDateTime' },
  };
}

export function toFhirImmunization(
  row: ImmunizationRecord & { id: number; patientId: number; patient: ResidentRef },
): Immunization {
  return {
    resourceType: 'Immunization',
    id: String(row.id),
    identifier: [sourceIdentifier(row.source)],
    status: 'completed',
    vaccineCode: { coding: [{ system: CS.vaccine, code: row.vaccineCode }] },
    patient: residentReference(row.patientId, row.patient),
    occurrenceDateTime: row.vaccinatedOn,
    ...(row.facilityCode ? { performer: [{ actor: organizationReference(row.facilityCode) }] } : {}),
    protocolApplied: [{ doseNumberPositiveInt: row.doseNumber }],
  };
}
