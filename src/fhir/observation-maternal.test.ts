import { describe, expect, it } from 'vitest';
import { fromFhirObservation } from './observation.js';
import { toFhirLiveBirth, toFhirPrenatalVisit } from './observation-maternal.js';
import { CS, EXT, LOINC, OBSERVATION_CODES as OC } from './systems.js';

const ctx = { today: '2025-06-30', defaultSource: 'file:x.ndjson' };
const coding = (system: string, code: string) => ({ coding: [{ system, code }] });
const pregnancy = { url: EXT.episodeOfCare, valueReference: { reference: 'EpisodeOfCare/g1' } };
const visit = {
  resourceType: 'Observation',
  id: 'pv1',
  meta: { source: 'mch:1' },
  status: 'final',
  code: coding(CS.observation, OC.prenatalVisit),
  subject: { reference: 'Patient/m1' },
  effectiveDateTime: '2024-03-01T09:00:00+08:00',
  extension: [pregnancy],
  performer: [{ reference: 'Organization/T001' }],
  component: [
    { code: coding(CS.loinc, LOINC.gestationalAge), valueQuantity: { value: 16, unit: 'wk', code: 'wk' } },
  ],
};
const birth = {
  resourceType: 'Observation',
  id: 'b1',
  meta: { source: 'mch:1' },
  status: 'final',
  code: coding(CS.observation, OC.liveBirth),
  subject: { reference: 'Patient/m1' },
  focus: [{ reference: 'Patient/c1' }],
  effectiveDateTime: '2024-09-20',
  extension: [pregnancy],
  performer: [{ reference: 'Organization/H001' }],
  component: [
    { code: coding(CS.observation, OC.sex), valueCodeableConcept: coding(CS.administrativeGender, 'female') },
    { code: coding(CS.loinc, LOINC.birthWeight), valueQuantity: { value: 3250, unit: 'g', code: 'g' } },
  ],
};
const fails = (resource: unknown) => {
  try {
    fromFhirObservation(resource, ctx);
  } catch (error) {
    return [(error as { code: string }).code, (error as { place: { field: string } }).place.field];
  }
  return null;
};

describe('Observation ↔ prenatal_visits', () => {
  it('keeps the pregnancy, the day, the gestational week and the facility', () => {
    expect(fromFhirObservation(visit, ctx)).toEqual({
      table: 'prenatal_visits',
      pregnancy: { system: 'mch:1', id: 'g1' },
      visitedOn: '2024-03-01',
      gestationalWeek: 16,
      facilityCode: 'T001',
    });
  });

  it('exports what it imports, the pregnancy named by its source identifier', () => {
    const record = fromFhirObservation(visit, ctx);
    if (record.table !== 'prenatal_visits') throw new Error(record.table);
    const fhir = toFhirPrenatalVisit({
      ...record,
      pregnancyId: 9,
      patientId: 4,
      patient: { rid: '320612199001011234' },
    });
    expect(fhir.id).toBe('pv9-2024-03-01');
    expect(fhir.extension?.[0]?.valueReference).toEqual({
      reference: 'EpisodeOfCare/p9',
      identifier: { system: 'urn:weijian:source:mch:1', value: 'g1' },
    });
    expect(fromFhirObservation(fhir, ctx)).toEqual(record);
  });

  it('rejects a visit without its pregnancy or with an impossible week', () => {
    expect(fails({ ...visit, extension: undefined })).toEqual(['fhir.required', 'Observation.extension']);
    const week = (value: number, code = 'wk') => ({
      ...visit,
      component: [{ code: coding(CS.loinc, LOINC.gestationalAge), valueQuantity: { value, code } }],
    });
    expect(fails(week(46))).toEqual(['fhir.range', 'Observation.component[0].valueQuantity.value']);
    expect(fails(week(16.5))).toEqual(['fhir.range', 'Observation.component[0].valueQuantity.value']);
    expect(fails(week(16, 'd'))).toEqual(['fhir.unit', 'Observation.component[0].valueQuantity.code']);
    expect(fails({ ...visit, effectiveDateTime: '2025-07-01' })).toEqual([
      'fhir.date-future',
      'Observation.effectiveDateTime',
    ]);
  });
});

describe('Observation ↔ live_births', () => {
  it('keeps mother, child, pregnancy, date, sex, weight and facility', () => {
    expect(fromFhirObservation(birth, ctx)).toEqual({
      table: 'live_births',
      source: { system: 'mch:1', id: 'b1' },
      pregnancy: { system: 'mch:1', id: 'g1' },
      mother: { system: 'source:mch:1', value: 'm1' },
      child: { system: 'source:mch:1', value: 'c1' },
      birthDate: '2024-09-20',
      sex: 'female',
      birthWeight: 3250,
      facilityCode: 'H001',
      notBeforeBirth: { date: '2024-09-20', field: 'Observation.effectiveDateTime' },
    });
  });

  it('takes a birth with neither mother nor pregnancy (a child born elsewhere)', () => {
    const only = {
      ...birth,
      subject: undefined,
      focus: undefined,
      extension: undefined,
      component: [birth.component[0]],
    };
    expect(fromFhirObservation(only, ctx)).toMatchObject({
      mother: null,
      child: null,
      pregnancy: null,
      birthWeight: null,
    });
  });

  it('exports what it imports', () => {
    const record = fromFhirObservation(birth, ctx);
    if (record.table !== 'live_births') throw new Error(record.table);
    const fhir = toFhirLiveBirth({ ...record, id: 5, pregnancyId: 9, motherId: 4, childId: 6 });
    expect(fhir.focus).toEqual([
      { reference: 'Patient/6', identifier: { system: 'urn:weijian:source:mch:1', value: 'c1' } },
    ]);
    expect(fromFhirObservation(fhir, ctx)).toEqual(record);
  });

  it('rejects a birth without sex, with twins in one resource or an impossible weight', () => {
    expect(fails({ ...birth, component: [birth.component[1]] })).toEqual([
      'fhir.required',
      'Observation.component',
    ]);
    expect(fails({ ...birth, focus: [{ reference: 'Patient/c1' }, { reference: 'Patient/c2' }] })).toEqual([
      'fhir.cardinality',
      'Observation.focus',
    ]);
    const weight = { code: coding(CS.loinc, LOINC.birthWeight), valueQuantity: { value: 12000, code: 'g' } };
    expect(fails({ ...birth, component: [birth.component[0], weight] })).toEqual([
      'fhir.range',
      'Observation.component[1].valueQuantity.value',
    ]);
    expect(fails({ ...birth, focus: [{ reference: 'Organization/H001' }] })).toEqual([
      'fhir.reference',
      'Observation.focus[0].reference',
    ]);
  });
});
