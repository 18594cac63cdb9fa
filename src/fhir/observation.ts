import type { Observation, ObservationComponent } from '@medplum/fhirtypes';
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
  notInFuture,
  parseResource,
  reference,
  residentRef,
  resourceBase,
  sourceIdentifier,
  sourceKey,
  sourceRef,
  type MapContext,
} from './common.js';
import { encounterElement } from './encounter.js';
import { episodeReference } from './episode-of-care.js';
import { organizationReference } from './organization.js';
import { residentReference } from './patient.js';
import { practitionerRoleReference } from './practitioner-role.js';
import type {
  CheckupRecord,
  ChildCheckRecord,
  DeathRecord,
  FollowUpRecord,
  LiveBirthRecord,
  PrenatalVisitRecord,
  ResidentRef,
  SourceKey,
} from './records.js';
import { CS, EXT, LOINC, OBSERVATION_CODES as OC } from './systems.js';
import { fromFhirDeath } from './observation-death.js';
import { fromFhirLiveBirth, fromFhirPrenatalVisit } from './observation-maternal.js';

/**
 * Observation ↔ six tables, told apart by `code`: a chronic-disease follow-up (Weijian code, with BP
 * systolic/diastolic and fasting glucose as LOINC components), a health check-up and a child health check
 * (Weijian codes, the parts done as boolean components), a death (LOINC 69453-9 cause of death), and a
 * prenatal visit or a live birth (observation-maternal.ts).
 */
export const observationSchema = z.looseObject({
  resourceType: z.literal('Observation'),
  ...resourceBase,
  status: z.string().min(1),
  code: codeableConcept,
  subject: reference.optional(),
  focus: z.array(reference).optional(),
  encounter: reference.optional(),
  effectiveDateTime: fhirDateTime,
  performer: z.array(reference).optional(),
  valueCodeableConcept: codeableConcept.optional(),
  component: z
    .array(
      z.looseObject({
        code: codeableConcept,
        valueQuantity: z
          .looseObject({ value: z.number(), unit: z.string().optional(), code: z.string().optional() })
          .optional(),
        valueBoolean: z.boolean().optional(),
        valueCodeableConcept: codeableConcept.optional(),
        valueString: z.string().optional(),
      }),
    )
    .optional(),
});
export type ParsedObservation = z.infer<typeof observationSchema>;

export type ObservationRecord =
  FollowUpRecord | CheckupRecord | ChildCheckRecord | DeathRecord | PrenatalVisitRecord | LiveBirthRecord;

export function fromFhirObservation(resource: unknown, ctx: MapContext): ObservationRecord {
  const r = parseResource(observationSchema, resource, 'Observation');
  const source = sourceKey(r, 'Observation', ctx);
  const date = dayOf(r.effectiveDateTime);
  notInFuture(date, 'Observation.effectiveDateTime', ctx);
  if (codeOf(r.code, CS.loinc) === LOINC.causeOfDeath) return fromFhirDeath(r, source, date);
  const kind = codeOf(r.code, CS.observation);
  const facilityIndex = r.performer?.findIndex(
    (p) => p.identifier?.system?.endsWith('/facility-code') || p.reference?.includes('Organization/'),
  );
  const facilityCode =
    facilityIndex !== undefined && facilityIndex >= 0
      ? facilityRef(r.performer![facilityIndex]!, `Observation.performer[${facilityIndex}]`)
      : null;
  const part = (code: string) => componentOf(r, CS.observation, code);
  const flag = (code: string) => part(code)?.valueBoolean ?? false;
  // Follow-ups, check-ups and child checks keep the visit they were made in; the maternal tables have no place for it.
  const encounter = () => encounterRef(r.encounter, 'Observation.encounter', source);
  if (kind === OC.followUp) return followUp(r, source, date, facilityCode, encounter());
  if (kind === OC.prenatalVisit) return fromFhirPrenatalVisit(r, source, date, facilityCode);
  if (kind === OC.liveBirth) return fromFhirLiveBirth(r, source, date, facilityCode);
  if (!r.subject) return fail('required', 'Observation.subject', 'the patient is required');
  const patient = residentRef(r.subject, 'Observation.subject', source);
  const notBeforeBirth = { date, field: 'Observation.effectiveDateTime' };
  if (kind === OC.checkup) {
    const programme = codeOf(r.valueCodeableConcept, CS.checkupProgramme);
    if (
      !programme ||
      !['elderly', 'chronic_disease', 'severe_mental_disorder', 'other'].includes(programme)
    ) {
      return fail(
        'code',
        'Observation.valueCodeableConcept',
        `a check-up programme from ${CS.checkupProgramme} is required`,
      );
    }
    return {
      table: 'health_checkups',
      source,
      patient,
      programme,
      checkedOn: date,
      facilityCode,
      lifestyleAssessment: flag(OC.lifestyle),
      physicalExamination: flag(OC.physical),
      auxiliaryTests: flag(OC.auxiliary),
      healthGuidance: flag(OC.guidance),
      formComplete: flag(OC.formComplete),
      encounter: encounter(),
      notBeforeBirth,
    };
  }
  if (kind === OC.childCheck) {
    return {
      table: 'child_health_checks',
      source,
      patient,
      checkedOn: date,
      facilityCode,
      eyeScreening: flag(OC.eyeScreening),
      encounter: encounter(),
      notBeforeBirth,
    };
  }
  return fail(
    'code',
    'Observation.code',
    `expected a follow-up, check-up, child check, prenatal visit, live birth (${CS.observation}) or cause of death (LOINC ${LOINC.causeOfDeath})`,
  );
}

function followUp(
  r: ParsedObservation,
  source: SourceKey,
  date: string,
  facilityCode: string | null,
  encounter: SourceKey | null,
): FollowUpRecord {
  const episode = ext(r.extension, EXT.episodeOfCare)?.valueReference;
  if (!episode)
    return fail(
      'required',
      'Observation.extension',
      `a follow-up names its EpisodeOfCare (${EXT.episodeOfCare})`,
    );
  const doctorIndex = r.performer?.findIndex(
    (p) =>
      p.reference?.includes('PractitionerRole/') || p.identifier?.system?.startsWith('urn:weijian:source:'),
  );
  const quantity = (code: string, min: number, max: number) => {
    const c = componentOf(r, CS.loinc, code);
    const value = c?.valueQuantity?.value;
    if (value === undefined) return null;
    if (value < min || value > max)
      return fail(
        'range',
        `Observation.component[${r.component!.indexOf(c!)}].valueQuantity.value`,
        `${value} is outside ${min}–${max}`,
      );
    return value;
  };
  const systolic = quantity(LOINC.systolic, 0, 400);
  const diastolic = quantity(LOINC.diastolic, 0, 300);
  const glucose = quantity(LOINC.fastingGlucose, 0, 999);
  return {
    table: 'chronic_disease_follow_ups',
    source,
    registration: sourceRef(episode, 'EpisodeOfCare', 'Observation.extension', source),
    followedUpOn: date,
    faceToFace: componentOf(r, CS.observation, OC.faceToFace)?.valueBoolean ?? false,
    systolic: systolic === null ? null : Math.round(systolic),
    diastolic: diastolic === null ? null : Math.round(diastolic),
    fastingGlucose: glucose === null ? null : glucose.toFixed(1),
    controlled: componentOf(r, CS.observation, OC.controlled)?.valueBoolean ?? null,
    facilityCode,
    doctor:
      doctorIndex !== undefined && doctorIndex >= 0
        ? sourceRef(
            r.performer![doctorIndex]!,
            'PractitionerRole',
            `Observation.performer[${doctorIndex}]`,
            source,
          )
        : null,
    encounter,
  };
}

export function componentOf(r: ParsedObservation, system: string, code: string) {
  return r.component?.find((c) => codeOf(c.code, system) === code);
}

export const concept = (system: string, code: string, display?: string) => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
});

export const booleanComponent = (code: string, value: boolean): ObservationComponent => ({
  code: concept(CS.observation, code),
  valueBoolean: value,
});

export const quantityComponent = (code: string, value: number, unit: string): ObservationComponent => ({
  code: concept(CS.loinc, code),
  valueQuantity: { value, unit, system: CS.ucum, code: unit },
});

interface Refs {
  id: number;
  patientId: number;
  patient: ResidentRef;
  encounterId: number | null;
}

const subjectOf = (row: Refs) => residentReference(row.patientId, row.patient);
const performer = (facilityCode: string | null) =>
  facilityCode ? [organizationReference(facilityCode)] : [];

export function toFhirFollowUp(
  row: FollowUpRecord &
    Refs & { registrationId: number; doctorId: number | null; doctorSource: SourceKey | null },
): Observation {
  const component: ObservationComponent[] = [
    ...(row.systolic !== null ? [quantityComponent(LOINC.systolic, row.systolic, 'mm[Hg]')] : []),
    ...(row.diastolic !== null ? [quantityComponent(LOINC.diastolic, row.diastolic, 'mm[Hg]')] : []),
    ...(row.fastingGlucose !== null
      ? [quantityComponent(LOINC.fastingGlucose, Number(row.fastingGlucose), 'mmol/L')]
      : []),
    booleanComponent(OC.faceToFace, row.faceToFace),
    ...(row.controlled !== null ? [booleanComponent(OC.controlled, row.controlled)] : []),
  ];
  return {
    resourceType: 'Observation',
    id: `f${row.id}`,
    identifier: [sourceIdentifier(row.source)],
    extension: [
      { url: EXT.episodeOfCare, valueReference: episodeReference(row.registrationId, row.registration) },
    ],
    status: 'final',
    category: [concept(CS.observationCategory, 'survey')],
    code: concept(CS.observation, OC.followUp, '慢病随访 chronic disease follow-up'),
    subject: subjectOf(row),
    ...encounterElement(row),
    effectiveDateTime: row.followedUpOn,
    performer: [
      ...performer(row.facilityCode),
      ...(row.doctorId !== null && row.doctorSource
        ? [practitionerRoleReference(row.doctorId, row.doctorSource)]
        : []),
    ],
    component,
  };
}

export function toFhirCheckup(row: CheckupRecord & Refs): Observation {
  return {
    resourceType: 'Observation',
    id: `c${row.id}`,
    identifier: [sourceIdentifier(row.source)],
    status: 'final',
    category: [concept(CS.observationCategory, 'exam')],
    code: concept(CS.observation, OC.checkup, '健康体检 health check-up'),
    subject: subjectOf(row),
    ...encounterElement(row),
    effectiveDateTime: row.checkedOn,
    performer: performer(row.facilityCode),
    valueCodeableConcept: concept(CS.checkupProgramme, row.programme),
    component: [
      booleanComponent(OC.lifestyle, row.lifestyleAssessment),
      booleanComponent(OC.physical, row.physicalExamination),
      booleanComponent(OC.auxiliary, row.auxiliaryTests),
      booleanComponent(OC.guidance, row.healthGuidance),
      booleanComponent(OC.formComplete, row.formComplete),
    ],
  };
}

export function toFhirChildCheck(row: ChildCheckRecord & Refs): Observation {
  return {
    resourceType: 'Observation',
    id: `k${row.id}`,
    identifier: [sourceIdentifier(row.source)],
    status: 'final',
    category: [concept(CS.observationCategory, 'exam')],
    code: concept(CS.observation, OC.childCheck, '儿童健康检查 child health check'),
    subject: subjectOf(row),
    ...encounterElement(row),
    effectiveDateTime: row.checkedOn,
    performer: performer(row.facilityCode),
    component: [booleanComponent(OC.eyeScreening, row.eyeScreening)],
  };
}
