import type { EpisodeOfCare } from '@medplum/fhirtypes';
import { z } from 'zod';
import {
  codeableConcept,
  codeOf,
  ext,
  facilityRef,
  fail,
  fhirDate,
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
import { organizationReference } from './organization.js';
import { residentReference } from './patient.js';
import type { PregnancyRecord, RegistrationRecord, ResidentRef, SourceKey } from './records.js';
import { CS, EXT } from './systems.js';

/**
 * EpisodeOfCare ↔ chronic_disease_registrations (type hypertension / type2_diabetes /
 * severe_mental_disorder: registered → closed) and pregnancies (type pregnancy: registration → delivery,
 * with the pregnancy's dates as extensions). Follow-ups point at their registration with HL7's
 * workflow-episodeOfCare extension.
 */
const CHRONIC = ['hypertension', 'type2_diabetes', 'severe_mental_disorder'];

const schema = z.looseObject({
  resourceType: z.literal('EpisodeOfCare'),
  ...resourceBase,
  status: z.enum(['planned', 'waitlist', 'active', 'onhold', 'finished', 'cancelled', 'entered-in-error']),
  type: z.array(codeableConcept).min(1),
  patient: reference,
  managingOrganization: reference.optional(),
  period: z.looseObject({ start: fhirDate.optional(), end: fhirDate.optional() }).optional(),
});

export function fromFhirEpisodeOfCare(
  resource: unknown,
  ctx: MapContext,
): RegistrationRecord | PregnancyRecord {
  const r = parseResource(schema, resource, 'EpisodeOfCare');
  const source = sourceKey(r, 'EpisodeOfCare', ctx);
  const type = r.type.map((t) => codeOf(t, CS.episodeType)).find((c) => c);
  const patient = residentRef(r.patient, 'EpisodeOfCare.patient', source);
  const start = r.period?.start ?? null;
  const end = r.period?.end ?? null;
  notInFuture(start, 'EpisodeOfCare.period.start', ctx);
  notBefore(end, start, 'EpisodeOfCare.period.end', 'the start');
  const notBeforeBirth = start ? { date: start, field: 'EpisodeOfCare.period.start' } : undefined;
  if (type === 'pregnancy') {
    const e = (url: string) => ext(r.extension, url);
    const week = e(EXT.registrationWeek)?.valueInteger ?? null;
    if (week !== null && (week < 0 || week > 45))
      return fail('range', 'EpisodeOfCare.extension', `gestational week ${week} is not 0–45`);
    const facility = e(EXT.deliveryFacility)?.valueReference;
    return {
      table: 'pregnancies',
      source,
      patient,
      registeredOn: start,
      registrationWeek: week,
      deliveryDate: e(EXT.deliveryDate)?.valueDate ?? null,
      deliveryFacilityCode: facility ? facilityRef(facility, 'EpisodeOfCare.extension') : null,
      hospitalDelivery: e(EXT.hospitalDelivery)?.valueBoolean ?? null,
      postpartumVisitOn: e(EXT.postpartumVisit)?.valueDate ?? null,
      ...(notBeforeBirth ? { notBeforeBirth } : {}),
    };
  }
  if (!type || !CHRONIC.includes(type)) {
    return fail(
      'code',
      'EpisodeOfCare.type',
      `expected ${[...CHRONIC, 'pregnancy'].join(', ')} from ${CS.episodeType}`,
    );
  }
  if (!start) return fail('required', 'EpisodeOfCare.period.start', 'the registration date is required');
  return {
    table: 'chronic_disease_registrations',
    source,
    patient,
    disease: type,
    facilityCode: r.managingOrganization
      ? facilityRef(r.managingOrganization, 'EpisodeOfCare.managingOrganization')
      : null,
    registeredOn: start,
    closedOn: end,
    closeReason: ext(r.extension, EXT.closeReason)?.valueString ?? null,
    ...(notBeforeBirth ? { notBeforeBirth } : {}),
  };
}

export function episodeReference(id: number, source: SourceKey) {
  // Registrations are served as `r<id>` (pregnancies `p<id>`): the reference must name the same id.
  return { reference: `EpisodeOfCare/r${id}`, identifier: sourceIdentifier(source) };
}

interface Refs {
  id: number;
  patientId: number;
  patient: ResidentRef;
}

export function toFhirRegistration(row: RegistrationRecord & Refs): EpisodeOfCare {
  return {
    resourceType: 'EpisodeOfCare',
    id: `r${row.id}`,
    identifier: [sourceIdentifier(row.source)],
    status: row.closedOn ? 'finished' : 'active',
    type: [{ coding: [{ system: CS.episodeType, code: row.disease }] }],
    patient: residentReference(row.patientId, row.patient),
    ...(row.facilityCode ? { managingOrganization: organizationReference(row.facilityCode) } : {}),
    period: { start: row.registeredOn, ...(row.closedOn ? { end: row.closedOn } : {}) },
    ...(row.closeReason ? { extension: [{ url: EXT.closeReason, valueString: row.closeReason }] } : {}),
  };
}

export function toFhirPregnancy(row: PregnancyRecord & Refs): EpisodeOfCare {
  const extension = [
    ...(row.registrationWeek !== null
      ? [{ url: EXT.registrationWeek, valueInteger: row.registrationWeek }]
      : []),
    ...(row.deliveryDate ? [{ url: EXT.deliveryDate, valueDate: row.deliveryDate }] : []),
    ...(row.deliveryFacilityCode
      ? [{ url: EXT.deliveryFacility, valueReference: organizationReference(row.deliveryFacilityCode) }]
      : []),
    ...(row.hospitalDelivery !== null
      ? [{ url: EXT.hospitalDelivery, valueBoolean: row.hospitalDelivery }]
      : []),
    ...(row.postpartumVisitOn ? [{ url: EXT.postpartumVisit, valueDate: row.postpartumVisitOn }] : []),
  ];
  return {
    resourceType: 'EpisodeOfCare',
    id: `p${row.id}`,
    identifier: [sourceIdentifier(row.source)],
    status: row.deliveryDate ? 'finished' : 'active',
    type: [{ coding: [{ system: CS.episodeType, code: 'pregnancy' }] }],
    patient: residentReference(row.patientId, row.patient),
    ...(row.registeredOn ? { period: { start: row.registeredOn } } : {}),
    ...(extension.length ? { extension } : {}),
  };
}
