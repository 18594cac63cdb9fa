import type { Observation } from '@medplum/fhirtypes';
import { codeOf, ext, fail, residentRef, sourceIdentifier, sourceRef } from './common.js';
import { componentOf, concept, type ParsedObservation } from './observation.js';
import { organizationReference } from './organization.js';
import { residentReference } from './patient.js';
import type { LiveBirthRecord, PrenatalVisitRecord, ResidentRef, SourceKey } from './records.js';
import { CS, EXT, LOINC, OBSERVATION_CODES as OC } from './systems.js';

/*
 * The two maternal records that hang off a pregnancy (an EpisodeOfCare of type pregnancy), both as
 * Observations tied to it with HL7's workflow-episodeOfCare extension, like the chronic-disease
 * follow-ups are tied to their registration:
 * - a prenatal visit (产前检查): Weijian code prenatal-visit, the gestational week as LOINC 49051-6;
 * - a live birth (活产): Weijian code live-birth, subject the mother, focus the child when registered,
 *   effective the birth date, components sex and birth weight (LOINC 8339-4, g), as a death carries its
 *   sex and age (the child may have no Patient).
 */

function pregnancyOf(r: ParsedObservation, source: SourceKey, required: boolean): SourceKey | null {
  const episode = ext(r.extension, EXT.episodeOfCare)?.valueReference;
  if (!episode) {
    if (!required) return null;
    return fail(
      'required',
      'Observation.extension',
      `a prenatal visit names its pregnancy (${EXT.episodeOfCare})`,
    );
  }
  return sourceRef(episode, 'EpisodeOfCare', 'Observation.extension', source);
}

function wholeQuantity(r: ParsedObservation, code: string, unit: string, min: number, max: number) {
  const c = componentOf(r, CS.loinc, code);
  if (!c) return null;
  const field = `Observation.component[${r.component!.indexOf(c)}].valueQuantity`;
  const q = c.valueQuantity;
  if (!q) return fail('required', field, `a quantity in ${unit} is required`);
  if (q.code !== undefined && q.code !== unit)
    return fail('unit', `${field}.code`, `expected ${unit}, got ${q.code}`);
  if (!Number.isInteger(q.value) || q.value < min || q.value > max)
    return fail('range', `${field}.value`, `${q.value} is not a whole number of ${unit} in ${min}–${max}`);
  return q.value;
}

export function fromFhirPrenatalVisit(
  r: ParsedObservation,
  source: SourceKey,
  date: string,
  facilityCode: string | null,
): PrenatalVisitRecord {
  return {
    table: 'prenatal_visits',
    pregnancy: pregnancyOf(r, source, true)!,
    visitedOn: date,
    gestationalWeek: wholeQuantity(r, LOINC.gestationalAge, 'wk', 0, 45),
    facilityCode,
  };
}

export function fromFhirLiveBirth(
  r: ParsedObservation,
  source: SourceKey,
  date: string,
  facilityCode: string | null,
): LiveBirthRecord {
  const sex = codeOf(componentOf(r, CS.observation, OC.sex)?.valueCodeableConcept, CS.administrativeGender);
  if (sex !== 'male' && sex !== 'female' && sex !== 'unknown')
    return fail(
      'required',
      'Observation.component',
      "the child's sex (component sex, administrative-gender male/female/unknown) is required",
    );
  if ((r.focus?.length ?? 0) > 1)
    return fail(
      'cardinality',
      'Observation.focus',
      'a live birth names one child (use one Observation per child)',
    );
  const child = r.focus?.[0];
  return {
    table: 'live_births',
    source,
    pregnancy: pregnancyOf(r, source, false),
    mother: r.subject ? residentRef(r.subject, 'Observation.subject', source) : null,
    child: child ? residentRef(child, 'Observation.focus[0]', source) : null,
    birthDate: date,
    sex,
    birthWeight: wholeQuantity(r, LOINC.birthWeight, 'g', 100, 9000),
    facilityCode,
    ...(r.subject ? { notBeforeBirth: { date, field: 'Observation.effectiveDateTime' } } : {}),
  };
}

/** Pregnancies are served as EpisodeOfCare `p<row id>` (registrations `r<row id>`). */
const pregnancyReference = (id: number, source: SourceKey) => ({
  reference: `EpisodeOfCare/p${id}`,
  identifier: sourceIdentifier(source),
});

const performer = (facilityCode: string | null) =>
  facilityCode ? { performer: [organizationReference(facilityCode)] } : {};

/** A prenatal visit has no id of its own in the store: its id is the pregnancy's and the day. */
export function toFhirPrenatalVisit(
  row: PrenatalVisitRecord & { pregnancyId: number; patientId: number; patient: ResidentRef },
): Observation {
  return {
    resourceType: 'Observation',
    id: `pv${row.pregnancyId}-${row.visitedOn}`,
    extension: [
      { url: EXT.episodeOfCare, valueReference: pregnancyReference(row.pregnancyId, row.pregnancy) },
    ],
    status: 'final',
    category: [concept(CS.observationCategory, 'exam')],
    code: concept(CS.observation, OC.prenatalVisit, '产前检查 prenatal visit'),
    subject: residentReference(row.patientId, row.patient),
    effectiveDateTime: row.visitedOn,
    ...performer(row.facilityCode),
    ...(row.gestationalWeek !== null
      ? {
          component: [
            {
              code: concept(CS.loinc, LOINC.gestationalAge, 'Gestational age in weeks'),
              valueQuantity: { value: row.gestationalWeek, unit: 'wk', system: CS.ucum, code: 'wk' },
            },
          ],
        }
      : {}),
  };
}

export function toFhirLiveBirth(
  row: LiveBirthRecord & {
    id: number;
    pregnancyId: number | null;
    motherId: number | null;
    childId: number | null;
  },
): Observation {
  return {
    resourceType: 'Observation',
    id: `b${row.id}`,
    identifier: [sourceIdentifier(row.source)],
    ...(row.pregnancyId !== null && row.pregnancy
      ? {
          extension: [
            { url: EXT.episodeOfCare, valueReference: pregnancyReference(row.pregnancyId, row.pregnancy) },
          ],
        }
      : {}),
    status: 'final',
    code: concept(CS.observation, OC.liveBirth, '活产 live birth'),
    ...(row.motherId !== null ? { subject: residentReference(row.motherId, row.mother) } : {}),
    ...(row.childId !== null ? { focus: [residentReference(row.childId, row.child)] } : {}),
    effectiveDateTime: row.birthDate,
    ...performer(row.facilityCode),
    component: [
      {
        code: concept(CS.observation, OC.sex),
        valueCodeableConcept: concept(CS.administrativeGender, row.sex),
      },
      ...(row.birthWeight !== null
        ? [
            {
              code: concept(CS.loinc, LOINC.birthWeight, 'Birth weight Measured'),
              valueQuantity: { value: row.birthWeight, unit: 'g', system: CS.ucum, code: 'g' },
            },
          ]
        : []),
    ],
  };
}
