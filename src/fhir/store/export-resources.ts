import type { Resource } from '@medplum/fhirtypes';
import { toFhirCarePlan } from '../care-plan.js';
import { toFhirHealthRecord } from '../composition.js';
import { toFhirCondition } from '../condition.js';
import { toFhirEncounter } from '../encounter.js';
import { toFhirPregnancy, toFhirRegistration } from '../episode-of-care.js';
import { toFhirImmunization } from '../immunization.js';
import { toFhirDueDoses } from '../immunization-recommendation.js';
import { toFhirLocation } from '../location.js';
import { toFhirDeath } from '../observation-death.js';
import { toFhirCheckup, toFhirChildCheck, toFhirFollowUp } from '../observation.js';
import { toFhirLiveBirth, toFhirPrenatalVisit } from '../observation-maternal.js';
import { toFhirOrganization } from '../organization.js';
import { toFhirPatient } from '../patient.js';
import { toFhirPractitioner } from '../practitioner.js';
import { toFhirPractitionerRole } from '../practitioner-role.js';
import { toFhirServiceRequest } from '../service-request.js';
import { EXPORT_QUERIES, type ExportTable } from './export-queries.js';
import type { Sql } from './sql.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- rows are shaped by the SQL aliases of export-queries.ts */
type Row = any;

/** Which resources each table becomes, in the order the files are written (= the order import needs). */
export const EXPORTS: { table: ExportTable; resources: [string, (row: Row) => Resource][] }[] = [
  { table: 'regions', resources: [['Location', toFhirLocation]] },
  { table: 'facilities', resources: [['Organization', toFhirOrganization]] },
  {
    table: 'staff',
    resources: [
      ['Practitioner', toFhirPractitioner],
      ['PractitionerRole', toFhirPractitionerRole],
    ],
  },
  { table: 'residents', resources: [['Patient', toFhirPatient]] },
  { table: 'health_records', resources: [['Composition', toFhirHealthRecord]] },
  { table: 'chronic_disease_registrations', resources: [['EpisodeOfCare', toFhirRegistration]] },
  { table: 'pregnancies', resources: [['EpisodeOfCare', toFhirPregnancy]] },
  { table: 'family_doctor_contracts', resources: [['CarePlan', toFhirCarePlan]] },
  { table: 'encounters', resources: [['Encounter', toFhirEncounter]] },
  { table: 'chronic_disease_follow_ups', resources: [['Observation', toFhirFollowUp]] },
  { table: 'health_checkups', resources: [['Observation', toFhirCheckup]] },
  { table: 'child_health_checks', resources: [['Observation', toFhirChildCheck]] },
  { table: 'deaths', resources: [['Observation', toFhirDeath]] },
  { table: 'prenatal_visits', resources: [['Observation', toFhirPrenatalVisit]] },
  { table: 'live_births', resources: [['Observation', toFhirLiveBirth]] },
  { table: 'immunizations', resources: [['Immunization', toFhirImmunization]] },
  { table: 'immunization_due_doses', resources: [['ImmunizationRecommendation', toFhirDueDoses]] },
  { table: 'referrals', resources: [['ServiceRequest', toFhirServiceRequest]] },
  { table: 'notifiable_disease_reports', resources: [['Condition', toFhirCondition]] },
];

/** The ids and counts of a row come back as text from node-postgres (bigint): numbers for the mappers. */
const ID_KEYS = [
  'id',
  'patientId',
  'doctorId',
  'registrationId',
  'renewsId',
  'pregnancyId',
  'motherId',
  'childId',
  'encounterId',
];

/** A table's rows, page by page (bounded memory), as FHIR resources with their type. */
export async function* exportTable(
  sql: Sql,
  county: string,
  table: ExportTable,
  pageSize = 5000,
): AsyncGenerator<[string, Resource][]> {
  const spec = EXPORTS.find((e) => e.table === table)!;
  let after: string | number = table === 'regions' ? '' : 0;
  for (;;) {
    const rows = await sql.query<Row>(EXPORT_QUERIES[table], [county, after, pageSize]);
    if (!rows.length) return;
    // Tables without a row id page by a `cursor` the query builds from their key.
    const last = rows[rows.length - 1];
    after = last.cursor ?? last.id;
    yield rows.flatMap((row: Row) => {
      if (table !== 'regions') for (const key of ID_KEYS) if (row[key] != null) row[key] = Number(row[key]);
      return spec.resources.map(([type, toFhir]) => [type, toFhir(row)] as [string, Resource]);
    });
    if (rows.length < pageSize) return;
  }
}
