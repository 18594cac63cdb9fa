import type { CarePlan } from '@medplum/fhirtypes';
import { z } from 'zod';
import {
  codeableConcept,
  codeOf,
  ext,
  facilityRef,
  fail,
  fhirDate,
  notBefore,
  parseResource,
  reference,
  residentRef,
  resourceBase,
  sourceIdentifier,
  sourceKey,
  sourceRef,
  type MapContext,
} from './common.js';
import { organizationReference } from './organization.js';
import { residentReference } from './patient.js';
import { practitionerRoleReference } from './practitioner-role.js';
import type { ContractRecord, ResidentRef, SourceKey } from './records.js';
import { CS, EXT } from './systems.js';

/**
 * CarePlan ↔ family_doctor_contracts (家庭医生签约): the period is the contract's, the author the family
 * doctor (PractitionerRole), a contributor the facility, careTeam's display the team name, categories the
 * priority groups (重点人群), `replaces` the contract it renews (续签); a cancelled contract is `revoked`.
 */
const CONTRACT = 'family-doctor-contract';

const schema = z.looseObject({
  resourceType: z.literal('CarePlan'),
  ...resourceBase,
  status: z.enum(['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown']),
  intent: z.string().min(1),
  category: z.array(codeableConcept).min(1),
  subject: reference,
  period: z.looseObject({ start: fhirDate, end: fhirDate }),
  author: reference.optional(),
  contributor: z.array(reference).optional(),
  careTeam: z.array(reference).optional(),
  replaces: z.array(reference).optional(),
});

export function fromFhirCarePlan(resource: unknown, ctx: MapContext): ContractRecord {
  const r = parseResource(schema, resource, 'CarePlan');
  if (!r.category.some((c) => codeOf(c, CS.carePlanCategory) === CONTRACT)) {
    return fail(
      'code',
      'CarePlan.category',
      `only family-doctor contracts (category ${CONTRACT} of ${CS.carePlanCategory}) are imported`,
    );
  }
  const source = sourceKey(r, 'CarePlan', ctx);
  notBefore(r.period.end, r.period.start, 'CarePlan.period.end', 'the start');
  const organization =
    r.contributor?.findIndex(
      (c) => c.reference?.includes('Organization/') || c.identifier?.system?.endsWith('/facility-code'),
    ) ?? -1;
  return {
    table: 'family_doctor_contracts',
    source,
    patient: residentRef(r.subject, 'CarePlan.subject', source),
    teamName: r.careTeam?.[0]?.display ?? null,
    doctor: r.author ? sourceRef(r.author, 'PractitionerRole', 'CarePlan.author', source) : null,
    facilityCode:
      organization >= 0
        ? facilityRef(r.contributor![organization]!, `CarePlan.contributor[${organization}]`)
        : null,
    startOn: r.period.start,
    endOn: r.period.end,
    cancelledOn: ext(r.extension, EXT.cancelledOn)?.valueDate ?? null,
    priorityGroups: r.category
      .map((c) => codeOf(c, CS.priorityGroup))
      .filter((c): c is string => c !== undefined),
    renews: r.replaces?.[0] ? sourceRef(r.replaces[0], 'CarePlan', 'CarePlan.replaces[0]', source) : null,
    notBeforeBirth: { date: r.period.start, field: 'CarePlan.period.start' },
  };
}

interface Refs {
  id: number;
  patientId: number;
  patient: ResidentRef;
  doctorId: number | null;
  doctorSource: SourceKey | null;
  renewsId: number | null;
}

export function toFhirCarePlan(row: ContractRecord & Refs): CarePlan {
  return {
    resourceType: 'CarePlan',
    id: String(row.id),
    identifier: [sourceIdentifier(row.source)],
    status: row.cancelledOn ? 'revoked' : 'active',
    intent: 'plan',
    category: [
      { coding: [{ system: CS.carePlanCategory, code: CONTRACT }] },
      ...row.priorityGroups.map((g) => ({ coding: [{ system: CS.priorityGroup, code: g }] })),
    ],
    subject: residentReference(row.patientId, row.patient),
    period: { start: row.startOn, end: row.endOn },
    ...(row.doctorId !== null && row.doctorSource
      ? { author: practitionerRoleReference(row.doctorId, row.doctorSource) }
      : {}),
    ...(row.facilityCode ? { contributor: [organizationReference(row.facilityCode)] } : {}),
    ...(row.teamName ? { careTeam: [{ display: row.teamName }] } : {}),
    ...(row.renewsId !== null && row.renews
      ? { replaces: [{ reference: `CarePlan/${row.renewsId}`, identifier: sourceIdentifier(row.renews) }] }
      : {}),
    ...(row.cancelledOn ? { extension: [{ url: EXT.cancelledOn, valueDate: row.cancelledOn }] } : {}),
  };
}
