/**
 * What a FHIR resource becomes before it is written: one store row (or a row and its children) with
 * every reference still a natural key — the writer resolves them in SQL, batch by batch.
 */

/** `(source_system, source_id)`: the natural key of imported rows. */
export interface SourceKey {
  system: string;
  id: string;
}

/** A resident: by resident ID number, or by an identifier in resident_identifiers (system as stored). */
export type ResidentRef = { rid: string } | { system: string; value: string };

interface Base {
  /** The date that must not precede the patient's birth (visits, doses, follow-ups …). */
  notBeforeBirth?: { date: string; field: string };
}

export interface LocationRecord extends Base {
  table: 'regions';
  code: string;
  parentCode: string | null;
  level: 'county' | 'town' | 'village';
  name: string;
  urbanRuralCode: string | null;
}

export interface OrganizationRecord extends Base {
  table: 'facilities';
  code: string;
  name: string;
  type: string;
  ownership: string;
  gradeLevel: number | null;
  gradeClass: string | null;
  primaryCare: boolean;
  regionCode: string | null;
  geriatricsDepartment: boolean;
  tcmServices: boolean;
  openedOn: string | null;
  closedOn: string | null;
}

/** Practitioner: the person; joined with its PractitionerRoles (employments) into staff rows. */
export interface PractitionerRecord extends Base {
  table: 'practitioners';
  key: SourceKey;
  name: string;
  sex: string | null;
  birthDate: string | null;
  licenceNumber: string | null;
}

export interface PractitionerRoleRecord extends Base {
  table: 'staff';
  source: SourceKey;
  practitioner: SourceKey;
  /** Practitioner.display, used when the Practitioner resource is not part of the import. */
  practitionerName: string | null;
  facilityCode: string;
  category: string;
  practiceCategory: string | null;
  gpRegistered: boolean;
  gpCertificate: boolean;
  managementPost: boolean;
  startedOn: string;
  endedOn: string | null;
}

export interface PatientRecord extends Base {
  table: 'residents';
  source: SourceKey;
  residentIdNumber: string | null;
  name: string;
  sex: string;
  birthDate: string | null;
  villageCode: string | null;
  residenceCountyCode: string | null;
  address: string | null;
  resident: boolean;
  registered: boolean;
  phone: string | null;
  deathDate: string | null;
  /** resident_identifiers rows (system as stored: `insurance`, `source:his:…`, or the URI). */
  identifiers: { system: string; value: string }[];
}

export interface EncounterRecord extends Base {
  table: 'encounters';
  source: SourceKey;
  patient: ResidentRef | null;
  patientCountyCode: string | null;
  facilityCode: string | null;
  facilityCountyCode: string | null;
  facilityName: string | null;
  class: string;
  startDate: string;
  endDate: string | null;
  department: string | null;
  diagnoses: { code: string; name: string | null }[];
  totalCost: string | null;
  outOfPocket: string | null;
  lengthOfStay: number | null;
}

export interface RegistrationRecord extends Base {
  table: 'chronic_disease_registrations';
  source: SourceKey;
  patient: ResidentRef;
  disease: string;
  facilityCode: string | null;
  registeredOn: string;
  closedOn: string | null;
  closeReason: string | null;
}

export interface PregnancyRecord extends Base {
  table: 'pregnancies';
  source: SourceKey;
  patient: ResidentRef;
  registeredOn: string | null;
  registrationWeek: number | null;
  deliveryDate: string | null;
  deliveryFacilityCode: string | null;
  hospitalDelivery: boolean | null;
  postpartumVisitOn: string | null;
}

export interface FollowUpRecord extends Base {
  table: 'chronic_disease_follow_ups';
  source: SourceKey;
  registration: SourceKey;
  followedUpOn: string;
  faceToFace: boolean;
  systolic: number | null;
  diastolic: number | null;
  fastingGlucose: string | null;
  controlled: boolean | null;
  facilityCode: string | null;
  doctor: SourceKey | null;
  /** The Encounter it was made in (Observation/Condition/ServiceRequest.encounter), by its source key. */
  encounter: SourceKey | null;
}

export interface CheckupRecord extends Base {
  table: 'health_checkups';
  source: SourceKey;
  patient: ResidentRef;
  programme: string;
  checkedOn: string;
  facilityCode: string | null;
  lifestyleAssessment: boolean;
  physicalExamination: boolean;
  auxiliaryTests: boolean;
  healthGuidance: boolean;
  formComplete: boolean;
  /** The Encounter it was made in (Observation/Condition/ServiceRequest.encounter), by its source key. */
  encounter: SourceKey | null;
}

export interface ChildCheckRecord extends Base {
  table: 'child_health_checks';
  source: SourceKey;
  patient: ResidentRef;
  checkedOn: string;
  facilityCode: string | null;
  eyeScreening: boolean;
  /** The Encounter it was made in (Observation/Condition/ServiceRequest.encounter), by its source key. */
  encounter: SourceKey | null;
}

export interface DeathRecord extends Base {
  table: 'deaths';
  source: SourceKey;
  patient: ResidentRef | null;
  deathDate: string;
  sex: string;
  ageYears: number;
  ageDays: number | null;
  underlyingCauseCode: string | null;
  maternalDeath: boolean;
  residenceRegionCode: string | null;
}

export interface ImmunizationRecord extends Base {
  table: 'immunizations';
  source: SourceKey;
  patient: ResidentRef;
  vaccineCode: string;
  doseNumber: number;
  vaccinatedOn: string;
  facilityCode: string | null;
}

/** The resident's health record (居民电子健康档案): one per resident, keyed by the resident. */
export interface HealthRecordRecord extends Base {
  table: 'health_records';
  patient: ResidentRef;
  recordNumber: string | null;
  facilityCode: string | null;
  doctor: SourceKey | null;
  createdOn: string;
  lastUpdatedOn: string | null;
  lastServiceOn: string | null;
  closedOn: string | null;
  /** The items the personal basic-information sheet holds (has_id_number …), by item code. */
  items: HealthRecordItem[];
}

export const HEALTH_RECORD_ITEMS = [
  'id-number',
  'name',
  'sex',
  'birth-date',
  'address',
  'phone',
  'responsible-doctor',
] as const;
export type HealthRecordItem = (typeof HEALTH_RECORD_ITEMS)[number];

/** An antenatal check (产前检查) of a pregnancy; keyed by the pregnancy and the day. */
export interface PrenatalVisitRecord extends Base {
  table: 'prenatal_visits';
  pregnancy: SourceKey;
  visitedOn: string;
  gestationalWeek: number | null;
  facilityCode: string | null;
}

export interface LiveBirthRecord extends Base {
  table: 'live_births';
  source: SourceKey;
  pregnancy: SourceKey | null;
  mother: ResidentRef | null;
  child: ResidentRef | null;
  birthDate: string;
  sex: string;
  birthWeight: number | null;
  facilityCode: string | null;
}

/** Doses due (应种) for one resident: upserted dose by dose, keyed by (resident, vaccine, dose). */
export interface DueDosesRecord extends Base {
  table: 'immunization_due_doses';
  patient: ResidentRef;
  doses: { vaccineCode: string; doseNumber: number; dueOn: string }[];
}

export interface ContractRecord extends Base {
  table: 'family_doctor_contracts';
  source: SourceKey;
  patient: ResidentRef;
  teamName: string | null;
  doctor: SourceKey | null;
  facilityCode: string | null;
  startOn: string;
  endOn: string;
  cancelledOn: string | null;
  priorityGroups: string[];
  renews: SourceKey | null;
}

export interface ReferralRecord extends Base {
  table: 'referrals';
  source: SourceKey;
  patient: ResidentRef | null;
  fromFacilityCode: string | null;
  toFacilityCode: string | null;
  toFacilityName: string | null;
  direction: string;
  referredOn: string;
  receivedOn: string | null;
  status: string;
  /** The Encounter it was made in (Observation/Condition/ServiceRequest.encounter), by its source key. */
  encounter: SourceKey | null;
}

export interface ReportRecord extends Base {
  table: 'notifiable_disease_reports';
  source: SourceKey;
  patient: ResidentRef | null;
  patientCountyCode: string | null;
  reportingFacilityCode: string | null;
  diseaseCode: string;
  diseaseName: string;
  diseaseClass: string;
  caseClassification: string | null;
  onsetDate: string | null;
  diagnosedOn: string | null;
  reportedAt: string;
  /** The Encounter it was made in (Observation/Condition/ServiceRequest.encounter), by its source key. */
  encounter: SourceKey | null;
}

export type FhirRecord =
  | LocationRecord
  | OrganizationRecord
  | PractitionerRecord
  | PractitionerRoleRecord
  | PatientRecord
  | EncounterRecord
  | RegistrationRecord
  | PregnancyRecord
  | FollowUpRecord
  | CheckupRecord
  | ChildCheckRecord
  | DeathRecord
  | ImmunizationRecord
  | HealthRecordRecord
  | PrenatalVisitRecord
  | LiveBirthRecord
  | DueDosesRecord
  | ContractRecord
  | ReferralRecord
  | ReportRecord;

export type RecordTable = FhirRecord['table'];
