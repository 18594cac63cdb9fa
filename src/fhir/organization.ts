import type { Organization } from '@medplum/fhirtypes';
import { z } from 'zod';
import { isStatCode } from '../domain/region/code.js';
import { codeableConcept, codeOf, ext, fail, extension, parseResource, resourceBase } from './common.js';
import type { OrganizationRecord } from './records.js';
import { CS, EXT, SID } from './systems.js';

/**
 * Organization ↔ facilities. The registration code (SID.facilityCode) is the natural key and, when it is
 * a valid FHIR id, the resource id too. Type, ownership and grade are codings in Weijian CodeSystems
 * (the health statistics survey's categories); the flags are extensions.
 */
const FACILITY_TYPES = [
  'general_hospital', 'tcm_hospital', 'integrated_hospital', 'ethnic_medicine_hospital', 'specialised_hospital',
  'nursing_home', 'mch_hospital', 'community_health_centre', 'community_health_station',
  'subdistrict_health_centre', 'township_health_centre', 'village_clinic', 'clinic', 'outpatient_department',
  'cdc', 'specialised_disease_prevention', 'health_education', 'emergency_centre', 'blood_station',
  'health_supervision', 'family_planning_service', 'other',
]; // prettier-ignore

const schema = z.looseObject({
  resourceType: z.literal('Organization'),
  ...resourceBase,
  active: z.boolean().optional(),
  name: z.string().min(1),
  type: z.array(codeableConcept).min(1),
  address: z.array(z.looseObject({ extension: z.array(extension).optional() })).optional(),
});

/** Grade as one code: `3a` = 三级甲等, `2` = 二级 without class; absent = 未定级. */
const GRADE = /^([123])([abc])?$/;

export function fromFhirOrganization(resource: unknown): OrganizationRecord {
  const r = parseResource(schema, resource, 'Organization');
  const code = r.identifier?.find((i) => i.system === SID.facilityCode)?.value;
  if (!code)
    return fail(
      'required',
      'Organization.identifier',
      `a facility code identifier (${SID.facilityCode}) is required`,
    );
  const pick = (system: string) => r.type.map((t) => codeOf(t, system)).find((c) => c);
  const type = pick(CS.facilityType);
  if (!type || !FACILITY_TYPES.includes(type)) {
    return fail(
      'code',
      'Organization.type',
      `a facility type from ${CS.facilityType} is required, got ${type ?? 'none'}`,
    );
  }
  const ownership = pick(CS.ownership);
  if (ownership !== 'public' && ownership !== 'private') {
    return fail(
      'code',
      'Organization.type',
      `an ownership (public/private) from ${CS.ownership} is required`,
    );
  }
  const grade = pick(CS.grade);
  const gradeMatch = grade === undefined ? null : GRADE.exec(grade);
  if (grade !== undefined && !gradeMatch)
    return fail('code', 'Organization.type', `grade "${grade}" is not 1–3 with an optional a/b/c`);
  const regionCode = r.address?.[0]?.extension?.find((e) => e.url === EXT.regionCode)?.valueCode ?? null;
  if (regionCode !== null && !isStatCode(regionCode)) {
    return fail(
      'region-code',
      'Organization.address[0].extension',
      `"${regionCode}" is not a 12-digit region code`,
    );
  }
  const flag = (url: string, fallback: boolean) => ext(r.extension, url)?.valueBoolean ?? fallback;
  return {
    table: 'facilities',
    code,
    name: r.name,
    type,
    ownership,
    gradeLevel: gradeMatch ? Number(gradeMatch[1]) : null,
    gradeClass: gradeMatch?.[2] ?? null,
    primaryCare: flag(EXT.primaryCare, PRIMARY_CARE_TYPES.has(type)),
    regionCode,
    geriatricsDepartment: flag(EXT.geriatrics, false),
    tcmServices: flag(EXT.tcmServices, false),
    openedOn: ext(r.extension, EXT.openedOn)?.valueDate ?? null,
    closedOn: ext(r.extension, EXT.closedOn)?.valueDate ?? null,
  };
}

/** Default of the primary-care flag when the resource does not say (基层医疗卫生机构 by type). */
const PRIMARY_CARE_TYPES = new Set([
  'community_health_centre', 'community_health_station', 'subdistrict_health_centre', 'township_health_centre',
  'village_clinic', 'clinic', 'outpatient_department',
]); // prettier-ignore

/** A FHIR id for a facility code: the code itself when it is one, else its hex (deterministic, reversible). */
export function organizationId(code: string): string {
  return /^[A-Za-z0-9\-.]{1,64}$/.test(code) ? code : `x-${Buffer.from(code).toString('hex')}`.slice(0, 64);
}

export function organizationReference(code: string) {
  return {
    reference: `Organization/${organizationId(code)}`,
    identifier: { system: SID.facilityCode, value: code },
  };
}

export function toFhirOrganization(row: OrganizationRecord): Organization {
  const grade =
    row.gradeLevel === null
      ? []
      : [{ coding: [{ system: CS.grade, code: `${row.gradeLevel}${row.gradeClass ?? ''}` }] }];
  return {
    resourceType: 'Organization',
    id: organizationId(row.code),
    identifier: [{ system: SID.facilityCode, value: row.code }],
    active: row.closedOn === null,
    name: row.name,
    type: [
      { coding: [{ system: CS.facilityType, code: row.type }] },
      { coding: [{ system: CS.ownership, code: row.ownership }] },
      ...grade,
    ],
    extension: [
      { url: EXT.primaryCare, valueBoolean: row.primaryCare },
      { url: EXT.geriatrics, valueBoolean: row.geriatricsDepartment },
      { url: EXT.tcmServices, valueBoolean: row.tcmServices },
      ...(row.openedOn ? [{ url: EXT.openedOn, valueDate: row.openedOn }] : []),
      ...(row.closedOn ? [{ url: EXT.closedOn, valueDate: row.closedOn }] : []),
    ],
    ...(row.regionCode
      ? { address: [{ extension: [{ url: EXT.regionCode, valueCode: row.regionCode }] }] }
      : {}),
  };
}
