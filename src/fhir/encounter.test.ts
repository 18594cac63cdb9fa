import { describe, expect, it } from 'vitest';
import { WeijianError } from '../domain/errors.js';
import { fromFhirEncounter, toFhirEncounter } from './encounter.js';
import { CS, EXT } from './systems.js';

const ctx = { today: '2025-06-30', defaultSource: 'file:x.ndjson' };
const encounter = {
  resourceType: 'Encounter',
  id: 'e1',
  meta: { source: 'his:1' },
  status: 'finished',
  class: { system: CS.actCode, code: 'IMP' },
  subject: { reference: 'Patient/p1' },
  serviceProvider: { reference: 'Organization/H001' },
  period: { start: '2024-03-01T08:00:00+08:00', end: '2024-03-05' },
  length: { value: 4, unit: 'd' },
  extension: [
    { url: EXT.totalCost, valueDecimal: 5000 },
    { url: EXT.outOfPocket, valueDecimal: 1200.5 },
  ],
  contained: [
    { resourceType: 'Condition', id: 'a', code: { coding: [{ system: CS.icd10, code: 'E11.9' }] } },
    {
      resourceType: 'Condition',
      id: 'b',
      code: { coding: [{ system: CS.icd10, code: 'I10', display: '高血压' }] },
    },
  ],
  diagnosis: [
    { condition: { reference: '#a' }, rank: 2 },
    { condition: { reference: '#b' }, rank: 1 },
  ],
};

describe('Encounter ↔ encounters + encounter_diagnoses', () => {
  it('keeps class, dates, costs and the diagnoses in rank order', () => {
    expect(fromFhirEncounter(encounter, ctx)).toMatchObject({
      source: { system: 'his:1', id: 'e1' },
      patient: { system: 'source:his:1', value: 'p1' },
      facilityCode: 'H001',
      class: 'inpatient',
      startDate: '2024-03-01',
      endDate: '2024-03-05',
      lengthOfStay: 4,
      totalCost: '5000.00',
      outOfPocket: '1200.50',
      diagnoses: [
        { code: 'I10', name: '高血压' },
        { code: 'E11.9', name: null },
      ],
      notBeforeBirth: { date: '2024-03-01', field: 'Encounter.period.start' },
    });
  });

  it('rejects an end before the start and an unknown class', () => {
    const field = (resource: unknown) => {
      try {
        fromFhirEncounter(resource, ctx);
      } catch (error) {
        return (error as WeijianError).place.field;
      }
    };
    expect(field({ ...encounter, period: { start: '2024-03-05', end: '2024-03-01' } })).toBe(
      'Encounter.period.end',
    );
    expect(field({ ...encounter, class: { code: 'HH' } })).toBe('Encounter.class.code');
    expect(field({ ...encounter, period: { start: '2024-03-01T08:00' } })).toBe('Encounter.period.start');
  });

  it('round-trips through toFhirEncounter', () => {
    const record = fromFhirEncounter(encounter, ctx);
    const back = toFhirEncounter({
      ...record,
      id: 9,
      patientId: 3,
      patient: { system: 'source:his:1', value: 'p1' },
    });
    expect(fromFhirEncounter(back, ctx)).toEqual(record);
  });
});
