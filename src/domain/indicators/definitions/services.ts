import type { RatioDefinition, Term } from './types.js';

/**
 * Services (indicator-definitions.md "Services", BPHS-3 unless noted). Person-level conditions are
 * decided per resident and year by the engine (src/engine/person-years.ts) and summed by village of
 * residence; facility services are counted where the facility stands.
 */

const RESIDENTS: Term = { measure: 'population', label: 'resident population at year end' };
const REGISTERED_AT_YEAR_END =
  'in the register on 31 Dec (registered on or before it, not closed by it), resident and alive';
/** BPHS-3: the annual check-up of a managed patient; an elderly check-up serves as one. */
const ANNUAL_CHECKUP = 'any health check-up of the patient in the year';

const ratio = (
  def: Omit<RatioDefinition, 'method' | 'version' | 'quarterly'> & Partial<RatioDefinition>,
): RatioDefinition => ({ method: 'ratio', version: 1, quarterly: false, ...def });

const standardized = (id: string, disease: 'htn' | 'dm', name: string): RatioDefinition =>
  ratio({
    id: `${id}-standardized-management-rate`,
    period: 'calendar',
    levels: ['county', 'town', 'village'],
    population: 'registered-patients',
    numerator: {
      measure: `${disease}_standard`,
      label: `${name} patients with ≥ 4 face-to-face follow-ups and a check-up in the year`,
    },
    denominator: { measure: `${disease}_registered`, label: `${name} patients under management` },
    multiplier: 100,
    rule: `${name} patients with ≥ 4 face-to-face follow-ups and ≥ 1 check-up in the year / patients under management × 100% (BPHS-3)`,
    parameters: { underManagement: REGISTERED_AT_YEAR_END, annualCheckup: ANNUAL_CHECKUP },
  });

export const SERVICE_DEFINITIONS: RatioDefinition[] = [
  ratio({
    id: 'ehr-coverage-rate',
    period: 'calendar',
    levels: ['county', 'town', 'village'],
    population: 'resident-year-end',
    numerator: { measure: 'record', label: 'residents with an open electronic health record on 31 Dec' },
    denominator: RESIDENTS,
    multiplier: 100,
    rule: 'resident (常住), living residents whose health record was created by 31 Dec and not closed / resident population × 100% (BPHS-3)',
  }),
  ratio({
    id: 'ehr-standardized-rate',
    period: 'calendar',
    levels: ['county', 'town', 'village'],
    population: 'resident-year-end',
    numerator: { measure: 'record_standard', label: 'standardized health records' },
    denominator: RESIDENTS,
    multiplier: 100,
    rule: 'residents with an open record whose basic information sheet is complete and which was used in the year / resident population × 100%',
    productRule:
      'standardized = ID number, name, sex, birth date, address, phone and responsible doctor all present, and the record used in the year as ehr-usage-rate counts it',
    // v2: a linked clinical visit counts as use (ehr-usage-rate v2).
    version: 2,
  }),
  ratio({
    id: 'ehr-usage-rate',
    period: 'calendar',
    levels: ['county', 'town', 'village'],
    population: 'not-applicable',
    numerator: {
      measure: 'record_used',
      label: 'records with a service entry or a linked clinical visit in the year',
    },
    denominator: { measure: 'record', label: 'open health records on 31 Dec' },
    multiplier: 100,
    rule: 'open records with a service entry (last service date in the year, or a check-up, follow-up, child check, vaccination or antenatal visit in the year) or a linked clinical visit (an encounter begun in the year at a facility of the platform) / open records × 100% (BPHS-3)',
    // v2: linked clinical visits are read from the encounters (v1 saw them only through the last service date).
    version: 2,
  }),
  ratio({
    id: 'elderly-health-management-rate',
    period: 'calendar',
    levels: ['county', 'town', 'village'],
    population: 'target-group',
    numerator: {
      measure: 'elderly_managed',
      label: 'residents 65+ with a complete elderly check-up in the year',
    },
    denominator: { measure: 'population', minAge: 65, label: 'resident population aged 65+ at year end' },
    multiplier: 100,
    rule: 'residents aged ≥ 65 on 31 Dec with a health record and an elderly-programme check-up in the year with lifestyle assessment, physical examination, auxiliary tests, health guidance and a complete form / resident population aged ≥ 65 × 100% (BPHS-3)',
  }),
  standardized('hypertension', 'htn', 'hypertension'),
  standardized('diabetes', 'dm', 'type 2 diabetes'),
  ratio({
    id: 'hypertension-diabetes-standardized-management-rate',
    period: 'calendar',
    levels: ['county', 'town', 'village'],
    population: 'registered-patients',
    numerator: {
      measure: ['htn_standard', 'dm_standard'],
      label: 'hypertension and diabetes patients managed to the standard (pooled)',
    },
    denominator: {
      measure: ['htn_registered', 'dm_registered'],
      label: 'hypertension and diabetes patients under management (pooled)',
    },
    multiplier: 100,
    rule: 'pooled numerator / pooled denominator of the hypertension and type 2 diabetes standardized management rates; a patient with both counts in each (BPHS-3)',
    parameters: { underManagement: REGISTERED_AT_YEAR_END, annualCheckup: ANNUAL_CHECKUP },
  }),
  ratio({
    id: 'hypertension-control-rate',
    period: 'calendar',
    levels: ['county', 'town', 'village'],
    population: 'registered-patients',
    numerator: {
      measure: 'htn_controlled',
      label: 'hypertension patients controlled at the most recent follow-up',
    },
    denominator: { measure: 'htn_registered', label: 'hypertension patients under management' },
    multiplier: 100,
    rule: 'patients whose most recent follow-up in the year has SBP < 140 (< 150 when aged ≥ 65 at that follow-up) and DBP < 90 mmHg / patients under management × 100%; no follow-up = not controlled (BPHS-3)',
    parameters: { underManagement: REGISTERED_AT_YEAR_END },
  }),
  ratio({
    id: 'diabetes-control-rate',
    period: 'calendar',
    levels: ['county', 'town', 'village'],
    population: 'registered-patients',
    numerator: {
      measure: 'dm_controlled',
      label: 'diabetes patients controlled at the most recent follow-up',
    },
    denominator: { measure: 'dm_registered', label: 'type 2 diabetes patients under management' },
    multiplier: 100,
    rule: 'patients whose most recent follow-up in the year has fasting glucose < 7.0 mmol/L / patients under management × 100%; no follow-up = not controlled (BPHS-3)',
    parameters: { underManagement: REGISTERED_AT_YEAR_END },
  }),
  ratio({
    id: 'hypertension-health-management-rate',
    period: 'calendar',
    levels: ['county', 'town'],
    population: 'target-group',
    numerator: { measure: 'htn_registered', label: 'hypertension patients under management' },
    denominator: {
      measure: 'population',
      minAge: 18,
      scale: 0.279,
      label: 'estimated hypertension patients (residents 18+ × prevalence)',
    },
    multiplier: 100,
    rule: 'patients under management / (resident population aged ≥ 18 × prevalence) × 100% (BPHS 2011)',
    parameters: {
      prevalence: '27.9% (China Hypertension Survey 2012–2015, crude, adults ≥ 18)',
      adults: 'age groups 20+ and 2/5 of 15–19',
    },
    proxy: 'the prevalence is a national survey figure, not the county’s own',
  }),
  ratio({
    id: 'severe-mental-disorder-management-rate',
    period: 'calendar',
    levels: ['county', 'town'],
    population: 'registered-patients',
    numerator: { measure: 'smd_managed', label: 'registered patients followed up in the year (在管)' },
    denominator: { measure: 'smd_registered', label: 'registered patients (在册)' },
    multiplier: 100,
    rule: 'registered severe-mental-disorder patients with at least one follow-up in the year / registered patients × 100% (BPHS-3: 在管 / 在册)',
    parameters: { underManagement: REGISTERED_AT_YEAR_END },
  }),
  ratio({
    id: 'severe-mental-disorder-standardized-management-rate',
    period: 'calendar',
    levels: ['county', 'town'],
    population: 'registered-patients',
    numerator: {
      measure: 'smd_standard',
      label: 'registered patients with ≥ 4 follow-ups and a check-up in the year',
    },
    denominator: { measure: 'smd_registered', label: 'registered patients (在册)' },
    multiplier: 100,
    rule: 'registered patients with ≥ 4 follow-ups and ≥ 1 health check-up in the year / registered patients × 100% (BPHS-3)',
    parameters: { underManagement: REGISTERED_AT_YEAR_END, annualCheckup: ANNUAL_CHECKUP },
  }),
  ratio({
    id: 'maternal-systematic-management-rate',
    period: 'mch',
    levels: ['county', 'town'],
    population: 'live-births',
    numerator: {
      measure: 'deliveries_systematic',
      label:
        'women delivered with early registration, ≥ 5 antenatal checks, hospital delivery and a postpartum visit',
    },
    denominator: { measure: 'live_births', label: 'live births' },
    multiplier: 100,
    rule: 'women who delivered in the period with a first antenatal check before 13 weeks, ≥ 5 antenatal checks, a hospital delivery and a postpartum visit within 28 days / live births in the period × 100% (Stats 妇幼卫生年报)',
    parameters: { postpartumVisitWithin: '28 days', postpartum42DayCheck: 'not required' },
  }),
  ratio({
    id: 'early-pregnancy-registration-rate',
    period: 'calendar',
    levels: ['county', 'town'],
    population: 'live-births',
    numerator: { measure: 'deliveries_early', label: 'women delivered who registered before 13 weeks' },
    denominator: { measure: 'live_births', label: 'live births' },
    multiplier: 100,
    rule: 'women who delivered in the year and had their first antenatal check before 13 weeks / live births in the year × 100% (BPHS-3)',
  }),
  ratio({
    id: 'hospital-delivery-rate',
    period: 'mch',
    levels: ['county', 'town'],
    population: 'live-births',
    numerator: { measure: 'deliveries_hospital', label: 'hospital deliveries' },
    denominator: { measure: 'live_births', label: 'live births' },
    multiplier: 100,
    rule: 'deliveries in township health centres or higher (hospital delivery flag) in the period / live births × 100% (Stats 妇幼卫生年报)',
  }),
  ratio({
    id: 'child-health-management-rate',
    period: 'calendar',
    levels: ['county', 'town', 'village'],
    population: 'target-group',
    numerator: { measure: 'child_checked', label: 'children 0–6 with a health check in the year' },
    denominator: { measure: 'child_0_6', label: 'resident children aged 0–6 on 31 Dec' },
    multiplier: 100,
    rule: 'resident children aged 0–6 on 31 Dec with at least one health check in the year / resident children aged 0–6 × 100% (BPHS-3)',
    proxy:
      'children 0–6 are counted in the resident register: the population table’s 5–9 group cannot be split',
  }),
  ratio({
    id: 'under-three-systematic-management-rate',
    period: 'mch',
    levels: ['county', 'town', 'village'],
    population: 'target-group',
    numerator: { measure: 'u3_managed', label: 'children under 3 checked as often as due' },
    denominator: { measure: 'u3_due', label: 'children under 3 with a check due in the period' },
    multiplier: 100,
    rule: 'children under 3 at the end of the period with at least as many checks in the period as scheduled checks due in it / children under 3 with at least one check due × 100% (Stats 妇幼卫生年报)',
    parameters: { schedule: 'checks due at 3, 6, 8, 12 (4 in year 1), 18, 24 (year 2), 30 months (year 3)' },
    productRule: 'the 4 : 2 : 2 frequency is applied to the scheduled ages that fall in the period',
  }),
  ratio({
    id: 'child-eye-care-coverage',
    period: 'calendar',
    levels: ['county', 'town', 'village'],
    population: 'target-group',
    numerator: {
      measure: 'child_eye',
      label: 'children 0–6 with eye care and vision screening in the year',
    },
    denominator: { measure: 'child_0_6', label: 'resident children aged 0–6 on 31 Dec' },
    multiplier: 100,
    rule: 'resident children aged 0–6 on 31 Dec with a check with eye care and vision screening in the year / resident children aged 0–6 × 100% (NHP-14)',
    proxy: 'children 0–6 are counted in the resident register',
  }),
  ratio({
    id: 'immunization-programme-vaccination-rate',
    period: 'calendar',
    levels: ['county', 'town'],
    population: 'target-group',
    numerator: { measure: 'imm_given', label: 'due doses given by the end of the year (实种)' },
    denominator: { measure: 'imm_due', label: 'doses due in the year (应种)' },
    multiplier: 100,
    rule: 'programme doses due in the year (应种) that were given by 31 Dec (实种) / doses due × 100%, all vaccines and doses pooled, per town (以乡镇为单位) and county; the county value names the lowest town (BPHS-3)',
    parameters: {
      dueDoses:
        'the immunization system’s due-dose list when the county has one, else the national schedule (2021) from birth dates',
    },
    reportLowest: 'town',
  }),
  ratio({
    id: 'family-doctor-contract-coverage',
    period: 'year-end',
    levels: ['county', 'town', 'village'],
    population: 'resident-year-end',
    numerator: { measure: 'contract_valid', label: 'residents with a contract valid on 31 Dec' },
    denominator: RESIDENTS,
    multiplier: 100,
    rule: 'residents with a family-doctor contract valid on 31 Dec (started, not ended, not cancelled) / resident population × 100% (BPHS-3)',
  }),
  ratio({
    id: 'family-doctor-priority-group-coverage',
    period: 'year-end',
    levels: ['county', 'town', 'village'],
    population: 'target-group',
    numerator: { measure: 'priority_contracted', label: 'priority-group members with a valid contract' },
    denominator: { measure: 'priority_member', label: 'priority-group members' },
    multiplier: 100,
    rule: 'priority-group members with a contract valid on 31 Dec / priority-group members × 100% (BPHS-3)',
    parameters: {
      groups:
        'aged 65+ or 0–6 on 31 Dec, pregnant or postpartum in the year, hypertension / diabetes / severe mental disorder under management, or listed in a priority group on one of their contracts',
    },
    proxy:
      'disabled, TB, 计划生育特殊家庭 and low-income members are known only when a contract lists them, so that part of the denominator is undercounted',
  }),
  ratio({
    id: 'family-doctor-renewal-rate',
    period: 'calendar',
    levels: ['county', 'town'],
    population: 'not-applicable',
    numerator: { measure: 'contracts_renewed', label: 'expiring contracts renewed' },
    denominator: { measure: 'contracts_expiring', label: 'contracts expiring in the year' },
    multiplier: 100,
    rule: 'contracts ending in the year (not cancelled before) that another contract renews / contracts ending in the year × 100%',
    productRule: 'renewed = some contract names it as the contract it renews',
  }),
  ratio({
    id: 'primary-care-visit-share',
    period: 'calendar',
    quarterly: true,
    levels: ['county', 'town'],
    population: 'visits',
    numerator: {
      measure: 'visits',
      label: 'visits at primary-care facilities',
      facilities: { primaryCare: true, inCounty: true },
    },
    denominator: {
      measure: 'visits',
      label: 'visits at all the county’s facilities',
      facilities: { inCounty: true },
    },
    multiplier: 100,
    rule: 'outpatient and emergency visits (诊疗人次) at primary-care facilities / visits at all medical and health institutions of the county × 100% (Stats)',
  }),
  ratio({
    id: 'in-county-visit-rate',
    period: 'calendar',
    quarterly: true,
    levels: ['county'],
    population: 'visits',
    numerator: {
      measure: 'resident_encounters',
      label: 'encounters of county residents inside the county',
      facilities: { inCounty: true },
    },
    denominator: { measure: 'resident_encounters', label: 'all encounters of county residents' },
    multiplier: 100,
    rule: 'encounters (visits and admissions) of the county’s residents at facilities in the county / all their encounters, in and outside the county × 100% (Stats)',
    proxy:
      'care outside the county is seen only as far as settlement data were imported (usually admissions), so the rate is an upper bound',
  }),
  ratio({
    id: 'non-public-facility-service-share',
    period: 'calendar',
    quarterly: true,
    levels: ['county', 'town'],
    population: 'visits',
    numerator: {
      measure: 'visits',
      label: 'visits at non-public facilities',
      facilities: { ownership: 'private', inCounty: true },
    },
    denominator: {
      measure: 'visits',
      label: 'visits at all the county’s facilities',
      facilities: { inCounty: true },
    },
    multiplier: 100,
    rule: 'visits (诊疗人次) at non-public facilities / visits at all the county’s facilities × 100%',
    productRule: '服务量 = 诊疗人次 (outpatient and emergency visits)',
  }),
  ratio({
    id: 'average-length-of-stay-tertiary',
    period: 'calendar',
    quarterly: true,
    levels: ['county', 'facility'],
    population: 'discharges',
    numerator: {
      measure: 'bed_days',
      label: 'bed-days of patients discharged',
      facilities: { minGradeLevel: 3 },
    },
    denominator: { measure: 'discharges', label: 'patients discharged', facilities: { minGradeLevel: 3 } },
    multiplier: 1,
    rule: 'bed-days of patients discharged in the period / patients discharged, grade III (三级) hospitals (Stats)',
  }),
  ratio({
    id: 'average-length-of-stay-grade2-general',
    period: 'calendar',
    quarterly: true,
    levels: ['county', 'facility'],
    population: 'discharges',
    numerator: {
      measure: 'bed_days',
      label: 'bed-days of patients discharged',
      facilities: { types: ['general_hospital'], minGradeLevel: 2 },
    },
    denominator: {
      measure: 'discharges',
      label: 'patients discharged',
      facilities: { types: ['general_hospital'], minGradeLevel: 2 },
    },
    multiplier: 1,
    rule: 'bed-days of patients discharged in the period / patients discharged, general hospitals of grade II and above (Stats)',
  }),
];
