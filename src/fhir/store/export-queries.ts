/*
 * The SELECTs of the FHIR export, one per table, shaped as the records of ../records.ts (camelCase
 * aliases, dates as text). Each is paged by id (`t.id > $2 … limit $3`) so an export streams. A reference
 * to a resident carries its natural key: the ID number, else its first identifier (source ids first).
 */

const source = `json_build_object('system', t.source_system, 'id', t.source_id) as source`;

export const residentRefOf = (column: string) => `(
  select case when r.resident_id_number is not null then json_build_object('rid', r.resident_id_number)
    else (select json_build_object('system', i.system, 'value', i.value) from resident_identifiers i
          where i.county_code = r.county_code and i.resident_id = r.id
          order by i.system like 'source:%' desc, i.system, i.value limit 1) end
  from residents r where r.county_code = t.county_code and r.id = ${column})`;

const facilityCode = (column: string) =>
  `(select f.code from facilities f where f.county_code = t.county_code and f.id = ${column})`;
const sourceOf = (table: string, column: string) =>
  `(select json_build_object('system', x.source_system, 'id', x.source_id) from ${table} x where x.county_code = t.county_code and x.id = ${column})`;

/** The visit a record was made during (FHIR `encounter`): its id and its source key. */
const encounter = `t.encounter_id as "encounterId", ${sourceOf('encounters', 't.encounter_id')} as encounter`;

const page = (table: string, columns: string) =>
  `select t.id, ${columns} from ${table} t where t.county_code = $1 and t.id > $2 order by t.id limit $3`;

export const EXPORT_QUERIES = {
  regions: `select code as id, code, parent_code as "parentCode", level, name, urban_rural_code as "urbanRuralCode"
    from regions t where county_code = $1 and code > $2::text order by code limit $3`,
  facilities: page(
    'facilities',
    `t.code, t.name, t.type, t.ownership, t.grade_level as "gradeLevel", t.grade_class as "gradeClass",
     t.primary_care as "primaryCare", t.region_code as "regionCode", t.geriatrics_department as "geriatricsDepartment",
     t.tcm_services as "tcmServices", t.opened_on::text as "openedOn", t.closed_on::text as "closedOn"`,
  ),
  staff: page(
    'staff',
    `${source}, t.name, t.name as "practitionerName", t.sex, t.birth_date::text as "birthDate",
     t.licence_number as "licenceNumber", ${facilityCode('t.facility_id')} as "facilityCode", t.category,
     t.practice_category as "practiceCategory", t.gp_registered as "gpRegistered", t.gp_certificate as "gpCertificate",
     t.management_post as "managementPost", t.started_on::text as "startedOn", t.ended_on::text as "endedOn"`,
  ),
  residents: `select t.id, t.resident_id_number as "residentIdNumber", t.name, t.sex, t.birth_date::text as "birthDate",
     t.residence_village_code as "villageCode", t.residence_county_code as "residenceCountyCode", t.address,
     t.resident, t.registered, t.phone, t.death_date::text as "deathDate",
     coalesce((select json_agg(json_build_object('system', i.system, 'value', i.value) order by i.system, i.value)
       from resident_identifiers i where i.county_code = t.county_code and i.resident_id = t.id), '[]') as identifiers
    from residents t where t.county_code = $1 and t.id > $2 and t.merged_into_id is null order by t.id limit $3`,
  chronic_disease_registrations: page(
    'chronic_disease_registrations',
    `${source}, t.resident_id as "patientId", ${residentRefOf('t.resident_id')} as patient, t.disease,
     ${facilityCode('t.managing_facility_id')} as "facilityCode", t.registered_on::text as "registeredOn",
     t.closed_on::text as "closedOn", t.close_reason as "closeReason"`,
  ),
  pregnancies: page(
    'pregnancies',
    `${source}, t.resident_id as "patientId", ${residentRefOf('t.resident_id')} as patient,
     t.registered_on::text as "registeredOn", t.registration_week as "registrationWeek", t.delivery_date::text as "deliveryDate",
     ${facilityCode('t.delivery_facility_id')} as "deliveryFacilityCode", t.hospital_delivery as "hospitalDelivery",
     t.postpartum_visit_on::text as "postpartumVisitOn"`,
  ),
  health_records: page(
    'health_records',
    `t.resident_id as "patientId", ${residentRefOf('t.resident_id')} as patient, t.record_number as "recordNumber",
     ${facilityCode('t.managing_facility_id')} as "facilityCode", t.responsible_doctor_id as "doctorId",
     ${sourceOf('staff', 't.responsible_doctor_id')} as "doctorSource", t.created_on::text as "createdOn",
     t.last_updated_on::text as "lastUpdatedOn", t.last_service_on::text as "lastServiceOn", t.closed_on::text as "closedOn",
     array_remove(array[case when t.has_id_number then 'id-number' end, case when t.has_name then 'name' end,
       case when t.has_sex then 'sex' end, case when t.has_birth_date then 'birth-date' end,
       case when t.has_address then 'address' end, case when t.has_phone then 'phone' end,
       case when t.has_responsible_doctor then 'responsible-doctor' end], null) as items`,
  ),
  // No row id: paged by the primary key (pregnancy, day), the cursor being "pregnancy_id|visited_on".
  prenatal_visits: `select t.pregnancy_id || '|' || t.visited_on as cursor, t.pregnancy_id as "pregnancyId",
     ${sourceOf('pregnancies', 't.pregnancy_id')} as pregnancy,
     (select g.resident_id from pregnancies g where g.county_code = t.county_code and g.id = t.pregnancy_id) as "patientId",
     (select ${residentRefOf('g.resident_id')} from pregnancies g where g.county_code = t.county_code and g.id = t.pregnancy_id) as patient,
     t.visited_on::text as "visitedOn", t.gestational_week as "gestationalWeek", ${facilityCode('t.facility_id')} as "facilityCode"
    from prenatal_visits t where t.county_code = $1
     and (t.pregnancy_id, t.visited_on) > (split_part($2::text, '|', 1)::bigint, coalesce(nullif(split_part($2::text, '|', 2), ''), '-infinity')::date)
    order by t.pregnancy_id, t.visited_on limit $3`,
  live_births: page(
    'live_births',
    `${source}, t.pregnancy_id as "pregnancyId", ${sourceOf('pregnancies', 't.pregnancy_id')} as pregnancy,
     t.mother_resident_id as "motherId", ${residentRefOf('t.mother_resident_id')} as mother,
     t.child_resident_id as "childId", ${residentRefOf('t.child_resident_id')} as child, t.birth_date::text as "birthDate",
     t.sex, t.birth_weight as "birthWeight", ${facilityCode('t.facility_id')} as "facilityCode"`,
  ),
  family_doctor_contracts: page(
    'family_doctor_contracts',
    `${source}, t.resident_id as "patientId", ${residentRefOf('t.resident_id')} as patient, t.team_name as "teamName",
     t.doctor_id as "doctorId", ${sourceOf('staff', 't.doctor_id')} as "doctorSource",
     ${facilityCode('t.facility_id')} as "facilityCode", t.start_on::text as "startOn", t.end_on::text as "endOn",
     t.cancelled_on::text as "cancelledOn", t.priority_groups as "priorityGroups",
     t.renews_contract_id as "renewsId", ${sourceOf('family_doctor_contracts', 't.renews_contract_id')} as renews`,
  ),
  encounters: page(
    'encounters',
    `${source}, t.resident_id as "patientId", ${residentRefOf('t.resident_id')} as patient,
     t.patient_county_code as "patientCountyCode", ${facilityCode('t.facility_id')} as "facilityCode",
     case when t.facility_id is null then t.facility_county_code end as "facilityCountyCode", t.facility_name as "facilityName",
     t.class, t.start_date::text as "startDate", t.end_date::text as "endDate", t.department,
     coalesce((select json_agg(json_build_object('code', d.code, 'name', d.name) order by d.position) from encounter_diagnoses d
       where d.county_code = t.county_code and d.encounter_id = t.id), '[]') as diagnoses,
     t.total_cost::text as "totalCost", t.out_of_pocket::text as "outOfPocket", t.length_of_stay as "lengthOfStay"`,
  ),
  chronic_disease_follow_ups: page(
    'chronic_disease_follow_ups',
    `${source}, t.registration_id as "registrationId", ${sourceOf('chronic_disease_registrations', 't.registration_id')} as registration,
     (select g.resident_id from chronic_disease_registrations g where g.county_code = t.county_code and g.id = t.registration_id) as "patientId",
     (select ${residentRefOf('g.resident_id')} from chronic_disease_registrations g where g.county_code = t.county_code and g.id = t.registration_id) as patient,
     t.followed_up_on::text as "followedUpOn", t.face_to_face as "faceToFace", t.systolic, t.diastolic,
     t.fasting_glucose::text as "fastingGlucose", t.controlled, ${facilityCode('t.facility_id')} as "facilityCode",
     t.doctor_id as "doctorId", ${sourceOf('staff', 't.doctor_id')} as "doctorSource",
     ${encounter}`,
  ),
  health_checkups: page(
    'health_checkups',
    `${source}, t.resident_id as "patientId", ${residentRefOf('t.resident_id')} as patient, t.programme,
     t.checked_on::text as "checkedOn", ${facilityCode('t.facility_id')} as "facilityCode",
     t.lifestyle_assessment as "lifestyleAssessment", t.physical_examination as "physicalExamination",
     t.auxiliary_tests as "auxiliaryTests", t.health_guidance as "healthGuidance", t.form_complete as "formComplete",
     ${encounter}`,
  ),
  child_health_checks: page(
    'child_health_checks',
    `${source}, t.resident_id as "patientId", ${residentRefOf('t.resident_id')} as patient,
     t.checked_on::text as "checkedOn", ${facilityCode('t.facility_id')} as "facilityCode", t.eye_screening as "eyeScreening",
     ${encounter}`,
  ),
  deaths: page(
    'deaths',
    `${source}, t.resident_id as "patientId", ${residentRefOf('t.resident_id')} as patient, t.death_date::text as "deathDate",
     t.sex, t.age_years as "ageYears", t.age_days as "ageDays", t.underlying_cause_code as "underlyingCauseCode",
     t.maternal_death as "maternalDeath", t.residence_region_code as "residenceRegionCode"`,
  ),
  immunizations: page(
    'immunizations',
    `${source}, t.resident_id as "patientId", ${residentRefOf('t.resident_id')} as patient, t.vaccine_code as "vaccineCode",
     t.dose_number as "doseNumber", t.vaccinated_on::text as "vaccinatedOn", ${facilityCode('t.facility_id')} as "facilityCode"`,
  ),
  // One ImmunizationRecommendation per resident: paged by resident.
  immunization_due_doses: `select t.id, t.id as "patientId", ${residentRefOf('t.id')} as patient, t.doses from (
      select county_code, resident_id as id, json_agg(json_build_object('vaccineCode', vaccine_code,
        'doseNumber', dose_number, 'dueOn', due_on::text) order by vaccine_code, dose_number) as doses
      from immunization_due_doses where county_code = $1 and resident_id > $2
      group by county_code, resident_id order by resident_id limit $3) t order by t.id`,
  referrals: page(
    'referrals',
    `${source}, t.resident_id as "patientId", ${residentRefOf('t.resident_id')} as patient,
     ${facilityCode('t.from_facility_id')} as "fromFacilityCode", ${facilityCode('t.to_facility_id')} as "toFacilityCode",
     t.to_facility_name as "toFacilityName", t.direction, t.referred_on::text as "referredOn",
     t.received_on::text as "receivedOn", t.status, ${encounter}`,
  ),
  notifiable_disease_reports: page(
    'notifiable_disease_reports',
    `${source}, t.resident_id as "patientId", ${residentRefOf('t.resident_id')} as patient,
     t.patient_county_code as "patientCountyCode", ${facilityCode('t.reporting_facility_id')} as "reportingFacilityCode",
     t.disease_code as "diseaseCode", t.disease_name as "diseaseName", t.disease_class as "diseaseClass",
     t.case_classification as "caseClassification", t.onset_date::text as "onsetDate", t.diagnosed_on::text as "diagnosedOn",
     to_json(t.reported_at) #>> '{}' as "reportedAt", ${encounter}`,
  ),
} as const;

export type ExportTable = keyof typeof EXPORT_QUERIES;
