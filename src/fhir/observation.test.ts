import { describe, expect, it } from 'vitest';
import type { WeijianError } from '../domain/errors.js';
import { fromFhirObservation, toFhirCheckup, toFhirChildCheck, toFhirFollowUp } from './observation.js';
import { CS, EXT, LOINC, OBSERVATION_CODES as OC, SOURCE_PREFIX } from './systems.js';

const ctx = { today: '2025-06-30', defaultSource: 'file:x.ndjson' };
const coding = (system: string, code: string) => ({ coding: [{ system, code }] });
const base = {
  resourceType: 'Observation',
  meta: { source: 'his:1' },
  status: 'final',
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2024-04-01',
};
const checkup = {
  ...base,
  id: 'c1',
  code: coding(CS.observation, OC.checkup),
  valueCodeableConcept: coding(CS.checkupProgramme, 'elderly'),
  encounter: { reference: 'Encounter/e7' },
};
const childCheck = {
  ...base,
  id: 'k1',
  code: coding(CS.observation, OC.childCheck),
  encounter: { reference: 'Encounter/e8' },
};
const followUp = {
  ...base,
  id: 'f1',
  code: coding(CS.observation, OC.followUp),
  extension: [{ url: EXT.episodeOfCare, valueReference: { reference: 'EpisodeOfCare/h1' } }],
  // A reference as Weijian's export writes it: the server id and the source identifier, which wins.
  encounter: { reference: 'Encounter/12', identifier: { system: `${SOURCE_PREFIX}his:2`, value: 'V9' } },
};
const death = {
  ...base,
  id: 'x1',
  code: coding(CS.loinc, LOINC.causeOfDeath),
  encounter: { reference: 'Encounter/e9' },
  component: [
    { code: coding(CS.observation, OC.sex), valueCodeableConcept: coding(CS.administrativeGender, 'male') },
    { code: coding(CS.loinc, LOINC.ageAtDeath), valueQuantity: { value: 80, code: 'a', unit: 'a' } },
  ],
};
const failure = (resource: unknown) => {
  try {
    fromFhirObservation(resource, ctx);
  } catch (error) {
    return [(error as WeijianError).code, (error as WeijianError).place.field];
  }
  return null;
};
const refs = { id: 5, patientId: 3, patient: { system: 'source:his:1', value: 'p1' } };

describe('Observation.encounter ↔ encounter_id of follow-ups, check-ups and child checks', () => {
  it('reads the encounter as a source key: Encounter/<id> in the source system, or its source identifier', () => {
    expect(fromFhirObservation(checkup, ctx)).toMatchObject({
      table: 'health_checkups',
      encounter: { system: 'his:1', id: 'e7' },
    });
    expect(fromFhirObservation(childCheck, ctx)).toMatchObject({
      table: 'child_health_checks',
      encounter: { system: 'his:1', id: 'e8' },
    });
    expect(fromFhirObservation(followUp, ctx)).toMatchObject({
      table: 'chronic_disease_follow_ups',
      encounter: { system: 'his:2', id: 'V9' },
    });
    const without = { ...checkup, encounter: undefined };
    expect(fromFhirObservation(without, ctx)).toMatchObject({ encounter: null });
  });

  it('rejects an encounter that is not a reference to an Encounter, naming the element', () => {
    expect(failure({ ...checkup, encounter: { reference: 'Patient/p1' } })).toEqual([
      'fhir.reference',
      'Observation.encounter.reference',
    ]);
    expect(failure({ ...childCheck, encounter: { display: '门诊' } })).toEqual([
      'fhir.reference',
      'Observation.encounter',
    ]);
  });

  it('leaves it out of a death, whose table has no encounter', () => {
    const record = fromFhirObservation(death, ctx);
    expect(record.table).toBe('deaths');
    expect('encounter' in record).toBe(false);
  });

  it('writes encounter as Encounter/<row id> with the source identifier, and reads it back', () => {
    const record = fromFhirObservation(checkup, ctx);
    if (record.table !== 'health_checkups') throw new Error(record.table);
    const out = toFhirCheckup({ ...record, ...refs, encounterId: 42 });
    expect(out.encounter).toEqual({
      reference: 'Encounter/42',
      identifier: { system: `${SOURCE_PREFIX}his:1`, value: 'e7' },
    });
    expect(fromFhirObservation(out, ctx)).toEqual(record);

    const child = fromFhirObservation(childCheck, ctx);
    if (child.table !== 'child_health_checks') throw new Error(child.table);
    expect(toFhirChildCheck({ ...child, ...refs, encounterId: 43 }).encounter?.reference).toBe(
      'Encounter/43',
    );

    const visit = fromFhirObservation(followUp, ctx);
    if (visit.table !== 'chronic_disease_follow_ups') throw new Error(visit.table);
    const back = toFhirFollowUp({
      ...visit,
      ...refs,
      encounterId: 12,
      registrationId: 2,
      doctorId: null,
      doctorSource: null,
    });
    expect(back.encounter).toEqual({
      reference: 'Encounter/12',
      identifier: { system: `${SOURCE_PREFIX}his:2`, value: 'V9' },
    });
    expect(fromFhirObservation(back, ctx)).toMatchObject({ encounter: { system: 'his:2', id: 'V9' } });
  });

  it('writes no encounter for a row without one', () => {
    const without = { ...checkup, encounter: undefined };
    const record = fromFhirObservation(without, ctx);
    if (record.table !== 'health_checkups') throw new Error(record.table);
    expect('encounter' in toFhirCheckup({ ...record, ...refs, encounterId: null })).toBe(false);
  });
});
