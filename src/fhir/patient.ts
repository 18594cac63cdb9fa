import type { Patient } from '@medplum/fhirtypes';
import { z } from 'zod';
import { convertLegacyResidentId, parseResidentId } from '../domain/identity/resident-id.js';
import { isRegionCode, isStatCode } from '../domain/region/code.js';
import {
  dayOf,
  ext,
  extension,
  fail,
  fhirDate,
  joinName,
  fhirDateTime,
  genderSchema,
  notBefore,
  notInFuture,
  parseResource,
  residentIdentifierSystem,
  resourceBase,
  sexOf,
  sourceKey,
  type MapContext,
} from './common.js';
import type { PatientRecord, ResidentRef } from './records.js';
import { EXT, RESIDENT_IDENTIFIER_SYSTEMS, SID, SOURCE_PREFIX } from './systems.js';

/**
 * Patient ↔ residents + resident_identifiers. The resident ID number (SID.residentId) goes to the
 * master patient index column; every other identifier (insurance, passport, health card, source ids,
 * unknown systems as their URI) to resident_identifiers. The residence is the address's region-code
 * extension: a 12-digit village, or a 6-digit county for people living elsewhere.
 */
const schema = z.looseObject({
  resourceType: z.literal('Patient'),
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
  deceasedBoolean: z.boolean().optional(),
  deceasedDateTime: fhirDateTime.optional(),
  address: z
    .array(z.looseObject({ text: z.string().optional(), extension: z.array(extension).optional() }))
    .optional(),
  telecom: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional() })).optional(),
});

export function fromFhirPatient(resource: unknown, ctx: MapContext): PatientRecord {
  const r = parseResource(schema, resource, 'Patient');
  const source = sourceKey(r, 'Patient', ctx);
  const first = r.name[0]!;
  // Names without text: family first, Chinese without a space (joinName).
  const name = (first.text ?? joinName(first.family, first.given)).trim();
  if (!name) return fail('required', 'Patient.name[0]', 'a name (text, or family and given) is required');

  let residentIdNumber: string | null = null;
  let idBirth: string | null = null;
  let idSex: string | null = null;
  const identifiers = new Map<string, { system: string; value: string }>();
  r.identifier?.forEach((identifier, i) => {
    const { system, value } = identifier;
    if (!system || !value)
      return fail('required', `Patient.identifier[${i}]`, 'an identifier needs system and value');
    if (system === SID.residentId) {
      const parsed =
        value.trim().length === 15
          ? convertLegacyResidentId(value, ctx.today)
          : parseResidentId(value, ctx.today);
      if (!parsed.ok)
        return fail(
          `resident-id.${parsed.reason}`,
          `Patient.identifier[${i}].value`,
          `resident ID number: ${parsed.message}`,
        );
      residentIdNumber = parsed.value.number;
      idBirth = parsed.value.birthDate;
      idSex = parsed.value.sex;
      return;
    }
    const stored = residentIdentifierSystem(system);
    identifiers.set(`${stored}|${value}`, { system: stored, value });
  });
  const sourceSystem = `source:${source.system}`;
  identifiers.set(`${sourceSystem}|${source.id}`, { system: sourceSystem, value: source.id });

  const birthDate = r.birthDate ?? idBirth;
  notInFuture(birthDate, 'Patient.birthDate', ctx);
  const deathDate = r.deceasedDateTime ? dayOf(r.deceasedDateTime) : null;
  notInFuture(deathDate, 'Patient.deceasedDateTime', ctx);
  notBefore(deathDate, birthDate, 'Patient.deceasedDateTime', 'the birth date');

  const home = r.address?.[0];
  const regionCode = ext(home?.extension, EXT.regionCode)?.valueCode ?? null;
  if (regionCode !== null && !isStatCode(regionCode) && !isRegionCode(regionCode)) {
    return fail(
      'region-code',
      'Patient.address[0].extension',
      `"${regionCode}" is not a 6- or 12-digit region code`,
    );
  }
  const villageCode = regionCode && regionCode.length === 12 ? regionCode : null;
  const flag = (url: string) => ext(r.extension, url)?.valueBoolean;
  return {
    table: 'residents',
    source,
    residentIdNumber,
    name,
    sex: r.gender ? sexOf(r.gender) : (idSex ?? 'unknown'),
    birthDate,
    villageCode,
    residenceCountyCode: regionCode ? regionCode.slice(0, 6) : null,
    address: home?.text ?? null,
    resident: flag(EXT.resident) ?? villageCode !== null,
    registered: flag(EXT.registered) ?? false,
    phone: r.telecom?.find((t) => t.system === 'phone' && t.value)?.value ?? null,
    deathDate,
    identifiers: [...identifiers.values()],
  };
}

/** The identifier that names a resident in a reference: its ID number, else its first other identifier. */
export function residentReference(id: number, ref: ResidentRef | null) {
  if (!ref) return { reference: `Patient/${id}` };
  const identifier =
    'rid' in ref
      ? { system: SID.residentId, value: ref.rid }
      : { system: identifierUri(ref.system), value: ref.value };
  return { reference: `Patient/${id}`, identifier };
}

export function identifierUri(system: string): string {
  if (system.startsWith('source:')) return `${SOURCE_PREFIX}${system.slice('source:'.length)}`;
  return RESIDENT_IDENTIFIER_SYSTEMS[system] ?? system;
}

export function toFhirPatient(row: PatientRecord & { id: number }): Patient {
  const regionCode = row.villageCode ?? row.residenceCountyCode;
  const address =
    row.address || regionCode
      ? [
          {
            ...(row.address ? { text: row.address } : {}),
            ...(regionCode ? { extension: [{ url: EXT.regionCode, valueCode: regionCode }] } : {}),
          },
        ]
      : undefined;
  return {
    resourceType: 'Patient',
    id: String(row.id),
    identifier: [
      ...(row.residentIdNumber ? [{ system: SID.residentId, value: row.residentIdNumber }] : []),
      ...row.identifiers.map((i) => ({ system: identifierUri(i.system), value: i.value })),
    ],
    extension: [
      { url: EXT.resident, valueBoolean: row.resident },
      { url: EXT.registered, valueBoolean: row.registered },
    ],
    name: [{ text: row.name }],
    gender: row.sex as Patient['gender'],
    ...(row.birthDate ? { birthDate: row.birthDate } : {}),
    ...(row.deathDate ? { deceasedDateTime: row.deathDate } : {}),
    ...(address ? { address } : {}),
    ...(row.phone ? { telecom: [{ system: 'phone' as const, value: row.phone }] } : {}),
  };
}
