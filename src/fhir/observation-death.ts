import { isStatCode } from '../domain/region/code.js';
import type { Observation } from '@medplum/fhirtypes';
import { codeOf, fail, residentRef, sourceIdentifier } from './common.js';
import { booleanComponent, concept, type ParsedObservation } from './observation.js';
import { residentReference } from './patient.js';
import type { DeathRecord, ResidentRef, SourceKey } from './records.js';
import { CS, LOINC, OBSERVATION_CODES as OC } from './systems.js';

/**
 * A death (死因监测) as an Observation of the cause of death (LOINC 69453-9, value ICD-10), effective on
 * the date of death. Sex, age at death (LOINC 39016-1, in years `a` or days `d` under one year), maternal
 * death and the residence code are components, because the deceased may have no Patient. The Patient,
 * when there is one, also carries deceasedDateTime.
 */
export function fromFhirDeath(r: ParsedObservation, source: SourceKey, date: string): DeathRecord {
  const find = (system: string, code: string) => r.component?.find((c) => codeOf(c.code, system) === code);
  const sex = codeOf(
    find(CS.observation, OC.sex)?.valueCodeableConcept,
    'http://hl7.org/fhir/administrative-gender',
  );
  if (sex !== 'male' && sex !== 'female' && sex !== 'unknown') {
    return fail(
      'required',
      'Observation.component',
      'a sex component (administrative-gender male/female/unknown) is required',
    );
  }
  const age = find(CS.loinc, LOINC.ageAtDeath)?.valueQuantity;
  if (!age || !Number.isInteger(age.value) || age.value < 0 || (age.code !== 'a' && age.code !== 'd')) {
    return fail(
      'required',
      'Observation.component',
      `an age at death (LOINC ${LOINC.ageAtDeath}) in whole years (a) or days (d) is required`,
    );
  }
  if (age.code === 'a' && age.value > 150)
    return fail('range', 'Observation.component', `age ${age.value} is over 150`);
  const residence = find(CS.observation, OC.residence)?.valueString ?? null;
  if (residence !== null && !isStatCode(residence))
    return fail('region-code', 'Observation.component', `"${residence}" is not a 12-digit region code`);
  return {
    table: 'deaths',
    source,
    patient: r.subject ? residentRef(r.subject, 'Observation.subject', source) : null,
    deathDate: date,
    sex,
    ageYears: age.code === 'a' ? age.value : 0,
    ageDays: age.code === 'd' ? age.value : null,
    underlyingCauseCode: codeOf(r.valueCodeableConcept, CS.icd10) ?? null,
    maternalDeath: find(CS.observation, OC.maternalDeath)?.valueBoolean ?? false,
    residenceRegionCode: residence,
    ...(r.subject ? { notBeforeBirth: { date, field: 'Observation.effectiveDateTime' } } : {}),
  };
}

export function toFhirDeath(row: DeathRecord & { id: number; patientId: number | null }): Observation {
  const age = row.ageDays !== null ? { value: row.ageDays, code: 'd' } : { value: row.ageYears, code: 'a' };
  return {
    resourceType: 'Observation',
    id: `d${row.id}`,
    identifier: [sourceIdentifier(row.source)],
    status: 'final',
    code: concept(CS.loinc, LOINC.causeOfDeath, 'Cause of death'),
    ...(row.patientId !== null
      ? { subject: residentReference(row.patientId, row.patient as ResidentRef | null) }
      : {}),
    effectiveDateTime: row.deathDate,
    ...(row.underlyingCauseCode ? { valueCodeableConcept: concept(CS.icd10, row.underlyingCauseCode) } : {}),
    component: [
      {
        code: concept(CS.observation, OC.sex),
        valueCodeableConcept: concept('http://hl7.org/fhir/administrative-gender', row.sex),
      },
      {
        code: concept(CS.loinc, LOINC.ageAtDeath),
        valueQuantity: { ...age, unit: age.code, system: CS.ucum },
      },
      booleanComponent(OC.maternalDeath, row.maternalDeath),
      ...(row.residenceRegionCode
        ? [{ code: concept(CS.observation, OC.residence), valueString: row.residenceRegionCode }]
        : []),
    ],
  };
}
