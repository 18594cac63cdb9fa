import { describe, expect, it } from 'vitest';
import type { WeijianError } from '../domain/errors.js';
import { fromFhirServiceRequest, toFhirServiceRequest } from './service-request.js';
import { CS, SOURCE_PREFIX } from './systems.js';

const ctx = { today: '2025-06-30', defaultSource: 'file:x.ndjson' };
const referral = {
  resourceType: 'ServiceRequest',
  id: 'r3',
  meta: { source: 'his:320612' },
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p3' },
  // Named by the source identifier alone (no literal reference): the importer resolves it.
  encounter: { identifier: { system: `${SOURCE_PREFIX}his:b`, value: 'MZ-1' } },
  category: [{ coding: [{ system: CS.referralDirection, code: 'up' }] }],
  authoredOn: '2024-05-02',
  requester: { reference: 'Organization/T001' },
  performer: [{ reference: 'Organization/H001' }],
};
const failure = (resource: unknown) => {
  try {
    fromFhirServiceRequest(resource, ctx);
  } catch (error) {
    return [(error as WeijianError).code, (error as WeijianError).place.field];
  }
  return null;
};

describe('ServiceRequest.encounter ↔ referrals.encounter_id', () => {
  it('reads the encounter the referral was made in, or none', () => {
    expect(fromFhirServiceRequest(referral, ctx)).toMatchObject({
      direction: 'up',
      encounter: { system: 'his:b', id: 'MZ-1' },
    });
    expect(
      fromFhirServiceRequest({ ...referral, encounter: { reference: 'Encounter/e5' } }, ctx).encounter,
    ).toEqual({ system: 'his:320612', id: 'e5' });
    const without = { ...referral, encounter: undefined };
    expect(fromFhirServiceRequest(without, ctx).encounter).toBeNull();
    expect(failure({ ...referral, encounter: { reference: 'Encounter/no such id' } })).toEqual([
      'fhir.reference',
      'ServiceRequest.encounter.reference',
    ]);
  });

  it('writes it as Encounter/<row id> with the source identifier and reads it back', () => {
    const record = fromFhirServiceRequest(referral, ctx);
    const row = { ...record, id: 8, patientId: 2, patient: { system: 'insurance', value: 'INS3' } };
    const out = toFhirServiceRequest({ ...row, encounterId: 17 });
    expect(out.encounter).toEqual({
      reference: 'Encounter/17',
      identifier: { system: `${SOURCE_PREFIX}his:b`, value: 'MZ-1' },
    });
    expect(fromFhirServiceRequest(out, ctx).encounter).toEqual({ system: 'his:b', id: 'MZ-1' });
    expect('encounter' in toFhirServiceRequest({ ...row, encounter: null, encounterId: null })).toBe(false);
  });
});
