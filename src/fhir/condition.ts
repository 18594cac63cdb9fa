import type { Condition } from '@medplum/fhirtypes';
import { z } from 'zod';
import { isRegionCode } from '../domain/region/code.js';
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
import type { ReportRecord, ResidentRef } from './records.js';
import { CS, EXT } from './systems.js';

/**
 * Condition (category notifiable-disease-report) ↔ notifiable_disease_reports (传染病报告卡): the disease
 * in the NNDRS code list (CS.notifiableDisease, display = name), its class A/B/C/other as a second
 * category, onset, report time (recordedDate, with time and zone), and as extensions what R4's Condition
 * has no element for: case classification, diagnosis date, reporting facility, patient's county.
 * Encounter diagnoses are Conditions too, but contained in their Encounter (see encounter.ts).
 */
const REPORT = 'notifiable-disease-report';
const CLASSES = ['A', 'B', 'C', 'other'];
const CASES = ['confirmed', 'clinical', 'suspected', 'carrier', 'positive_test'];

const schema = z.looseObject({
  resourceType: z.literal('Condition'),
  ...resourceBase,
  category: z.array(codeableConcept).min(1),
  code: codeableConcept,
  subject: reference,
  encounter: reference.optional(),
  onsetDateTime: fhirDateTime.optional(),
  recordedDate: fhirDateTime.refine((t) => t.includes('T'), 'a report time needs the time and zone'),
});

export function fromFhirCondition(resource: unknown, ctx: MapContext): ReportRecord {
  const r = parseResource(schema, resource, 'Condition');
  if (!r.category.some((c) => codeOf(c, CS.conditionCategory) === REPORT)) {
    return fail(
      'code',
      'Condition.category',
      `only notifiable disease reports (${REPORT}) are imported as Conditions; diagnoses go inside their Encounter`,
    );
  }
  const source = sourceKey(r, 'Condition', ctx);
  const diseaseClass = r.category.map((c) => codeOf(c, CS.diseaseClass)).find((c) => c);
  if (!diseaseClass || !CLASSES.includes(diseaseClass))
    return fail(
      'code',
      'Condition.category',
      `a disease class A/B/C/other from ${CS.diseaseClass} is required`,
    );
  const disease = r.code.coding?.find((c) => c.system === CS.notifiableDisease);
  if (!disease?.code)
    return fail('code', 'Condition.code', `a disease code from ${CS.notifiableDisease} is required`);
  const name = disease.display ?? r.code.text;
  if (!name) return fail('required', 'Condition.code', 'the disease name (display or text) is required');
  const e = (url: string) => ext(r.extension, url);
  const caseClassification = e(EXT.caseClassification)?.valueCode ?? null;
  if (caseClassification !== null && !CASES.includes(caseClassification)) {
    return fail(
      'code',
      'Condition.extension',
      `case classification "${caseClassification}" is not one of ${CASES.join(', ')}`,
    );
  }
  const onsetDate = r.onsetDateTime ? dayOf(r.onsetDateTime) : null;
  const diagnosedOn = e(EXT.diagnosedOn)?.valueDate ?? null;
  notInFuture(onsetDate, 'Condition.onsetDateTime', ctx);
  notInFuture(dayOf(r.recordedDate), 'Condition.recordedDate', ctx);
  notBefore(diagnosedOn, onsetDate, 'Condition.extension', 'the onset');
  const county = e(EXT.patientCounty)?.valueCode ?? null;
  if (county !== null && !isRegionCode(county))
    return fail('region-code', 'Condition.extension', `"${county}" is not a 6-digit county code`);
  const facility = e(EXT.reportingFacility)?.valueReference;
  const identified = Boolean(r.subject.reference || r.subject.identifier);
  return {
    table: 'notifiable_disease_reports',
    source,
    patient: identified ? residentRef(r.subject, 'Condition.subject', source) : null,
    patientCountyCode: county,
    reportingFacilityCode: facility ? facilityRef(facility, 'Condition.extension') : null,
    diseaseCode: disease.code,
    diseaseName: name,
    diseaseClass,
    caseClassification,
    onsetDate,
    diagnosedOn,
    reportedAt: r.recordedDate,
    encounter: encounterRef(r.encounter, 'Condition.encounter', source),
    ...(identified && onsetDate
      ? { notBeforeBirth: { date: onsetDate, field: 'Condition.onsetDateTime' } }
      : {}),
  };
}

export function toFhirCondition(
  row: ReportRecord & {
    id: number;
    patientId: number | null;
    patient: ResidentRef | null;
    encounterId: number | null;
  },
): Condition {
  const extension = [
    ...(row.caseClassification ? [{ url: EXT.caseClassification, valueCode: row.caseClassification }] : []),
    ...(row.diagnosedOn ? [{ url: EXT.diagnosedOn, valueDate: row.diagnosedOn }] : []),
    ...(row.reportingFacilityCode
      ? [{ url: EXT.reportingFacility, valueReference: organizationReference(row.reportingFacilityCode) }]
      : []),
    ...(row.patientCountyCode ? [{ url: EXT.patientCounty, valueCode: row.patientCountyCode }] : []),
  ];
  return {
    resourceType: 'Condition',
    id: String(row.id),
    identifier: [sourceIdentifier(row.source)],
    ...(extension.length ? { extension } : {}),
    category: [
      { coding: [{ system: CS.conditionCategory, code: REPORT }] },
      { coding: [{ system: CS.diseaseClass, code: row.diseaseClass }] },
    ],
    code: { coding: [{ system: CS.notifiableDisease, code: row.diseaseCode, display: row.diseaseName }] },
    subject:
      row.patientId !== null ? residentReference(row.patientId, row.patient) : { display: 'unidentified' },
    ...encounterElement(row),
    ...(row.onsetDate ? { onsetDateTime: row.onsetDate } : {}),
    recordedDate: row.reportedAt,
  };
}
