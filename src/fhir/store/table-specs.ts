import {
  HEALTH_RECORD_ITEMS,
  type FhirRecord,
  type HealthRecordRecord,
  type RecordTable,
  type ResidentRef,
  type SourceKey,
} from '../records.js';
import type { PgType } from './sql.js';

/** A reference a record holds, with the FHIRPath that a reject names when it does not resolve. */
export type RecordRef =
  | { kind: 'resident'; ref: ResidentRef; field: string }
  | { kind: 'facility'; code: string; field: string }
  | { kind: 'region'; code: string; field: string }
  | { kind: 'source'; table: string; key: SourceKey; field: string };

/** What the columns read from the resolved references. */
export interface Lookup {
  county: string;
  resident(ref: ResidentRef | null): number | null;
  residentCounty(ref: ResidentRef | null): string | null;
  facility(code: string | null): number | null;
  source(table: string, key: SourceKey | null): number | null;
}

export interface TableSpec<R extends FhirRecord> {
  /** The resource type, for counts (`byType`). */
  resource: string;
  refs(record: R): (RecordRef | null)[];
  /** `row`: which of the record's rows (see `rows`), 0 for a record that is one row. */
  columns: [string, PgType, (record: R, lookup: Lookup, row: number) => unknown][];
  /** Nullable columns a thinner re-import must not erase. */
  keep?: string[];
  /**
   * The unique key (after county_code) of a table without a source key, e.g. health_records by resident;
   * default (source_system, source_id). Rows with the same key in one batch: the last one is written.
   */
  conflict?: string[];
  /** How many rows a record becomes (default 1): a list of due doses writes one row per dose. */
  rows?(record: R): number;
}

type Of<T extends RecordTable> = Extract<FhirRecord, { table: T }>;
type Specs = {
  [T in Exclude<RecordTable, 'regions' | 'residents' | 'practitioners' | 'staff'>]: TableSpec<Of<T>>;
};

const resident = (ref: ResidentRef | null, field: string): RecordRef | null =>
  ref ? { kind: 'resident', ref, field } : null;
const facility = (code: string | null, field: string): RecordRef | null =>
  code ? { kind: 'facility', code, field } : null;
const source = (table: string, key: SourceKey | null, field: string): RecordRef | null =>
  key ? { kind: 'source', table, key, field } : null;
const sourceColumns = <R extends FhirRecord & { source: SourceKey }>(): TableSpec<R>['columns'] => [
  ['source_system', 'text', (r) => r.source.system],
  ['source_id', 'text', (r) => r.source.id],
];

/** The visit a record was made during (FHIR `encounter`), by the visit's source key. */
const encounterColumn = <
  R extends FhirRecord & { encounter: SourceKey | null },
>(): TableSpec<R>['columns'][number] => [
  'encounter_id',
  'bigint',
  (r, l) => l.source('encounters', r.encounter),
];

/** The source-keyed tables, in the order a batch writes them (a table after those it points to). */
export const TABLE_SPECS: Specs = {
  facilities: {
    resource: 'Organization',
    refs: (r) => [
      r.regionCode
        ? { kind: 'region', code: r.regionCode, field: 'Organization.address[0].extension' }
        : null,
    ],
    columns: [
      ['code', 'text', (r) => r.code],
      ['name', 'text', (r) => r.name],
      ['type', 'text', (r) => r.type],
      ['ownership', 'text', (r) => r.ownership],
      ['grade_level', 'int', (r) => r.gradeLevel],
      ['grade_class', 'text', (r) => r.gradeClass],
      ['primary_care', 'bool', (r) => r.primaryCare],
      ['region_code', 'text', (r) => r.regionCode],
      ['geriatrics_department', 'bool', (r) => r.geriatricsDepartment],
      ['tcm_services', 'bool', (r) => r.tcmServices],
      ['opened_on', 'date', (r) => r.openedOn],
      ['closed_on', 'date', (r) => r.closedOn],
    ],
  },
  chronic_disease_registrations: {
    resource: 'EpisodeOfCare',
    refs: (r) => [
      resident(r.patient, 'EpisodeOfCare.patient'),
      facility(r.facilityCode, 'EpisodeOfCare.managingOrganization'),
    ],
    columns: [
      ...sourceColumns(),
      ['resident_id', 'bigint', (r, l) => l.resident(r.patient)],
      ['disease', 'text', (r) => r.disease],
      ['managing_facility_id', 'bigint', (r, l) => l.facility(r.facilityCode)],
      ['registered_on', 'date', (r) => r.registeredOn],
      ['closed_on', 'date', (r) => r.closedOn],
      ['close_reason', 'text', (r) => r.closeReason],
    ],
  },
  pregnancies: {
    resource: 'EpisodeOfCare',
    refs: (r) => [
      resident(r.patient, 'EpisodeOfCare.patient'),
      facility(r.deliveryFacilityCode, 'EpisodeOfCare.extension'),
    ],
    columns: [
      ...sourceColumns(),
      ['resident_id', 'bigint', (r, l) => l.resident(r.patient)],
      ['registered_on', 'date', (r) => r.registeredOn],
      ['registration_week', 'int', (r) => r.registrationWeek],
      ['delivery_date', 'date', (r) => r.deliveryDate],
      ['delivery_facility_id', 'bigint', (r, l) => l.facility(r.deliveryFacilityCode)],
      ['hospital_delivery', 'bool', (r) => r.hospitalDelivery],
      ['postpartum_visit_on', 'date', (r) => r.postpartumVisitOn],
    ],
  },
  family_doctor_contracts: {
    resource: 'CarePlan',
    refs: (r) => [
      resident(r.patient, 'CarePlan.subject'),
      source('staff', r.doctor, 'CarePlan.author'),
      facility(r.facilityCode, 'CarePlan.contributor'),
    ],
    columns: [
      ...sourceColumns(),
      ['resident_id', 'bigint', (r, l) => l.resident(r.patient)],
      ['team_name', 'text', (r) => r.teamName],
      ['doctor_id', 'bigint', (r, l) => l.source('staff', r.doctor)],
      ['facility_id', 'bigint', (r, l) => l.facility(r.facilityCode)],
      ['start_on', 'date', (r) => r.startOn],
      ['end_on', 'date', (r) => r.endOn],
      ['cancelled_on', 'date', (r) => r.cancelledOn],
      ['priority_groups', 'text[]', (r) => r.priorityGroups],
    ],
  },
  encounters: {
    resource: 'Encounter',
    refs: (r) => [
      resident(r.patient, 'Encounter.subject'),
      facility(r.facilityCode, 'Encounter.serviceProvider'),
    ],
    columns: [
      ...sourceColumns(),
      ['resident_id', 'bigint', (r, l) => l.resident(r.patient)],
      ['patient_county_code', 'text', (r, l) => r.patientCountyCode ?? l.residentCounty(r.patient)],
      ['facility_id', 'bigint', (r, l) => l.facility(r.facilityCode)],
      ['facility_county_code', 'text', (r, l) => r.facilityCountyCode ?? l.county],
      ['facility_name', 'text', (r) => r.facilityName],
      ['class', 'text', (r) => r.class],
      ['start_date', 'date', (r) => r.startDate],
      ['end_date', 'date', (r) => r.endDate],
      ['department', 'text', (r) => r.department],
      ['primary_diagnosis_code', 'text', (r) => r.diagnoses[0]?.code ?? null],
      ['total_cost', 'numeric', (r) => r.totalCost],
      ['out_of_pocket', 'numeric', (r) => r.outOfPocket],
      ['length_of_stay', 'int', (r) => r.lengthOfStay],
    ],
  },
  chronic_disease_follow_ups: {
    resource: 'Observation',
    refs: (r) => [
      source('chronic_disease_registrations', r.registration, 'Observation.extension'),
      facility(r.facilityCode, 'Observation.performer'),
      source('staff', r.doctor, 'Observation.performer'),
      source('encounters', r.encounter, 'Observation.encounter'),
    ],
    columns: [
      ...sourceColumns(),
      ['registration_id', 'bigint', (r, l) => l.source('chronic_disease_registrations', r.registration)],
      ['followed_up_on', 'date', (r) => r.followedUpOn],
      ['face_to_face', 'bool', (r) => r.faceToFace],
      ['systolic', 'int', (r) => r.systolic],
      ['diastolic', 'int', (r) => r.diastolic],
      ['fasting_glucose', 'numeric', (r) => r.fastingGlucose],
      ['controlled', 'bool', (r) => r.controlled],
      ['facility_id', 'bigint', (r, l) => l.facility(r.facilityCode)],
      ['doctor_id', 'bigint', (r, l) => l.source('staff', r.doctor)],
      encounterColumn(),
    ],
  },
  health_checkups: {
    resource: 'Observation',
    refs: (r) => [
      resident(r.patient, 'Observation.subject'),
      facility(r.facilityCode, 'Observation.performer'),
      source('encounters', r.encounter, 'Observation.encounter'),
    ],
    columns: [
      ...sourceColumns(),
      ['resident_id', 'bigint', (r, l) => l.resident(r.patient)],
      ['programme', 'text', (r) => r.programme],
      ['checked_on', 'date', (r) => r.checkedOn],
      ['facility_id', 'bigint', (r, l) => l.facility(r.facilityCode)],
      ['lifestyle_assessment', 'bool', (r) => r.lifestyleAssessment],
      ['physical_examination', 'bool', (r) => r.physicalExamination],
      ['auxiliary_tests', 'bool', (r) => r.auxiliaryTests],
      ['health_guidance', 'bool', (r) => r.healthGuidance],
      ['form_complete', 'bool', (r) => r.formComplete],
      encounterColumn(),
    ],
  },
  child_health_checks: {
    resource: 'Observation',
    refs: (r) => [
      resident(r.patient, 'Observation.subject'),
      facility(r.facilityCode, 'Observation.performer'),
      source('encounters', r.encounter, 'Observation.encounter'),
    ],
    columns: [
      ...sourceColumns(),
      ['resident_id', 'bigint', (r, l) => l.resident(r.patient)],
      ['checked_on', 'date', (r) => r.checkedOn],
      ['facility_id', 'bigint', (r, l) => l.facility(r.facilityCode)],
      ['eye_screening', 'bool', (r) => r.eyeScreening],
      encounterColumn(),
    ],
  },
  health_records: {
    resource: 'Composition',
    conflict: ['resident_id'],
    refs: (r) => [
      resident(r.patient, 'Composition.subject'),
      facility(r.facilityCode, 'Composition.custodian'),
      source('staff', r.doctor, 'Composition.author'),
    ],
    columns: [
      ['resident_id', 'bigint', (r, l) => l.resident(r.patient)],
      ['record_number', 'text', (r) => r.recordNumber],
      ['managing_facility_id', 'bigint', (r, l) => l.facility(r.facilityCode)],
      ['responsible_doctor_id', 'bigint', (r, l) => l.source('staff', r.doctor)],
      ['created_on', 'date', (r) => r.createdOn],
      ['last_updated_on', 'date', (r) => r.lastUpdatedOn],
      ['last_service_on', 'date', (r) => r.lastServiceOn],
      ['closed_on', 'date', (r) => r.closedOn],
      ...HEALTH_RECORD_ITEMS.map((item): TableSpec<HealthRecordRecord>['columns'][number] => [
        `has_${item.replace(/-/g, '_')}`,
        'bool',
        (r) => r.items.includes(item),
      ]),
    ],
  },
  prenatal_visits: {
    resource: 'Observation',
    conflict: ['pregnancy_id', 'visited_on'],
    refs: (r) => [
      source('pregnancies', r.pregnancy, 'Observation.extension'),
      facility(r.facilityCode, 'Observation.performer'),
    ],
    columns: [
      ['pregnancy_id', 'bigint', (r, l) => l.source('pregnancies', r.pregnancy)],
      ['visited_on', 'date', (r) => r.visitedOn],
      ['gestational_week', 'int', (r) => r.gestationalWeek],
      ['facility_id', 'bigint', (r, l) => l.facility(r.facilityCode)],
    ],
  },
  live_births: {
    resource: 'Observation',
    // The mother first: her birth is the date the live birth must not precede.
    refs: (r) => [
      resident(r.mother, 'Observation.subject'),
      resident(r.child, 'Observation.focus[0]'),
      source('pregnancies', r.pregnancy, 'Observation.extension'),
      facility(r.facilityCode, 'Observation.performer'),
    ],
    columns: [
      ...sourceColumns(),
      ['pregnancy_id', 'bigint', (r, l) => l.source('pregnancies', r.pregnancy)],
      ['mother_resident_id', 'bigint', (r, l) => l.resident(r.mother)],
      ['child_resident_id', 'bigint', (r, l) => l.resident(r.child)],
      ['birth_date', 'date', (r) => r.birthDate],
      ['sex', 'text', (r) => r.sex],
      ['birth_weight', 'int', (r) => r.birthWeight],
      ['facility_id', 'bigint', (r, l) => l.facility(r.facilityCode)],
    ],
  },
  immunizations: {
    resource: 'Immunization',
    refs: (r) => [
      resident(r.patient, 'Immunization.patient'),
      facility(r.facilityCode, 'Immunization.performer[0].actor'),
    ],
    columns: [
      ...sourceColumns(),
      ['resident_id', 'bigint', (r, l) => l.resident(r.patient)],
      ['vaccine_code', 'text', (r) => r.vaccineCode],
      ['dose_number', 'int', (r) => r.doseNumber],
      ['vaccinated_on', 'date', (r) => r.vaccinatedOn],
      ['facility_id', 'bigint', (r, l) => l.facility(r.facilityCode)],
    ],
  },
  immunization_due_doses: {
    resource: 'ImmunizationRecommendation',
    conflict: ['resident_id', 'vaccine_code', 'dose_number'],
    rows: (r) => r.doses.length,
    refs: (r) => [resident(r.patient, 'ImmunizationRecommendation.patient')],
    columns: [
      ['resident_id', 'bigint', (r, l) => l.resident(r.patient)],
      ['vaccine_code', 'text', (r, _, i) => r.doses[i]!.vaccineCode],
      ['dose_number', 'int', (r, _, i) => r.doses[i]!.doseNumber],
      ['due_on', 'date', (r, _, i) => r.doses[i]!.dueOn],
    ],
  },
  referrals: {
    resource: 'ServiceRequest',
    refs: (r) => [
      resident(r.patient, 'ServiceRequest.subject'),
      facility(r.fromFacilityCode, 'ServiceRequest.requester'),
      facility(r.toFacilityCode, 'ServiceRequest.performer[0]'),
      source('encounters', r.encounter, 'ServiceRequest.encounter'),
    ],
    columns: [
      ...sourceColumns(),
      ['resident_id', 'bigint', (r, l) => l.resident(r.patient)],
      ['from_facility_id', 'bigint', (r, l) => l.facility(r.fromFacilityCode)],
      ['to_facility_id', 'bigint', (r, l) => l.facility(r.toFacilityCode)],
      ['to_facility_name', 'text', (r) => r.toFacilityName],
      ['direction', 'text', (r) => r.direction],
      ['referred_on', 'date', (r) => r.referredOn],
      ['received_on', 'date', (r) => r.receivedOn],
      ['status', 'text', (r) => r.status],
      encounterColumn(),
    ],
  },
  notifiable_disease_reports: {
    resource: 'Condition',
    refs: (r) => [
      resident(r.patient, 'Condition.subject'),
      facility(r.reportingFacilityCode, 'Condition.extension'),
      source('encounters', r.encounter, 'Condition.encounter'),
    ],
    columns: [
      ...sourceColumns(),
      ['resident_id', 'bigint', (r, l) => l.resident(r.patient)],
      ['patient_county_code', 'text', (r, l) => r.patientCountyCode ?? l.residentCounty(r.patient)],
      ['reporting_facility_id', 'bigint', (r, l) => l.facility(r.reportingFacilityCode)],
      ['disease_code', 'text', (r) => r.diseaseCode],
      ['disease_name', 'text', (r) => r.diseaseName],
      ['disease_class', 'text', (r) => r.diseaseClass],
      ['case_classification', 'text', (r) => r.caseClassification],
      ['onset_date', 'date', (r) => r.onsetDate],
      ['diagnosed_on', 'date', (r) => r.diagnosedOn],
      ['reported_at', 'timestamptz', (r) => r.reportedAt],
      encounterColumn(),
    ],
  },
  deaths: {
    resource: 'Observation',
    refs: (r) => [resident(r.patient, 'Observation.subject')],
    columns: [
      ...sourceColumns(),
      ['resident_id', 'bigint', (r, l) => l.resident(r.patient)],
      ['death_date', 'date', (r) => r.deathDate],
      ['sex', 'text', (r) => r.sex],
      ['age_years', 'int', (r) => r.ageYears],
      ['age_days', 'int', (r) => r.ageDays],
      ['underlying_cause_code', 'text', (r) => r.underlyingCauseCode],
      ['maternal_death', 'bool', (r) => r.maternalDeath],
      ['residence_region_code', 'text', (r) => r.residenceRegionCode],
    ],
  },
};
