/**
 * The columns the generator writes, per table, in COPY order; the table order is the load order (parents
 * before children). `county_code` is always first.
 */
export const TABLES = {
  regions: ['county_code', 'code', 'parent_code', 'level', 'name', 'urban_rural_code'],
  facilities: [
    'county_code', 'id', 'code', 'name', 'type', 'ownership', 'grade_level', 'grade_class', 'primary_care',
    'region_code', 'geriatrics_department', 'tcm_services', 'opened_on', 'closed_on',
  ],
  facility_beds: ['county_code', 'facility_id', 'year', 'beds', 'approved_beds'],
  staff: [
    'county_code', 'id', 'source_system', 'source_id', 'facility_id', 'name', 'sex', 'birth_date',
    'licence_number', 'category', 'practice_category', 'gp_registered', 'gp_certificate', 'management_post',
    'started_on', 'ended_on',
  ],
  residents: [
    'county_code', 'id', 'resident_id_number', 'name', 'sex', 'birth_date', 'residence_village_code',
    'residence_county_code', 'address', 'resident', 'registered', 'phone', 'death_date', 'merged_into_id',
    'created_at', 'updated_at',
  ],
  resident_identifiers: ['county_code', 'system', 'value', 'resident_id'],
  resident_match_candidates: [
    'county_code', 'resident_id', 'other_resident_id', 'rule', 'score', 'status', 'created_at', 'decided_at',
    'decided_by',
  ],
  health_records: [
    'county_code', 'id', 'resident_id', 'record_number', 'managing_facility_id', 'responsible_doctor_id',
    'created_on', 'last_updated_on', 'last_service_on', 'closed_on', 'has_id_number', 'has_name', 'has_sex',
    'has_birth_date', 'has_address', 'has_phone', 'has_responsible_doctor',
  ],
  encounters: [
    'county_code', 'id', 'source_system', 'source_id', 'resident_id', 'patient_county_code', 'facility_id',
    'facility_county_code', 'facility_name', 'class', 'start_date', 'end_date', 'department',
    'primary_diagnosis_code', 'total_cost', 'out_of_pocket', 'length_of_stay',
  ],
  encounter_diagnoses: ['county_code', 'encounter_id', 'position', 'code', 'name'],
  referrals: [
    'county_code', 'id', 'source_system', 'source_id', 'resident_id', 'from_facility_id', 'to_facility_id',
    'to_facility_name', 'direction', 'referred_on', 'received_on', 'status',
  ],
  chronic_disease_registrations: [
    'county_code', 'id', 'source_system', 'source_id', 'resident_id', 'disease', 'managing_facility_id',
    'registered_on', 'closed_on', 'close_reason',
  ],
  chronic_disease_follow_ups: [
    'county_code', 'id', 'source_system', 'source_id', 'registration_id', 'followed_up_on', 'face_to_face',
    'systolic', 'diastolic', 'fasting_glucose', 'controlled', 'facility_id', 'doctor_id',
  ],
  health_checkups: [
    'county_code', 'id', 'source_system', 'source_id', 'resident_id', 'programme', 'checked_on', 'facility_id',
    'lifestyle_assessment', 'physical_examination', 'auxiliary_tests', 'health_guidance', 'form_complete',
  ],
  child_health_checks: [
    'county_code', 'id', 'source_system', 'source_id', 'resident_id', 'checked_on', 'facility_id',
    'eye_screening',
  ],
  pregnancies: [
    'county_code', 'id', 'source_system', 'source_id', 'resident_id', 'registered_on', 'registration_week',
    'delivery_date', 'delivery_facility_id', 'hospital_delivery', 'postpartum_visit_on',
  ],
  prenatal_visits: ['county_code', 'pregnancy_id', 'visited_on', 'gestational_week', 'facility_id'],
  live_births: [
    'county_code', 'id', 'source_system', 'source_id', 'pregnancy_id', 'mother_resident_id',
    'child_resident_id', 'birth_date', 'sex', 'birth_weight', 'facility_id',
  ],
  immunizations: [
    'county_code', 'id', 'source_system', 'source_id', 'resident_id', 'vaccine_code', 'dose_number',
    'vaccinated_on', 'facility_id',
  ],
  immunization_due_doses: ['county_code', 'resident_id', 'vaccine_code', 'dose_number', 'due_on'],
  family_doctor_contracts: [
    'county_code', 'id', 'source_system', 'source_id', 'resident_id', 'team_name', 'doctor_id', 'facility_id',
    'start_on', 'end_on', 'cancelled_on', 'priority_groups', 'renews_contract_id',
  ],
  notifiable_disease_reports: [
    'county_code', 'id', 'source_system', 'source_id', 'resident_id', 'patient_county_code',
    'reporting_facility_id', 'disease_code', 'disease_name', 'disease_class', 'case_classification',
    'onset_date', 'diagnosed_on', 'reported_at',
  ],
  deaths: [
    'county_code', 'id', 'source_system', 'source_id', 'resident_id', 'death_date', 'sex', 'age_years',
    'age_days', 'underlying_cause_code', 'maternal_death', 'residence_region_code',
  ],
  population: ['county_code', 'region_code', 'year', 'basis', 'sex', 'age_group', 'year_end', 'mid_year'],
  childcare_places: ['county_code', 'region_code', 'year', 'places'],
} as const; // prettier-ignore

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Tables whose `id` the generator assigns (their identity sequences are set after the load). */
export const ID_TABLES = TABLE_NAMES.filter((t) => (TABLES[t] as readonly string[]).includes('id'));

/** A value as COPY text writes it: null → \N, booleans → t/f, arrays → {a,b}. */
export type Value = string | number | boolean | null | readonly string[];
