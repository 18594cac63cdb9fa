import type { ServiceRequest } from '@medplum/fhirtypes';
import { z } from 'zod';
import {
  codeableConcept,
  codeOf,
  dayOf,
  encounterRef,
  ext,
  facilityRef,
  fail,
  fhirDateTime,
  notBefore,
  notInFuture,
  parseResource,
  reference,
  residentRef,
  resourceBase,
  sourceIdentifier,
  sourceKey,
  type MapContext,
} from './common.js';
import { encounterElement } from './encounter.js';
import { organizationReference } from './organization.js';
import { residentReference } from './patient.js';
import type { ReferralRecord, ResidentRef } from './records.js';
import { CS, EXT } from './systems.js';

/**
 * ServiceRequest ↔ referrals (双向转诊): requester = the referring facility, performer = the receiving one
 * (a display name alone when it is outside the county), category = direction up/down. R4's status cannot
 * tell requested from accepted or rejected from cancelled, so the referral's own status is an extension;
 * without it the FHIR status is read (active → requested, completed → completed, revoked → cancelled).
 */
const REFERRAL_STATUSES = ['requested', 'accepted', 'completed', 'rejected', 'cancelled'];
const FROM_FHIR: Record<string, string> = {
  active: 'requested',
  completed: 'completed',
  revoked: 'cancelled',
};
const TO_FHIR: Record<string, ServiceRequest['status']> = {
  requested: 'active',
  accepted: 'active',
  completed: 'completed',
  rejected: 'revoked',
  cancelled: 'revoked',
};
const REFERRAL = { system: 'http://snomed.info/sct', code: '3457005', display: 'Patient referral' };

const schema = z.looseObject({
  resourceType: z.literal('ServiceRequest'),
  ...resourceBase,
  status: z.enum(['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown']),
  intent: z.string().min(1),
  category: z.array(codeableConcept).min(1),
  subject: reference,
  encounter: reference.optional(),
  authoredOn: fhirDateTime,
  requester: reference.optional(),
  performer: z.array(reference).min(1),
});

export function fromFhirServiceRequest(resource: unknown, ctx: MapContext): ReferralRecord {
  const r = parseResource(schema, resource, 'ServiceRequest');
  const source = sourceKey(r, 'ServiceRequest', ctx);
  const direction = r.category.map((c) => codeOf(c, CS.referralDirection)).find((c) => c);
  if (direction !== 'up' && direction !== 'down') {
    return fail(
      'code',
      'ServiceRequest.category',
      `a referral direction (up/down) from ${CS.referralDirection} is required`,
    );
  }
  const status = ext(r.extension, EXT.referralStatus)?.valueCode ?? FROM_FHIR[r.status];
  if (!status || !REFERRAL_STATUSES.includes(status)) {
    return fail(
      'code',
      'ServiceRequest.status',
      `status ${r.status} has no referral status; add the ${EXT.referralStatus} extension`,
    );
  }
  const referredOn = dayOf(r.authoredOn);
  notInFuture(referredOn, 'ServiceRequest.authoredOn', ctx);
  const receivedOn = ext(r.extension, EXT.receivedOn)?.valueDate ?? null;
  notBefore(receivedOn, referredOn, 'ServiceRequest.extension', 'the referral date');
  const to = r.performer[0]!;
  const toInCounty = Boolean(to.reference || to.identifier);
  if (!toInCounty && !to.display)
    return fail(
      'required',
      'ServiceRequest.performer[0]',
      'the receiving facility (reference or display name)',
    );
  // A subject that is only a display is an unidentified patient (the store allows it).
  const identified = Boolean(r.subject.reference || r.subject.identifier);
  return {
    table: 'referrals',
    source,
    patient: identified ? residentRef(r.subject, 'ServiceRequest.subject', source) : null,
    fromFacilityCode: r.requester ? facilityRef(r.requester, 'ServiceRequest.requester') : null,
    toFacilityCode: toInCounty ? facilityRef(to, 'ServiceRequest.performer[0]') : null,
    toFacilityName: toInCounty ? null : to.display!,
    direction,
    referredOn,
    receivedOn,
    status,
    encounter: encounterRef(r.encounter, 'ServiceRequest.encounter', source),
    ...(identified ? { notBeforeBirth: { date: referredOn, field: 'ServiceRequest.authoredOn' } } : {}),
  };
}

export function toFhirServiceRequest(
  row: ReferralRecord & {
    id: number;
    patientId: number | null;
    patient: ResidentRef | null;
    encounterId: number | null;
  },
): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: String(row.id),
    identifier: [sourceIdentifier(row.source)],
    extension: [
      { url: EXT.referralStatus, valueCode: row.status },
      ...(row.receivedOn ? [{ url: EXT.receivedOn, valueDate: row.receivedOn }] : []),
    ],
    status: TO_FHIR[row.status]!,
    intent: 'order',
    category: [{ coding: [{ system: CS.referralDirection, code: row.direction }] }],
    code: { coding: [REFERRAL] },
    subject:
      row.patientId !== null ? residentReference(row.patientId, row.patient) : { display: 'unidentified' },
    ...encounterElement(row),
    authoredOn: row.referredOn,
    ...(row.fromFacilityCode ? { requester: organizationReference(row.fromFacilityCode) } : {}),
    performer: [
      row.toFacilityCode
        ? organizationReference(row.toFacilityCode)
        : { display: row.toFacilityName ?? 'unknown' },
    ],
  };
}
