import type { Encounter } from '@medplum/fhirtypes';
import { z } from 'zod';
import { isRegionCode } from '../domain/region/code.js';
import {
  codeableConcept,
  codeOf,
  dayOf,
  ext,
  facilityRef,
  fail,
  notBefore,
  notInFuture,
  parseResource,
  period,
  reference,
  residentRef,
  resourceBase,
  sourceIdentifier,
  sourceKey,
  type MapContext,
} from './common.js';
import { organizationReference } from './organization.js';
import { residentReference } from './patient.js';
import type { EncounterRecord, SourceKey } from './records.js';
import { CS, EXT } from './systems.js';

/**
 * Encounter ↔ encounters + encounter_diagnoses. The diagnoses are Conditions contained in the Encounter
 * (ICD-10 code) and listed in `diagnosis` with their rank (1 = primary), so one resource carries one
 * record whole. A facility outside the county is `serviceProvider.display` + the facility-county extension.
 */
const CLASSES: Record<string, string> = { AMB: 'outpatient', EMER: 'emergency', IMP: 'inpatient' };
const CLASS_CODES = Object.fromEntries(Object.entries(CLASSES).map(([k, v]) => [v, k]));

const schema = z.looseObject({
  resourceType: z.literal('Encounter'),
  ...resourceBase,
  status: z.string().min(1),
  class: z.looseObject({ system: z.string().optional(), code: z.string().min(1) }),
  subject: reference.optional(),
  serviceProvider: reference.optional(),
  serviceType: codeableConcept.optional(),
  period: period.extend({ start: period.shape.start.unwrap() }),
  length: z.looseObject({ value: z.number().int().min(0), unit: z.string().optional() }).optional(),
  diagnosis: z
    .array(z.looseObject({ condition: reference, rank: z.number().int().min(1).optional() }))
    .optional(),
  contained: z
    .array(
      z.looseObject({
        resourceType: z.string(),
        id: z.string().optional(),
        code: codeableConcept.optional(),
      }),
    )
    .optional(),
});

/** A reference to a stored encounter: its row id, and its source identifier for the importer. */
export function encounterReference(id: number, source: SourceKey) {
  return { reference: `Encounter/${id}`, identifier: sourceIdentifier(source) };
}

/** `encounter` of a record that names one (none when the row has no encounter_id). */
export const encounterElement = (row: { encounterId?: number | null; encounter: SourceKey | null }) =>
  row.encounterId != null && row.encounter
    ? { encounter: encounterReference(row.encounterId, row.encounter) }
    : {};

export function fromFhirEncounter(resource: unknown, ctx: MapContext): EncounterRecord {
  const r = parseResource(schema, resource, 'Encounter');
  const source = sourceKey(r, 'Encounter', ctx);
  const cls = CLASSES[r.class.code];
  if (!cls)
    return fail(
      'code',
      'Encounter.class.code',
      `expected AMB, EMER or IMP (${CS.actCode}), got "${r.class.code}"`,
    );
  const startDate = dayOf(r.period.start);
  const endDate = r.period.end ? dayOf(r.period.end) : null;
  notInFuture(startDate, 'Encounter.period.start', ctx);
  notBefore(endDate, startDate, 'Encounter.period.end', 'the start');

  let facilityCode: string | null = null;
  let facilityCountyCode: string | null = null;
  let facilityName: string | null = null;
  const provider = r.serviceProvider;
  if (provider?.reference || provider?.identifier) {
    facilityCode = facilityRef(provider, 'Encounter.serviceProvider');
  } else {
    facilityName = provider?.display ?? null;
    facilityCountyCode = ext(r.extension, EXT.facilityCounty)?.valueCode ?? null;
    if (!facilityName || !facilityCountyCode || !isRegionCode(facilityCountyCode)) {
      return fail(
        'required',
        'Encounter.serviceProvider',
        'a facility reference, or its name (display) with the facility-county extension',
      );
    }
  }

  const diagnoses = (r.diagnosis ?? [])
    .map((d, i) => {
      const field = `Encounter.diagnosis[${i}]`;
      const id = d.condition.reference?.startsWith('#') ? d.condition.reference.slice(1) : undefined;
      const condition = id
        ? r.contained?.find((c) => c.id === id && c.resourceType === 'Condition')
        : undefined;
      if (!condition)
        return fail('reference', `${field}.condition`, 'expected a reference to a contained Condition (#id)');
      const code = codeOf(condition.code, CS.icd10);
      if (!code)
        return fail('code', `${field}.condition`, `the Condition needs an ICD-10 code (${CS.icd10})`);
      const name =
        condition.code?.coding?.find((c) => c.system === CS.icd10)?.display ?? condition.code?.text ?? null;
      return { rank: d.rank ?? i + 1, code, name };
    })
    .sort((a, b) => a.rank - b.rank)
    .map(({ code, name }) => ({ code, name }));

  const decimal = (url: string) => ext(r.extension, url)?.valueDecimal;
  const total = decimal(EXT.totalCost);
  const outOfPocket = decimal(EXT.outOfPocket);
  if (
    (total ?? 0) < 0 ||
    (outOfPocket ?? 0) < 0 ||
    (total !== undefined && outOfPocket !== undefined && outOfPocket > total)
  ) {
    return fail('amount', 'Encounter.extension', 'costs must be ≥ 0 and out-of-pocket ≤ total');
  }
  const patientCounty = ext(r.extension, EXT.patientCounty)?.valueCode ?? null;
  return {
    table: 'encounters',
    source,
    patient: r.subject ? residentRef(r.subject, 'Encounter.subject', source) : null,
    patientCountyCode: patientCounty,
    facilityCode,
    facilityCountyCode,
    facilityName,
    class: cls,
    startDate,
    endDate,
    department: r.serviceType?.text ?? null,
    diagnoses,
    totalCost: total === undefined ? null : total.toFixed(2),
    outOfPocket: outOfPocket === undefined ? null : outOfPocket.toFixed(2),
    lengthOfStay: r.length?.value ?? null,
    ...(r.subject ? { notBeforeBirth: { date: startDate, field: 'Encounter.period.start' } } : {}),
  };
}

export function toFhirEncounter(row: EncounterRecord & { id: number; patientId: number | null }): Encounter {
  const extension = [
    ...(row.totalCost !== null ? [{ url: EXT.totalCost, valueDecimal: Number(row.totalCost) }] : []),
    ...(row.outOfPocket !== null ? [{ url: EXT.outOfPocket, valueDecimal: Number(row.outOfPocket) }] : []),
    ...(row.patientCountyCode ? [{ url: EXT.patientCounty, valueCode: row.patientCountyCode }] : []),
    ...(row.facilityCode === null && row.facilityCountyCode
      ? [{ url: EXT.facilityCounty, valueCode: row.facilityCountyCode }]
      : []),
  ];
  return {
    resourceType: 'Encounter',
    id: String(row.id),
    identifier: [sourceIdentifier(row.source)],
    ...(extension.length ? { extension } : {}),
    status: row.endDate || row.class !== 'inpatient' ? 'finished' : 'in-progress',
    class: { system: CS.actCode, code: CLASS_CODES[row.class]! },
    ...(row.patientId !== null ? { subject: residentReference(row.patientId, row.patient) } : {}),
    serviceProvider: row.facilityCode
      ? organizationReference(row.facilityCode)
      : { display: row.facilityName ?? undefined },
    ...(row.department ? { serviceType: { text: row.department } } : {}),
    period: { start: row.startDate, ...(row.endDate ? { end: row.endDate } : {}) },
    ...(row.lengthOfStay !== null
      ? { length: { value: row.lengthOfStay, unit: 'd', system: CS.ucum, code: 'd' } }
      : {}),
    ...(row.diagnoses.length
      ? {
          contained: row.diagnoses.map((d, i) => ({
            resourceType: 'Condition' as const,
            id: `d${i + 1}`,
            subject:
              row.patientId !== null
                ? { reference: `Patient/${row.patientId}` }
                : { display: 'unidentified' },
            code: { coding: [{ system: CS.icd10, code: d.code, ...(d.name ? { display: d.name } : {}) }] },
          })),
          diagnosis: row.diagnoses.map((_, i) => ({ condition: { reference: `#d${i + 1}` }, rank: i + 1 })),
        }
      : {}),
  };
}
