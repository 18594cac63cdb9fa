import type { PractitionerRole } from '@medplum/fhirtypes';
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
  resourceBase,
  sourceIdentifier,
  sourceKey,
  sourceRef,
  type MapContext,
} from './common.js';
import { organizationReference } from './organization.js';
import type { PractitionerRoleRecord } from './records.js';
import { CS, EXT } from './systems.js';

/**
 * PractitionerRole ↔ staff: one employment at one facility for a period. `code` is the staff category of
 * the health statistics survey, `specialty` the practice category (执业类别) of physicians.
 */
const STAFF_CATEGORIES = [
  'physician', 'assistant_physician', 'registered_nurse', 'pharmacist', 'lab_technician', 'imaging_technician',
  'other_health_technical', 'village_doctor', 'other_technical', 'management', 'support',
]; // prettier-ignore
const PRACTICE_CATEGORIES = ['clinical', 'tcm', 'dental', 'public_health'];

const schema = z.looseObject({
  resourceType: z.literal('PractitionerRole'),
  ...resourceBase,
  practitioner: reference,
  organization: reference,
  code: z.array(codeableConcept).min(1),
  specialty: z.array(codeableConcept).optional(),
  period: z.looseObject({ start: fhirDate, end: fhirDate.optional() }),
});

export function fromFhirPractitionerRole(resource: unknown, ctx: MapContext): PractitionerRoleRecord {
  const r = parseResource(schema, resource, 'PractitionerRole');
  const source = sourceKey(r, 'PractitionerRole', ctx);
  const category = r.code.map((c) => codeOf(c, CS.staffCategory)).find((c) => c);
  if (!category || !STAFF_CATEGORIES.includes(category)) {
    return fail(
      'code',
      'PractitionerRole.code',
      `a staff category from ${CS.staffCategory} is required, got ${category ?? 'none'}`,
    );
  }
  const practice = r.specialty?.map((c) => codeOf(c, CS.practiceCategory)).find((c) => c) ?? null;
  if (practice !== null && (!PRACTICE_CATEGORIES.includes(practice) || !category.endsWith('physician'))) {
    return fail(
      'code',
      'PractitionerRole.specialty',
      `practice category "${practice}" needs a physician and one of ${PRACTICE_CATEGORIES.join(', ')}`,
    );
  }
  notBefore(r.period.end ?? null, r.period.start, 'PractitionerRole.period.end', 'the start');
  const flag = (url: string) => ext(r.extension, url)?.valueBoolean ?? false;
  return {
    table: 'staff',
    source,
    practitioner: sourceRef(r.practitioner, 'Practitioner', 'PractitionerRole.practitioner', source),
    practitionerName: r.practitioner.display ?? null,
    facilityCode: facilityRef(r.organization, 'PractitionerRole.organization'),
    category,
    practiceCategory: practice,
    gpRegistered: flag(EXT.gpRegistered),
    gpCertificate: flag(EXT.gpCertificate),
    managementPost: flag(EXT.managementPost),
    startedOn: r.period.start,
    endedOn: r.period.end ?? null,
  };
}

export function practitionerRoleReference(id: number, source: PractitionerRoleRecord['source']) {
  return { reference: `PractitionerRole/${id}`, identifier: sourceIdentifier(source) };
}

export function toFhirPractitionerRole(row: PractitionerRoleRecord & { id: number }): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: String(row.id),
    identifier: [sourceIdentifier(row.source)],
    active: row.endedOn === null,
    period: { start: row.startedOn, ...(row.endedOn ? { end: row.endedOn } : {}) },
    practitioner: {
      reference: `Practitioner/${row.id}`,
      identifier: sourceIdentifier(row.source),
      display: row.practitionerName ?? undefined,
    },
    organization: organizationReference(row.facilityCode),
    code: [{ coding: [{ system: CS.staffCategory, code: row.category }] }],
    ...(row.practiceCategory
      ? { specialty: [{ coding: [{ system: CS.practiceCategory, code: row.practiceCategory }] }] }
      : {}),
    extension: [
      { url: EXT.gpRegistered, valueBoolean: row.gpRegistered },
      { url: EXT.gpCertificate, valueBoolean: row.gpCertificate },
      { url: EXT.managementPost, valueBoolean: row.managementPost },
    ],
  };
}
