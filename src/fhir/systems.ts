/**
 * The URIs Weijian writes and reads in FHIR resources (docs/fhir-mapping.md lists them with examples).
 * Weijian's own CodeSystems, identifier systems and extensions live under one canonical base, so a later
 * registration (a national IG, a real domain) changes one constant. Standard systems are used where one
 * exists: LOINC for measurements, ICD-10 for diagnoses, HL7 terminology for classes and categories.
 */
export const BASE = 'https://weijian.org/fhir';

/** Identifier systems. The resident ID number (公民身份号码, GB 11643) is the master patient key. */
export const SID = {
  residentId: `${BASE}/sid/resident-id`,
  insurance: `${BASE}/sid/insurance`,
  passport: `${BASE}/sid/passport`,
  healthCard: `${BASE}/sid/health-card`,
  facilityCode: `${BASE}/sid/facility-code`,
  regionCode: `${BASE}/sid/region-code`,
  licence: `${BASE}/sid/practitioner-licence`,
  recordNumber: `${BASE}/sid/health-record-number`,
} as const;

/**
 * A record's id in its source system, `(source_system, source_id)` in the store, as an Identifier:
 * system `urn:weijian:source:<source_system>`, value the source id. The prefix keeps any source_system
 * text (`his:320612-001`) a valid URI.
 */
export const SOURCE_PREFIX = 'urn:weijian:source:';

/** `resident_identifiers.system` ↔ Identifier.system for the identifiers the platform names. */
export const RESIDENT_IDENTIFIER_SYSTEMS: Record<string, string> = {
  insurance: SID.insurance,
  passport: SID.passport,
  health_card: SID.healthCard,
};

export const CS = {
  facilityType: `${BASE}/CodeSystem/facility-type`,
  ownership: `${BASE}/CodeSystem/facility-ownership`,
  grade: `${BASE}/CodeSystem/facility-grade`,
  staffCategory: `${BASE}/CodeSystem/staff-category`,
  practiceCategory: `${BASE}/CodeSystem/practice-category`,
  regionLevel: `${BASE}/CodeSystem/region-level`,
  urbanRural: `${BASE}/CodeSystem/urban-rural`,
  episodeType: `${BASE}/CodeSystem/episode-type`,
  observation: `${BASE}/CodeSystem/observation`,
  checkupProgramme: `${BASE}/CodeSystem/checkup-programme`,
  priorityGroup: `${BASE}/CodeSystem/priority-group`,
  vaccine: `${BASE}/CodeSystem/vaccine`,
  notifiableDisease: `${BASE}/CodeSystem/notifiable-disease`,
  diseaseClass: `${BASE}/CodeSystem/disease-class`,
  caseClassification: `${BASE}/CodeSystem/case-classification`,
  referralDirection: `${BASE}/CodeSystem/referral-direction`,
  conditionCategory: `${BASE}/CodeSystem/condition-category`,
  carePlanCategory: `${BASE}/CodeSystem/care-plan-category`,
  referralStatus: `${BASE}/CodeSystem/referral-status`,
  documentType: `${BASE}/CodeSystem/document-type`,
  recordSection: `${BASE}/CodeSystem/health-record-section`,
  recordItem: `${BASE}/CodeSystem/health-record-item`,
  recommendationStatus: 'http://terminology.hl7.org/CodeSystem/immunization-recommendation-status',
  administrativeGender: 'http://hl7.org/fhir/administrative-gender',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  practitionerRole: 'http://terminology.hl7.org/CodeSystem/practitioner-role',
  diagnosisRole: 'http://terminology.hl7.org/CodeSystem/diagnosis-role',
} as const;

export const EXT = {
  /** On Address: the 12-digit village (or 6-digit county) code of the address. */
  regionCode: `${BASE}/StructureDefinition/address-region-code`,
  /** On Patient: 常住 (lives in the county ≥ 6 months) and 户籍 (household registration). */
  resident: `${BASE}/StructureDefinition/resident`,
  registered: `${BASE}/StructureDefinition/registered`,
  /** On Organization: the flags of the facilities table. */
  primaryCare: `${BASE}/StructureDefinition/primary-care`,
  geriatrics: `${BASE}/StructureDefinition/geriatrics-department`,
  tcmServices: `${BASE}/StructureDefinition/tcm-services`,
  /** On Organization (R4 has no period there): opening and closing dates. */
  openedOn: `${BASE}/StructureDefinition/opened-on`,
  closedOn: `${BASE}/StructureDefinition/closed-on`,
  /** On PractitionerRole: GP registration / certificate and a management post. */
  gpRegistered: `${BASE}/StructureDefinition/gp-registered`,
  gpCertificate: `${BASE}/StructureDefinition/gp-certificate`,
  managementPost: `${BASE}/StructureDefinition/management-post`,
  /** On EpisodeOfCare (pregnancy): gestational week at registration, delivery, postpartum visit. */
  registrationWeek: `${BASE}/StructureDefinition/registration-gestational-week`,
  deliveryDate: `${BASE}/StructureDefinition/delivery-date`,
  deliveryFacility: `${BASE}/StructureDefinition/delivery-facility`,
  hospitalDelivery: `${BASE}/StructureDefinition/hospital-delivery`,
  postpartumVisit: `${BASE}/StructureDefinition/postpartum-visit`,
  closeReason: `${BASE}/StructureDefinition/close-reason`,
  /** On ServiceRequest (referral): the referral's own status and the date the other side received it. */
  referralStatus: `${BASE}/StructureDefinition/referral-status`,
  receivedOn: `${BASE}/StructureDefinition/received-on`,
  /** On CarePlan (family-doctor contract): team name and cancellation date. */
  teamName: `${BASE}/StructureDefinition/team-name`,
  cancelledOn: `${BASE}/StructureDefinition/cancelled-on`,
  /** On Condition (notifiable disease report). */
  caseClassification: `${BASE}/StructureDefinition/case-classification`,
  diagnosedOn: `${BASE}/StructureDefinition/diagnosed-on`,
  reportingFacility: `${BASE}/StructureDefinition/reporting-facility`,
  patientCounty: `${BASE}/StructureDefinition/patient-county`,
  /** On Encounter: costs in yuan and the out-of-county facility. */
  totalCost: `${BASE}/StructureDefinition/total-cost`,
  outOfPocket: `${BASE}/StructureDefinition/out-of-pocket`,
  facilityCounty: `${BASE}/StructureDefinition/facility-county`,
  /** On Composition (health record): the last service entered and the items the basic-information sheet holds. */
  lastServiceOn: `${BASE}/StructureDefinition/last-service-on`,
  recordedItem: `${BASE}/StructureDefinition/recorded-item`,
  /** HL7's R4 extension that ties a resource to its EpisodeOfCare (follow-up → registration). */
  episodeOfCare: 'http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare',
} as const;

/** LOINC codes of the measurements kept in follow-ups and deaths. */
export const LOINC = {
  bpPanel: '85354-9',
  systolic: '8480-6',
  diastolic: '8462-4',
  /** Fasting glucose [Moles/volume] in Serum or Plasma: the store keeps mmol/L. */
  fastingGlucose: '14771-0',
  causeOfDeath: '69453-9',
  /** Gestational age in weeks (prenatal visits). */
  gestationalAge: '49051-6',
  /** Birth weight Measured, grams (live births). */
  birthWeight: '8339-4',
  /** Date vaccine due (ImmunizationRecommendation.dateCriterion). */
  dateVaccineDue: '30980-7',
  ageAtDeath: '39016-1',
} as const;

/** Weijian observation codes (CS.observation) for record types that LOINC has no single code for. */
export const OBSERVATION_CODES = {
  followUp: 'chronic-disease-follow-up',
  faceToFace: 'face-to-face',
  controlled: 'controlled',
  checkup: 'health-checkup',
  childCheck: 'child-health-check',
  eyeScreening: 'eye-screening',
  lifestyle: 'lifestyle-assessment',
  physical: 'physical-examination',
  auxiliary: 'auxiliary-tests',
  guidance: 'health-guidance',
  formComplete: 'form-complete',
  sex: 'sex',
  maternalDeath: 'maternal-death',
  residence: 'residence-region',
  prenatalVisit: 'prenatal-visit',
  liveBirth: 'live-birth',
} as const;
