import type { ImmunizationRecommendation } from '@medplum/fhirtypes';
import { z } from 'zod';
import {
  codeableConcept,
  codeOf,
  dayOf,
  fail,
  fhirDateTime,
  parseResource,
  reference,
  residentRef,
  resourceBase,
  type MapContext,
} from './common.js';
import { concept } from './observation.js';
import { residentReference } from './patient.js';
import type { DueDosesRecord, ResidentRef, SourceKey } from './records.js';
import { CS, LOINC } from './systems.js';

/**
 * ImmunizationRecommendation ↔ immunization_due_doses (应种, as the immunization information system
 * lists them): one resource per resident, one `recommendation` per dose due — vaccine (CS.vaccine), dose
 * number, due date as the dateCriterion LOINC 30980-7 (Date vaccine due). Only doses still to give are
 * kept: forecastStatus `due` or `overdue`; a recommendation in another status (complete, immune,
 * contraindicated) is rejected rather than left out, so nothing is dropped silently. Doses are upserted
 * by (resident, vaccine, dose): a resource with some of a resident's doses does not erase the others.
 */
const FORECAST_KEPT = ['due', 'overdue'];

const schema = z.looseObject({
  resourceType: z.literal('ImmunizationRecommendation'),
  ...resourceBase,
  patient: reference,
  date: fhirDateTime,
  recommendation: z
    .array(
      z.looseObject({
        vaccineCode: z.array(codeableConcept).optional(),
        forecastStatus: codeableConcept,
        dateCriterion: z.array(z.looseObject({ code: codeableConcept, value: fhirDateTime })).optional(),
        doseNumberPositiveInt: z.number().int().min(1).optional(),
      }),
    )
    .min(1),
});

export function fromFhirImmunizationRecommendation(resource: unknown, ctx: MapContext): DueDosesRecord {
  const r = parseResource(schema, resource, 'ImmunizationRecommendation');
  const source: SourceKey = { system: r.meta?.source ?? ctx.defaultSource, id: r.id ?? '' };
  const doses = r.recommendation.map((rec, i) => {
    const field = `ImmunizationRecommendation.recommendation[${i}]`;
    const status = codeOf(rec.forecastStatus, CS.recommendationStatus);
    if (!status || !FORECAST_KEPT.includes(status))
      return fail(
        'status',
        `${field}.forecastStatus`,
        `only doses due are kept (due or overdue from ${CS.recommendationStatus}), got ${status ?? 'no code'}`,
      );
    const vaccineCode = rec.vaccineCode?.map((c) => codeOf(c, CS.vaccine)).find((c) => c);
    if (!vaccineCode)
      return fail('code', `${field}.vaccineCode`, `a vaccine code from ${CS.vaccine} is required`);
    if (rec.doseNumberPositiveInt === undefined)
      return fail('required', `${field}.doseNumberPositiveInt`, 'the dose number is required');
    const due = rec.dateCriterion?.find((d) => codeOf(d.code, CS.loinc) === LOINC.dateVaccineDue);
    if (!due)
      return fail(
        'required',
        `${field}.dateCriterion`,
        `the due date (LOINC ${LOINC.dateVaccineDue}) is required`,
      );
    return { vaccineCode, doseNumber: rec.doseNumberPositiveInt, dueOn: dayOf(due.value) };
  });
  const first = doses.reduce((min, d) => (d.dueOn < min ? d.dueOn : min), doses[0]!.dueOn);
  return {
    table: 'immunization_due_doses',
    patient: residentRef(r.patient, 'ImmunizationRecommendation.patient', source),
    doses,
    notBeforeBirth: { date: first, field: 'ImmunizationRecommendation.recommendation.dateCriterion' },
  };
}

/** `date` (required in R4: when the list was made) is the first due date: the store does not keep it. */
export function toFhirDueDoses(
  row: DueDosesRecord & { patientId: number; patient: ResidentRef },
): ImmunizationRecommendation {
  return {
    resourceType: 'ImmunizationRecommendation',
    id: `ir${row.patientId}`,
    patient: residentReference(row.patientId, row.patient),
    date: row.doses.reduce((min, d) => (d.dueOn < min ? d.dueOn : min), row.doses[0]!.dueOn),
    recommendation: row.doses.map((d) => ({
      vaccineCode: [concept(CS.vaccine, d.vaccineCode)],
      forecastStatus: concept(CS.recommendationStatus, 'due'),
      dateCriterion: [{ code: concept(CS.loinc, LOINC.dateVaccineDue, 'Date vaccine due'), value: d.dueOn }],
      doseNumberPositiveInt: d.doseNumber,
    })),
  };
}
