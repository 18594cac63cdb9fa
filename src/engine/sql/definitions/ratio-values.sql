-- Every ratio definition (src/domain/indicators/definitions), one row each in defs and terms.
WITH defs (id, version, multiplier, mch, quarterly, levels, population, mid_year, lowest) AS (VALUES
  ('infant-mortality-rate', 1, 1000::numeric, true, false, '{county,town}'::text[], 'live-births', false, false),
  ('under-five-mortality-rate', 1, 1000::numeric, true, false, '{county,town}'::text[], 'live-births', false, false),
  ('maternal-mortality-rate', 1, 100000::numeric, true, false, '{county}'::text[], 'live-births', false, false),
  ('sex-ratio-at-birth', 1, 100::numeric, false, false, '{county,town}'::text[], 'live-births', false, false),
  ('class-ab-notifiable-incidence', 1, 100000::numeric, false, true, '{county,town}'::text[], 'resident-mid-year', true, false),
  ('pulmonary-tb-incidence', 1, 100000::numeric, false, true, '{county,town}'::text[], 'resident-mid-year', true, false),
  ('chronic-respiratory-mortality-70', 1, 100000::numeric, false, false, '{county,town}'::text[], 'resident-mid-year', true, false),
  ('oop-share-of-health-expenditure', 1, 100::numeric, false, true, '{county,facility}'::text[], 'expenditure', false, false),
  ('physicians-per-1000', 1, 1000::numeric, false, false, '{county,town}'::text[], 'resident-year-end', false, false),
  ('tcm-physicians-per-1000', 1, 1000::numeric, false, false, '{county,town}'::text[], 'resident-year-end', false, false),
  ('nurses-per-1000', 1, 1000::numeric, false, false, '{county,town}'::text[], 'resident-year-end', false, false),
  ('pharmacists-per-1000', 1, 1000::numeric, false, false, '{county,town}'::text[], 'resident-year-end', false, false),
  ('gps-per-10000', 1, 10000::numeric, false, false, '{county,town}'::text[], 'resident-year-end', false, false),
  ('public-health-staff-per-1000', 1, 1000::numeric, false, false, '{county,town}'::text[], 'resident-year-end', false, false),
  ('public-health-staff-per-10000', 1, 10000::numeric, false, false, '{county,town}'::text[], 'resident-year-end', false, false),
  ('cdc-staff-per-10000', 1, 10000::numeric, false, false, '{county,town}'::text[], 'resident-year-end', false, false),
  ('health-supervisors-per-10000', 1, 10000::numeric, false, false, '{county,town}'::text[], 'resident-year-end', false, false),
  ('beds-per-1000', 1, 1000::numeric, false, false, '{county,town}'::text[], 'resident-year-end', false, false),
  ('childcare-places-per-1000', 1, 1000::numeric, false, false, '{county,town,village}'::text[], 'resident-year-end', false, false),
  ('doctor-nurse-ratio', 1, 1::numeric, false, false, '{county,town,facility}'::text[], 'not-applicable', false, false),
  ('geriatrics-department-rate', 1, 100::numeric, false, false, '{county}'::text[], 'facilities', false, false),
  ('primary-care-health-technician-share', 1, 100::numeric, false, false, '{county,town}'::text[], 'not-applicable', false, false),
  ('tcm-service-primary-centres-share', 1, 100::numeric, false, false, '{county}'::text[], 'facilities', false, false),
  ('tcm-service-stations-clinics-share', 1, 100::numeric, false, false, '{county,town}'::text[], 'facilities', false, false),
  ('ehr-coverage-rate', 1, 100::numeric, false, false, '{county,town,village}'::text[], 'resident-year-end', false, false),
  ('ehr-standardized-rate', 2, 100::numeric, false, false, '{county,town,village}'::text[], 'resident-year-end', false, false),
  ('ehr-usage-rate', 2, 100::numeric, false, false, '{county,town,village}'::text[], 'not-applicable', false, false),
  ('elderly-health-management-rate', 1, 100::numeric, false, false, '{county,town,village}'::text[], 'target-group', false, false),
  ('hypertension-standardized-management-rate', 1, 100::numeric, false, false, '{county,town,village}'::text[], 'registered-patients', false, false),
  ('diabetes-standardized-management-rate', 1, 100::numeric, false, false, '{county,town,village}'::text[], 'registered-patients', false, false),
  ('hypertension-diabetes-standardized-management-rate', 1, 100::numeric, false, false, '{county,town,village}'::text[], 'registered-patients', false, false),
  ('hypertension-control-rate', 1, 100::numeric, false, false, '{county,town,village}'::text[], 'registered-patients', false, false),
  ('diabetes-control-rate', 1, 100::numeric, false, false, '{county,town,village}'::text[], 'registered-patients', false, false),
  ('hypertension-health-management-rate', 1, 100::numeric, false, false, '{county,town}'::text[], 'target-group', false, false),
  ('severe-mental-disorder-management-rate', 1, 100::numeric, false, false, '{county,town}'::text[], 'registered-patients', false, false),
  ('severe-mental-disorder-standardized-management-rate', 1, 100::numeric, false, false, '{county,town}'::text[], 'registered-patients', false, false),
  ('maternal-systematic-management-rate', 1, 100::numeric, true, false, '{county,town}'::text[], 'live-births', false, false),
  ('early-pregnancy-registration-rate', 1, 100::numeric, false, false, '{county,town}'::text[], 'live-births', false, false),
  ('hospital-delivery-rate', 1, 100::numeric, true, false, '{county,town}'::text[], 'live-births', false, false),
  ('child-health-management-rate', 1, 100::numeric, false, false, '{county,town,village}'::text[], 'target-group', false, false),
  ('under-three-systematic-management-rate', 1, 100::numeric, true, false, '{county,town,village}'::text[], 'target-group', false, false),
  ('child-eye-care-coverage', 1, 100::numeric, false, false, '{county,town,village}'::text[], 'target-group', false, false),
  ('immunization-programme-vaccination-rate', 1, 100::numeric, false, false, '{county,town}'::text[], 'target-group', false, true),
  ('family-doctor-contract-coverage', 1, 100::numeric, false, false, '{county,town,village}'::text[], 'resident-year-end', false, false),
  ('family-doctor-priority-group-coverage', 1, 100::numeric, false, false, '{county,town,village}'::text[], 'target-group', false, false),
  ('family-doctor-renewal-rate', 1, 100::numeric, false, false, '{county,town}'::text[], 'not-applicable', false, false),
  ('primary-care-visit-share', 1, 100::numeric, false, true, '{county,town}'::text[], 'visits', false, false),
  ('in-county-visit-rate', 1, 100::numeric, false, true, '{county}'::text[], 'visits', false, false),
  ('non-public-facility-service-share', 1, 100::numeric, false, true, '{county,town}'::text[], 'visits', false, false),
  ('average-length-of-stay-tertiary', 1, 1::numeric, false, true, '{county,facility}'::text[], 'discharges', false, false),
  ('average-length-of-stay-grade2-general', 1, 1::numeric, false, true, '{county,facility}'::text[], 'discharges', false, false)
),
terms (id, side, measure, twin, source, types, primary_care, ownership, min_grade, in_county, min_age, scale) AS (VALUES
  ('infant-mortality-rate', 'n', 'infant_deaths', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('infant-mortality-rate', 'd', 'live_births', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('under-five-mortality-rate', 'n', 'under5_deaths', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('under-five-mortality-rate', 'd', 'live_births', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('maternal-mortality-rate', 'n', 'maternal_deaths', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('maternal-mortality-rate', 'd', 'live_births', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('sex-ratio-at-birth', 'n', 'live_births_male', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('sex-ratio-at-birth', 'd', 'live_births_female', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('class-ab-notifiable-incidence', 'n', 'class_ab_cases', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('class-ab-notifiable-incidence', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('pulmonary-tb-incidence', 'n', 'tb_cases', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('pulmonary-tb-incidence', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('chronic-respiratory-mortality-70', 'n', 'crd_deaths_le70', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('chronic-respiratory-mortality-70', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('oop-share-of-health-expenditure', 'n', 'cost_oop', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('oop-share-of-health-expenditure', 'd', 'cost_total', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('physicians-per-1000', 'n', 'physicians', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('physicians-per-1000', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('tcm-physicians-per-1000', 'n', 'tcm_physicians', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('tcm-physicians-per-1000', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('nurses-per-1000', 'n', 'nurses', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('nurses-per-1000', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('pharmacists-per-1000', 'n', 'pharmacists', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('pharmacists-per-1000', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('gps-per-10000', 'n', 'gps', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('gps-per-10000', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('public-health-staff-per-1000', 'n', 'staff', NULL::text, 'facility', '{cdc,specialised_disease_prevention,health_education,mch_hospital,emergency_centre,blood_station,health_supervision,family_planning_service}'::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('public-health-staff-per-1000', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('public-health-staff-per-10000', 'n', 'staff', NULL::text, 'facility', '{cdc,specialised_disease_prevention,health_education,mch_hospital,emergency_centre,blood_station,health_supervision,family_planning_service}'::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('public-health-staff-per-10000', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('cdc-staff-per-10000', 'n', 'staff', NULL::text, 'facility', '{cdc}'::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('cdc-staff-per-10000', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('health-supervisors-per-10000', 'n', 'staff', NULL::text, 'facility', '{health_supervision}'::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('health-supervisors-per-10000', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('beds-per-1000', 'n', 'beds', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('beds-per-1000', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('childcare-places-per-1000', 'n', 'childcare_places', NULL::text, 'resolved', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('childcare-places-per-1000', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('doctor-nurse-ratio', 'n', 'nurses', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('doctor-nurse-ratio', 'd', 'physicians', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('geriatrics-department-rate', 'n', 'geriatrics', NULL::text, 'facility', '{general_hospital}'::text[], NULL::boolean, 'public', 2, false, NULL::int, NULL::numeric),
  ('geriatrics-department-rate', 'd', 'facilities', NULL::text, 'facility', '{general_hospital}'::text[], NULL::boolean, 'public', 2, false, NULL::int, NULL::numeric),
  ('primary-care-health-technician-share', 'n', 'health_technicians', NULL::text, 'facility', NULL::text[], true, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('primary-care-health-technician-share', 'd', 'health_technicians', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('tcm-service-primary-centres-share', 'n', 'tcm_services', NULL::text, 'facility', '{community_health_centre,township_health_centre}'::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('tcm-service-primary-centres-share', 'd', 'facilities', NULL::text, 'facility', '{community_health_centre,township_health_centre}'::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('tcm-service-stations-clinics-share', 'n', 'tcm_services', NULL::text, 'facility', '{community_health_station,village_clinic}'::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('tcm-service-stations-clinics-share', 'd', 'facilities', NULL::text, 'facility', '{community_health_station,village_clinic}'::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('ehr-coverage-rate', 'n', 'record', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('ehr-coverage-rate', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('ehr-standardized-rate', 'n', 'record_standard', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('ehr-standardized-rate', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('ehr-usage-rate', 'n', 'record_used', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('ehr-usage-rate', 'd', 'record', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('elderly-health-management-rate', 'n', 'elderly_managed', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('elderly-health-management-rate', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, 65, NULL::numeric),
  ('hypertension-standardized-management-rate', 'n', 'htn_standard', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('hypertension-standardized-management-rate', 'd', 'htn_registered', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('diabetes-standardized-management-rate', 'n', 'dm_standard', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('diabetes-standardized-management-rate', 'd', 'dm_registered', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('hypertension-diabetes-standardized-management-rate', 'n', 'htn_standard', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('hypertension-diabetes-standardized-management-rate', 'n', 'dm_standard', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('hypertension-diabetes-standardized-management-rate', 'd', 'htn_registered', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('hypertension-diabetes-standardized-management-rate', 'd', 'dm_registered', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('hypertension-control-rate', 'n', 'htn_controlled', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('hypertension-control-rate', 'd', 'htn_registered', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('diabetes-control-rate', 'n', 'dm_controlled', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('diabetes-control-rate', 'd', 'dm_registered', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('hypertension-health-management-rate', 'n', 'htn_registered', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('hypertension-health-management-rate', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, 18, 0.279::numeric),
  ('severe-mental-disorder-management-rate', 'n', 'smd_managed', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('severe-mental-disorder-management-rate', 'd', 'smd_registered', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('severe-mental-disorder-standardized-management-rate', 'n', 'smd_standard', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('severe-mental-disorder-standardized-management-rate', 'd', 'smd_registered', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('maternal-systematic-management-rate', 'n', 'deliveries_systematic', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('maternal-systematic-management-rate', 'd', 'live_births', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('early-pregnancy-registration-rate', 'n', 'deliveries_early', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('early-pregnancy-registration-rate', 'd', 'live_births', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('hospital-delivery-rate', 'n', 'deliveries_hospital', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('hospital-delivery-rate', 'd', 'live_births', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('child-health-management-rate', 'n', 'child_checked', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('child-health-management-rate', 'd', 'child_0_6', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('under-three-systematic-management-rate', 'n', 'u3_managed', 'u3_managed_mch', 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('under-three-systematic-management-rate', 'd', 'u3_due', 'u3_due_mch', 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('child-eye-care-coverage', 'n', 'child_eye', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('child-eye-care-coverage', 'd', 'child_0_6', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('immunization-programme-vaccination-rate', 'n', 'imm_given', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('immunization-programme-vaccination-rate', 'd', 'imm_due', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('family-doctor-contract-coverage', 'n', 'contract_valid', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('family-doctor-contract-coverage', 'd', 'population', NULL::text, 'population', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('family-doctor-priority-group-coverage', 'n', 'priority_contracted', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('family-doctor-priority-group-coverage', 'd', 'priority_member', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('family-doctor-renewal-rate', 'n', 'contracts_renewed', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('family-doctor-renewal-rate', 'd', 'contracts_expiring', NULL::text, 'region', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('primary-care-visit-share', 'n', 'visits', NULL::text, 'facility', NULL::text[], true, NULL::text, NULL::int, true, NULL::int, NULL::numeric),
  ('primary-care-visit-share', 'd', 'visits', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, true, NULL::int, NULL::numeric),
  ('in-county-visit-rate', 'n', 'resident_encounters', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, true, NULL::int, NULL::numeric),
  ('in-county-visit-rate', 'd', 'resident_encounters', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, false, NULL::int, NULL::numeric),
  ('non-public-facility-service-share', 'n', 'visits', NULL::text, 'facility', NULL::text[], NULL::boolean, 'private', NULL::int, true, NULL::int, NULL::numeric),
  ('non-public-facility-service-share', 'd', 'visits', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, NULL::int, true, NULL::int, NULL::numeric),
  ('average-length-of-stay-tertiary', 'n', 'bed_days', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, 3, false, NULL::int, NULL::numeric),
  ('average-length-of-stay-tertiary', 'd', 'discharges', NULL::text, 'facility', NULL::text[], NULL::boolean, NULL::text, 3, false, NULL::int, NULL::numeric),
  ('average-length-of-stay-grade2-general', 'n', 'bed_days', NULL::text, 'facility', '{general_hospital}'::text[], NULL::boolean, NULL::text, 2, false, NULL::int, NULL::numeric),
  ('average-length-of-stay-grade2-general', 'd', 'discharges', NULL::text, 'facility', '{general_hospital}'::text[], NULL::boolean, NULL::text, 2, false, NULL::int, NULL::numeric)
),
jobs AS MATERIALIZED (
  SELECT d.*, j.year FROM unnest(:ids::text[], :years::int[]) AS j(id, year) JOIN defs d USING (id)
),
-- Periods as (year, quarter, basis) ← rollup rows (src_year, src_quarter); quarter 0 rows are stocks and
-- person-year sums. MCH year (妇幼卫生年报): 1 Oct of year − 1 to 30 Sep = Q4 of year − 1 and Q1–Q3.
periods AS MATERIALIZED (
  SELECT j.id, j.year, 0 AS quarter, 'calendar' AS basis, j.year AS src_year, q.q AS src_quarter
  FROM jobs j, generate_series(0, 4) AS q(q)
  UNION ALL
  SELECT j.id, j.year, 0, 'mch', CASE WHEN q.q = 4 THEN j.year - 1 ELSE j.year END, q.q
  FROM jobs j, generate_series(0, 4) AS q(q) WHERE j.mch
  UNION ALL
  SELECT j.id, j.year, q.q, 'calendar', j.year, q.q FROM jobs j, generate_series(1, 4) AS q(q) WHERE j.quarterly
),
-- Each term's measure (its MCH twin for the MCH basis) per period, with the rollup rows it reads. jp numbers
-- the (definition, period) pairs: the sums below group by it, not by the definition's columns.
tp AS MATERIALIZED (
  SELECT t.*, d.levels, d.mid_year, p.year, p.quarter, p.basis, p.src_year, p.src_quarter,
    CASE WHEN p.basis = 'mch' AND t.twin IS NOT NULL THEN t.twin ELSE t.measure END AS reads,
    dense_rank() OVER (ORDER BY t.id, p.year, p.quarter, p.basis) AS jp
  FROM terms t JOIN defs d USING (id) JOIN periods p USING (id)
),
jpa AS MATERIALIZED (
  SELECT DISTINCT jp, id, year, quarter, basis, levels FROM tp
),
-- The region rollup rows the jobs read, by key (measure, year, quarter): only the rows some job needs.
rk AS MATERIALIZED (
  SELECT r.region_code, k.src_year AS year, k.src_quarter AS quarter, k.reads AS measure, k.source, r.value
  FROM (SELECT DISTINCT reads, src_year, src_quarter, source FROM tp WHERE source IN ('region', 'resolved')) AS k
  CROSS JOIN LATERAL (
    SELECT r.region_code, r.value FROM indicator_region_rollup r
    WHERE r.county_code = :county_code AND r.measure = k.reads AND r.year = k.src_year AND r.quarter = k.src_quarter
      AND r.measure = ANY(ARRAY(SELECT DISTINCT tp.reads FROM tp WHERE tp.source IN ('region', 'resolved')))
      AND r.year = ANY(ARRAY(SELECT DISTINCT tp.src_year FROM tp WHERE tp.source IN ('region', 'resolved')))
  ) AS r
),
-- Facility rollups with the facility's attributes; facility 0 (care outside the county) has none.
fr AS MATERIALIZED (
  SELECT r.year, r.quarter, r.measure, r.value AS v, f.id AS facility_id, f.type, f.primary_care, f.ownership,
    f.grade_level, r.facility_id <> 0 AS in_county, coalesce(f.region_code, :county_code || '000000') AS home
  FROM (SELECT DISTINCT measure, src_year, src_quarter FROM tp WHERE source = 'facility') AS k
  CROSS JOIN LATERAL (
    SELECT r.* FROM indicator_facility_rollup r
    WHERE r.county_code = :county_code AND r.measure = k.measure AND r.year = k.src_year AND r.quarter = k.src_quarter
      AND r.measure = ANY(ARRAY(SELECT DISTINCT tp.measure FROM tp WHERE tp.source = 'facility'))
      AND r.year = ANY(ARRAY(SELECT DISTINCT tp.src_year FROM tp WHERE tp.source = 'facility'))
  ) AS r
  LEFT JOIN facilities f ON f.county_code = r.county_code AND f.id = r.facility_id
),
-- Each region code read (the rollups' villages, the facilities' homes) with every region it counts for —
-- itself and its ancestors — and their levels: spelled out once per code, then joined by hash.
ancestry AS MATERIALIZED (
  SELECT c.code, a.region_code, CASE WHEN right(a.region_code, 6) = '000000' THEN 'county' WHEN right(a.region_code, 3) = '000' THEN 'town' ELSE 'village' END AS level
  FROM (SELECT region_code AS code FROM rk UNION SELECT home FROM fr) AS c
  CROSS JOIN LATERAL (VALUES (left(c.code, 6) || '000000'),
      (CASE WHEN right(c.code, 6) <> '000000' THEN left(c.code, 9) || '000' END),
      (CASE WHEN right(c.code, 3) <> '000' THEN c.code END)) AS a(region_code)
  WHERE a.region_code IS NOT NULL
),
-- Region rollups summed into every region they count for (a village's rows for its town and county too);
-- resolved stocks (childcare places) are already per region.
rr AS MATERIALIZED (
  SELECT a.region_code, a.level, rk.year, rk.quarter, rk.measure, sum(rk.value) AS v
  FROM rk JOIN ancestry a ON a.code = rk.region_code
  WHERE rk.source <> 'resolved' OR a.region_code = rk.region_code
  GROUP BY 1, 2, 3, 4, 5
),
-- Each facility term per facility and period (its filter applied), before summing into regions.
fa AS MATERIALIZED (
  SELECT tp.jp, tp.side, tp.scale, fr.home, fr.facility_id, sum(fr.v) AS v
  FROM tp JOIN fr ON fr.measure = tp.measure AND fr.year = tp.src_year AND fr.quarter = tp.src_quarter
  WHERE tp.source = 'facility'
    AND (tp.types IS NULL OR fr.type = ANY(tp.types))
    AND (tp.primary_care IS NULL OR fr.primary_care = tp.primary_care)
    AND (tp.ownership IS NULL OR fr.ownership = tp.ownership)
    AND (tp.min_grade IS NULL OR fr.grade_level >= tp.min_grade)
    AND (NOT tp.in_county OR fr.in_county)
  GROUP BY tp.jp, tp.side, tp.scale, fr.home, fr.facility_id
),
-- Resident population by region and year for each (column, minimum age) the jobs' terms read: the
-- year-end or mid-year column, age groups prorated from min_age; sexes and ages summed.
pk AS MATERIALIZED (
  SELECT DISTINCT mid_year, min_age, year FROM tp WHERE source = 'population'
),
pop AS MATERIALIZED (
  SELECT pk.mid_year, pk.min_age, x.region_code, x.year,
    sum(CASE WHEN pk.min_age IS NULL THEN x.c ELSE x.c * CASE WHEN x.age_group >= pk.min_age THEN 1 WHEN x.age_group + CASE x.age_group WHEN 0 THEN 1 WHEN 1 THEN 4 ELSE 5 END <= pk.min_age THEN 0
      ELSE (x.age_group + CASE x.age_group WHEN 0 THEN 1 WHEN 1 THEN 4 ELSE 5 END - pk.min_age)::numeric / CASE x.age_group WHEN 0 THEN 1 WHEN 1 THEN 4 ELSE 5 END END END) AS v,
    pk.mid_year AND bool_or(x.mid_year_source = 'year-end') AS est
  FROM pk CROSS JOIN LATERAL (
    SELECT x.region_code, x.year, x.age_group, x.mid_year_source,
      CASE WHEN pk.mid_year THEN x.mid_year ELSE x.year_end END AS c
    FROM indicator_population x
    WHERE x.county_code = :county_code AND x.year = ANY(ARRAY(SELECT year FROM pk)) AND x.year = pk.year
  ) AS x
  GROUP BY pk.mid_year, pk.min_age, x.region_code, x.year
),
-- Each term per subject and period at the definition's levels: region rollups, facility rollups,
-- population (given to every period of its year).
tv AS (
  SELECT tp.jp, tp.side, rr.region_code, 0::bigint AS facility_id, CASE WHEN tp.scale IS NULL THEN sum(rr.v) ELSE sum(rr.v) * tp.scale END AS v, false AS est
  FROM tp JOIN rr ON rr.measure = tp.reads AND rr.year = tp.src_year AND rr.quarter = tp.src_quarter
  WHERE tp.source IN ('region', 'resolved') AND rr.level = ANY(tp.levels)
  GROUP BY tp.jp, tp.side, tp.scale, rr.region_code
  UNION ALL
  SELECT fa.jp, fa.side, fa.home, fa.facility_id, CASE WHEN fa.scale IS NULL THEN fa.v ELSE fa.v * fa.scale END, false
  FROM fa JOIN jpa USING (jp) WHERE fa.facility_id IS NOT NULL AND 'facility' = ANY(jpa.levels)
  UNION ALL
  SELECT fa.jp, fa.side, a.region_code, 0::bigint, CASE WHEN fa.scale IS NULL THEN sum(fa.v) ELSE sum(fa.v) * fa.scale END, false
  FROM fa JOIN jpa USING (jp) JOIN ancestry a ON a.code = fa.home
  WHERE a.level = ANY(jpa.levels)
  GROUP BY fa.jp, fa.side, fa.scale, a.region_code
  UNION ALL
  SELECT t.jp, t.side, x.region_code, 0::bigint, CASE WHEN t.scale IS NULL THEN x.v ELSE x.v * t.scale END, x.est
  FROM (SELECT DISTINCT jp, side, scale, mid_year, min_age, year FROM tp WHERE source = 'population') AS t
  JOIN pop x ON x.mid_year = t.mid_year AND x.min_age IS NOT DISTINCT FROM t.min_age AND x.year = t.year
),
kept AS (
  SELECT a.id, c.region_code, c.facility_id, a.year, a.quarter, a.basis, c.level, c.numerator, c.denominator, c.est
  FROM (
    SELECT jp, region_code, facility_id,
      CASE WHEN facility_id <> 0 THEN 'facility' ELSE CASE WHEN right(region_code, 6) = '000000' THEN 'county' WHEN right(region_code, 3) = '000' THEN 'town' ELSE 'village' END END AS level,
      coalesce(sum(v) FILTER (WHERE side = 'n'), 0) AS numerator,
      coalesce(sum(v) FILTER (WHERE side = 'd'), 0) AS denominator, bool_or(est) AS est
    FROM tv GROUP BY jp, region_code, facility_id
  ) AS c
  JOIN jpa a USING (jp)
  WHERE c.level = ANY(a.levels) AND (c.numerator <> 0 OR c.denominator <> 0)
),
-- The lowest town's value, named in the county row's provenance (BPHS-3 immunization: 以乡镇为单位).
lowest AS (
  SELECT DISTINCT ON (k.id, k.year, k.quarter, k.basis) k.id, k.year, k.quarter, k.basis,
    jsonb_build_object('region', k.region_code, 'value', (k.numerator * d.multiplier / k.denominator)::float8) AS town
  FROM kept k JOIN defs d USING (id)
  WHERE d.lowest AND k.level = 'town' AND k.denominator > 0
  ORDER BY k.id, k.year, k.quarter, k.basis, k.numerator / k.denominator, k.region_code
),
-- The stored values of the jobs, read once: compared with the new ones so that only changed values are
-- written (and locked), and those without data any more removed (by their row address: no second read).
cur AS MATERIALIZED (
  SELECT v.ctid AS row_address, v.indicator_id AS id, v.region_code, v.facility_id, v.year, v.quarter,
    v.period_basis AS basis,
    v.numerator, v.denominator, v.definition_version, v.provenance
  FROM indicator_values v
  WHERE v.county_code = :county_code AND v.indicator_id = ANY(ARRAY(SELECT DISTINCT id FROM jobs))
    AND v.year = ANY(ARRAY(SELECT DISTINCT year FROM jobs)) AND (v.indicator_id, v.year) IN (SELECT id, year FROM jobs)
),
fresh AS (
  SELECT k.id, k.region_code, k.facility_id, k.level, k.year, k.quarter, k.basis, k.numerator, k.denominator,
    CASE WHEN k.denominator > 0 THEN (k.numerator * d.multiplier / k.denominator)::float8 END AS value,
    d.version, d.population, jsonb_strip_nulls(jsonb_build_object(
      'midYearFromYearEnd', CASE WHEN k.est THEN true END,
      'lowestTown', CASE WHEN d.lowest AND k.level = 'county' THEN l.town END)) AS provenance
  FROM kept k JOIN defs d USING (id) LEFT JOIN lowest l USING (id, year, quarter, basis)
),
-- The new and changed values, with the stored row's address where there is one.
changes AS MATERIALIZED (
  SELECT f.*, c.row_address
  FROM fresh f LEFT JOIN cur c USING (id, region_code, facility_id, year, quarter, basis)
  WHERE (c.numerator, c.denominator, c.definition_version, c.provenance)
    IS DISTINCT FROM (f.numerator, f.denominator, f.version, f.provenance)
),
-- Changed values updated in place by address: a plain update, no speculative insertion nor second lookup by
-- key (refreshes of a county are serialized, see refresh.ts). New values inserted.
updated AS (
  UPDATE indicator_values v SET numerator = x.numerator, denominator = x.denominator, value = x.value,
    level = x.level, definition_version = x.version, population_basis = x.population, computed_at = now(),
    provenance = x.provenance
  FROM changes x
  WHERE v.ctid = ANY(ARRAY(SELECT row_address FROM changes WHERE row_address IS NOT NULL))
    AND v.ctid = x.row_address
  RETURNING 1
),
inserted AS (
  INSERT INTO indicator_values (county_code, indicator_id, region_code, facility_id, level, year, quarter,
    period_basis, numerator, denominator, value, definition_version, population_basis, computed_at, provenance)
  SELECT :county_code, id, region_code, facility_id, level, year, quarter, basis, numerator, denominator, value,
    version, population, now(), provenance
  FROM changes WHERE row_address IS NULL
  RETURNING 1
),
removed AS (
  DELETE FROM indicator_values v
  WHERE v.ctid = ANY(ARRAY(SELECT c.row_address FROM cur c
    LEFT JOIN kept k USING (id, region_code, facility_id, year, quarter, basis) WHERE k.id IS NULL))
  RETURNING 1
)
SELECT ((SELECT count(*) FROM updated) + (SELECT count(*) FROM inserted))::int AS written, (SELECT count(*) FROM removed)::int AS removed;
