import { describe, expect, it } from 'vitest';
import { fromFhirImmunizationRecommendation, toFhirDueDoses } from './immunization-recommendation.js';
import { CS, LOINC, SID } from './systems.js';

const ctx = { today: '2025-06-30', defaultSource: 'file:x.ndjson' };
const coding = (system: string, code: string) => ({ coding: [{ system, code }] });
const dose = (vaccine: string, n: number, due: string, status = 'due') => ({
  vaccineCode: [coding(CS.vaccine, vaccine)],
  forecastStatus: coding(CS.recommendationStatus, status),
  dateCriterion: [{ code: coding(CS.loinc, LOINC.dateVaccineDue), value: due }],
  doseNumberPositiveInt: n,
});
const resource = {
  resourceType: 'ImmunizationRecommendation',
  id: 'ir1',
  patient: { identifier: { system: SID.residentId, value: '320612202401011234' } },
  date: '2024-01-05',
  recommendation: [dose('HepB', 2, '2024-02-01'), dose('MMR', 1, '2024-09-01T00:00:00+08:00', 'overdue')],
};
const fails = (changes: Record<string, unknown>) => {
  try {
    fromFhirImmunizationRecommendation({ ...resource, ...changes }, ctx);
  } catch (error) {
    return [(error as { code: string }).code, (error as { place: { field: string } }).place.field];
  }
  return null;
};

describe('ImmunizationRecommendation ↔ immunization_due_doses', () => {
  it('keeps one row per dose due, the due date from LOINC 30980-7; future due dates are fine', () => {
    expect(
      fromFhirImmunizationRecommendation(
        { ...resource, recommendation: [...resource.recommendation, dose('DTaP', 4, '2026-03-01')] },
        ctx,
      ),
    ).toEqual({
      table: 'immunization_due_doses',
      patient: { rid: '320612202401011234' },
      doses: [
        { vaccineCode: 'HepB', doseNumber: 2, dueOn: '2024-02-01' },
        { vaccineCode: 'MMR', doseNumber: 1, dueOn: '2024-09-01' },
        { vaccineCode: 'DTaP', doseNumber: 4, dueOn: '2026-03-01' },
      ],
      notBeforeBirth: {
        date: '2024-02-01',
        field: 'ImmunizationRecommendation.recommendation.dateCriterion',
      },
    });
  });

  it('exports what it imports, dated by the first due dose', () => {
    const record = fromFhirImmunizationRecommendation(resource, ctx);
    const fhir = toFhirDueDoses({ ...record, patientId: 3, patient: { rid: '320612202401011234' } });
    expect([fhir.id, fhir.date, fhir.recommendation.length]).toEqual(['ir3', '2024-02-01', 2]);
    expect(fromFhirImmunizationRecommendation(fhir, ctx)).toEqual(record);
  });

  it('rejects doses not due, without vaccine, dose number or due date, naming the recommendation', () => {
    expect(
      fails({ recommendation: [dose('HepB', 2, '2024-02-01'), dose('HepB', 1, '2024-01-01', 'complete')] }),
    ).toEqual(['fhir.status', 'ImmunizationRecommendation.recommendation[1].forecastStatus']);
    expect(
      fails({
        recommendation: [{ ...dose('HepB', 2, '2024-02-01'), vaccineCode: [coding('urn:other', 'x')] }],
      }),
    ).toEqual(['fhir.code', 'ImmunizationRecommendation.recommendation[0].vaccineCode']);
    expect(
      fails({ recommendation: [{ ...dose('HepB', 2, '2024-02-01'), doseNumberPositiveInt: undefined }] }),
    ).toEqual(['fhir.required', 'ImmunizationRecommendation.recommendation[0].doseNumberPositiveInt']);
    expect(fails({ recommendation: [{ ...dose('HepB', 2, '2024-02-01'), dateCriterion: [] }] })).toEqual([
      'fhir.required',
      'ImmunizationRecommendation.recommendation[0].dateCriterion',
    ]);
    expect(fails({ recommendation: [{ ...dose('HepB', 0, '2024-02-01') }] })).toEqual([
      'fhir.invalid',
      'ImmunizationRecommendation.recommendation[0].doseNumberPositiveInt',
    ]);
    expect(fails({ recommendation: [] })).toEqual([
      'fhir.invalid',
      'ImmunizationRecommendation.recommendation',
    ]);
    expect(fails({ patient: undefined })).toEqual(['fhir.required', 'ImmunizationRecommendation.patient']);
  });
});
