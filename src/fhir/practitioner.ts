import type { Practitioner } from '@medplum/fhirtypes';
import { z } from 'zod';
import {
  fail,
  fhirDate,
  joinName,
  genderSchema,
  notInFuture,
  parseResource,
  resourceBase,
  sexOf,
  sourceIdentifier,
  sourceKey,
  type MapContext,
} from './common.js';
import type { PractitionerRecord, SourceKey } from './records.js';
import { SID } from './systems.js';

/**
 * Practitioner: the person (name, sex, birth date, licence number 执业证书编码). The store keeps a person
 * inside each employment (staff row), so a Practitioner is joined with its PractitionerRoles on import
 * and written out once per staff row on export.
 */
const schema = z.looseObject({
  resourceType: z.literal('Practitioner'),
  ...resourceBase,
  name: z
    .array(
      z.looseObject({
        text: z.string().optional(),
        family: z.string().optional(),
        given: z.array(z.string()).optional(),
      }),
    )
    .min(1),
  gender: genderSchema.optional(),
  birthDate: fhirDate.optional(),
});

export function fromFhirPractitioner(resource: unknown, ctx: MapContext): PractitionerRecord {
  const r = parseResource(schema, resource, 'Practitioner');
  const first = r.name[0]!;
  const name = (first.text ?? joinName(first.family, first.given)).trim();
  if (!name) return fail('required', 'Practitioner.name[0]', 'a name is required');
  notInFuture(r.birthDate ?? null, 'Practitioner.birthDate', ctx);
  return {
    table: 'practitioners',
    key: sourceKey(r, 'Practitioner', ctx),
    name,
    sex: r.gender ? sexOf(r.gender) : null,
    birthDate: r.birthDate ?? null,
    licenceNumber: r.identifier?.find((i) => i.system === SID.licence)?.value ?? null,
  };
}

export interface StaffPerson {
  id: number;
  source: SourceKey;
  name: string;
  sex: string | null;
  birthDate: string | null;
  licenceNumber: string | null;
}

export function toFhirPractitioner(row: StaffPerson): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: String(row.id),
    identifier: [
      sourceIdentifier(row.source),
      ...(row.licenceNumber ? [{ system: SID.licence, value: row.licenceNumber }] : []),
    ],
    name: [{ text: row.name }],
    ...(row.sex ? { gender: row.sex as Practitioner['gender'] } : {}),
    ...(row.birthDate ? { birthDate: row.birthDate } : {}),
  };
}
