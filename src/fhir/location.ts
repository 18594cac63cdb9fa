import type { Location } from '@medplum/fhirtypes';
import { z } from 'zod';
import { isStatCode } from '../domain/region/code.js';
import { codeableConcept, codeOf, fail, parseResource, reference, resourceBase } from './common.js';
import type { LocationRecord } from './records.js';
import { CS, SID } from './systems.js';

/**
 * Location ↔ regions: the county (its 6-digit code + 000000), towns and villages, identified by their
 * 12-digit statistical code (SID.regionCode, also the resource id), nested with `partOf`.
 */
const schema = z.looseObject({
  resourceType: z.literal('Location'),
  ...resourceBase,
  name: z.string().min(1),
  type: z.array(codeableConcept).optional(),
  partOf: reference.optional(),
});

const LEVELS = ['county', 'town', 'village'] as const;

export function fromFhirLocation(resource: unknown): LocationRecord {
  const r = parseResource(schema, resource, 'Location');
  const index = r.identifier?.findIndex((i) => i.system === SID.regionCode) ?? -1;
  const code = index >= 0 ? r.identifier![index]!.value : undefined;
  const field = index >= 0 ? `Location.identifier[${index}].value` : 'Location.identifier';
  if (!code) return fail('required', field, `a region code identifier (${SID.regionCode}) is required`);
  if (!isStatCode(code))
    return fail('region-code', field, `"${code}" is not a 12-digit statistical region code`);
  const level = code.endsWith('000000') ? 'county' : code.endsWith('000') ? 'town' : 'village';
  const declared = r.type?.map((t) => codeOf(t, CS.regionLevel)).find((c) => c);
  if (declared && declared !== level) {
    return fail('region-level', 'Location.type', `type says ${declared} but code ${code} is a ${level}`);
  }
  const parentCode =
    level === 'county' ? null : level === 'town' ? `${code.slice(0, 6)}000000` : `${code.slice(0, 9)}000`;
  const urbanRural = r.type?.map((t) => codeOf(t, CS.urbanRural)).find((c) => c) ?? null;
  return { table: 'regions', code, parentCode, level, name: r.name, urbanRuralCode: urbanRural };
}

export function toFhirLocation(row: LocationRecord): Location {
  return {
    resourceType: 'Location',
    id: row.code,
    identifier: [{ system: SID.regionCode, value: row.code }],
    status: 'active',
    name: row.name,
    mode: 'instance',
    type: [
      { coding: [{ system: CS.regionLevel, code: row.level }] },
      ...(row.urbanRuralCode ? [{ coding: [{ system: CS.urbanRural, code: row.urbanRuralCode }] }] : []),
    ],
    physicalType: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'area' }],
    },
    ...(row.parentCode ? { partOf: { reference: `Location/${row.parentCode}` } } : {}),
  };
}

export { LEVELS as REGION_LEVELS };
