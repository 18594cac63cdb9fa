import { describe, expect, it } from 'vitest';
import type { WeijianError } from '../domain/errors.js';
import { fromFhirCondition, toFhirCondition } from './condition.js';
import { CS, SOURCE_PREFIX } from './systems.js';

const ctx = { today: '2025-06-30', defaultSource: 'file:x.ndjson' };
const coding = (system: string, code: string) => ({ coding: [{ system, code }] });
const report = {
  resourceType: 'Condition',
  id: 'n7',
  meta: { source: 'his:320612' },
  subject: { reference: 'Patient/p7' },
  encounter: { reference: 'Encounter/e3' },
  category: [coding(CS.conditionCategory, 'notifiable-disease-report'), coding(CS.diseaseClass, 'B')],
  code: { coding: [{ system: CS.notifiableDisease, code: '0401', display: '肺结核' }] },
  onsetDateTime: '2023-05-02',
  recordedDate: '2023-05-03T09:30:00+08:00',
};
const failure = (resource: unknown) => {
  try {
    fromFhirCondition(resource, ctx);
  } catch (error) {
    return [(error as WeijianError).code, (error as WeijianError).place.field];
  }
  return null;
};

describe('Condition.encounter ↔ notifiable_disease_reports.encounter_id', () => {
  it('reads the encounter the report was made in, or none', () => {
    expect(fromFhirCondition(report, ctx)).toMatchObject({
      diseaseCode: '0401',
      encounter: { system: 'his:320612', id: 'e3' },
    });
    const without = { ...report, encounter: undefined };
    expect(fromFhirCondition(without, ctx).encounter).toBeNull();
    expect(failure({ ...report, encounter: { reference: 'EpisodeOfCare/e3' } })).toEqual([
      'fhir.reference',
      'Condition.encounter.reference',
    ]);
  });

  it('writes it as Encounter/<row id> with the source identifier and reads it back', () => {
    const record = fromFhirCondition(report, ctx);
    const row = { ...record, id: 9, patientId: 4, patient: { rid: '32061219600506002X' } };
    const out = toFhirCondition({ ...row, encounterId: 31 });
    expect(out.encounter).toEqual({
      reference: 'Encounter/31',
      identifier: { system: `${SOURCE_PREFIX}his:320612`, value: 'e3' },
    });
    expect(fromFhirCondition(out, ctx).encounter).toEqual({ system: 'his:320612', id: 'e3' });
    expect('encounter' in toFhirCondition({ ...row, encounter: null, encounterId: null })).toBe(false);
  });
});
