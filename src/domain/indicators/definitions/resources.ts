import type { RatioDefinition, Term } from './types.js';

/**
 * Resources (indicator-definitions.md "Resources", Stats): staff, beds and places at year end per
 * resident population. Counted where the facility stands, so a town's figure includes the county
 * hospitals built in it; villages are left out (their clinics are not their residents' only care).
 */

const RESIDENTS: Term = { measure: 'population', label: 'resident population at year end' };

/** 专业公共卫生机构 as the Statistical Yearbook lists them. */
export const PUBLIC_HEALTH_INSTITUTIONS = [
  'cdc',
  'specialised_disease_prevention',
  'health_education',
  'mch_hospital',
  'emergency_centre',
  'blood_station',
  'health_supervision',
  'family_planning_service',
] as const;

const perResidents = (
  id: string,
  numerator: Term,
  multiplier: number,
  rule: string,
  extra: Partial<RatioDefinition> = {},
): RatioDefinition => ({
  id,
  version: 1,
  method: 'ratio',
  period: 'year-end',
  quarterly: false,
  levels: ['county', 'town'],
  population: 'resident-year-end',
  numerator,
  denominator: RESIDENTS,
  multiplier,
  rule,
  ...extra,
});

export const RESOURCE_DEFINITIONS: RatioDefinition[] = [
  perResidents(
    'physicians-per-1000',
    { measure: 'physicians', label: 'practising (assistant) physicians, not in management posts' },
    1000,
    'physicians + assistant physicians employed on 31 Dec, management posts excluded, each licence once / resident population × 1 000 (Stats)',
  ),
  perResidents(
    'tcm-physicians-per-1000',
    { measure: 'tcm_physicians', label: 'physicians of the TCM practice category' },
    1000,
    'physicians + assistant physicians of practice category 中医 on 31 Dec, management posts excluded / resident population × 1 000 (Stats)',
  ),
  perResidents(
    'nurses-per-1000',
    { measure: 'nurses', label: 'registered nurses, not in management posts' },
    1000,
    'registered nurses employed on 31 Dec, management posts excluded / resident population × 1 000 (Stats)',
  ),
  perResidents(
    'pharmacists-per-1000',
    { measure: 'pharmacists', label: 'pharmacists (药师 + 药士)' },
    1000,
    'pharmacists (Western and TCM, 药师 + 药士) employed on 31 Dec / resident population × 1 000 (Stats)',
  ),
  perResidents(
    'gps-per-10000',
    { measure: 'gps', label: 'general practitioners (registered in GP or certified)' },
    10000,
    'physicians registered in general practice ∪ holding a GP training certificate, each once, on 31 Dec / resident population × 10 000 (Stats)',
  ),
  perResidents(
    'public-health-staff-per-1000',
    {
      measure: 'staff',
      label: 'staff of professional public-health institutions',
      facilities: { types: PUBLIC_HEALTH_INSTITUTIONS },
    },
    1000,
    'all staff of CDC, specialised disease prevention, health education, MCH, emergency, blood, health supervision and family-planning service institutions on 31 Dec / resident population × 1 000 (Stats)',
    { parameters: { institutions: PUBLIC_HEALTH_INSTITUTIONS.join(', ') } },
  ),
  perResidents(
    'public-health-staff-per-10000',
    {
      measure: 'staff',
      label: 'staff of professional public-health institutions',
      facilities: { types: PUBLIC_HEALTH_INSTITUTIONS },
    },
    10000,
    'as public-health-staff-per-1000, × 10 000 (Stats)',
    { parameters: { institutions: PUBLIC_HEALTH_INSTITUTIONS.join(', ') } },
  ),
  perResidents(
    'cdc-staff-per-10000',
    { measure: 'staff', label: 'staff of the CDC', facilities: { types: ['cdc'] } },
    10000,
    'all staff of centres for disease control on 31 Dec / resident population × 10 000 (Stats)',
  ),
  perResidents(
    'health-supervisors-per-10000',
    {
      measure: 'staff',
      label: 'staff of health supervision institutions',
      facilities: { types: ['health_supervision'] },
    },
    10000,
    'all staff of health supervision institutions on 31 Dec / resident population × 10 000 (Stats)',
  ),
  perResidents(
    'beds-per-1000',
    { measure: 'beds', label: 'beds actually open (实有床位)' },
    1000,
    'beds actually open on 31 Dec in all medical and health institutions / resident population × 1 000 (Stats)',
  ),
  perResidents(
    'childcare-places-per-1000',
    { measure: 'childcare_places', label: 'childcare places for children under 3' },
    1000,
    'childcare places (托位) for under-3s at year end / resident population × 1 000 (NHP-14)',
    { levels: ['county', 'town', 'village'] },
  ),
  {
    id: 'doctor-nurse-ratio',
    version: 1,
    method: 'ratio',
    period: 'year-end',
    quarterly: false,
    levels: ['county', 'town', 'facility'],
    population: 'not-applicable',
    numerator: { measure: 'nurses', label: 'registered nurses, not in management posts' },
    denominator: {
      measure: 'physicians',
      label: 'practising (assistant) physicians, not in management posts',
    },
    multiplier: 1,
    rule: 'nurses / physicians on 31 Dec: the x of "1 : x" (Stats); a plan printing physicians per nurse keeps its orientation with the target',
  },
  {
    id: 'geriatrics-department-rate',
    version: 1,
    method: 'ratio',
    period: 'year-end',
    quarterly: false,
    levels: ['county'],
    population: 'facilities',
    numerator: {
      measure: 'geriatrics',
      label: 'public general hospitals of grade II+ with a geriatrics department',
      facilities: { types: ['general_hospital'], minGradeLevel: 2, ownership: 'public' },
    },
    denominator: {
      measure: 'facilities',
      label: 'public general hospitals of grade II+',
      facilities: { types: ['general_hospital'], minGradeLevel: 2, ownership: 'public' },
    },
    multiplier: 100,
    rule: 'public general hospitals (综合医院) of grade II and above open on 31 Dec with a geriatrics department / all such hospitals × 100% (NHP-14, scope 公立 as the catalog name says)',
    proxy: 'the department flag is the facility’s current state, not its state at each year end',
  },
  {
    id: 'primary-care-health-technician-share',
    version: 1,
    method: 'ratio',
    period: 'year-end',
    quarterly: false,
    levels: ['county', 'town'],
    population: 'not-applicable',
    numerator: {
      measure: 'health_technicians',
      label: 'health technical staff of primary-care facilities',
      facilities: { primaryCare: true },
    },
    denominator: { measure: 'health_technicians', label: 'all health technical staff' },
    multiplier: 100,
    rule: 'health technical staff (physicians, assistants, nurses, pharmacists, technicians, other health technical) of primary-care facilities on 31 Dec / all health technical staff × 100% (Stats)',
  },
  {
    id: 'tcm-service-primary-centres-share',
    version: 1,
    method: 'ratio',
    period: 'year-end',
    quarterly: false,
    levels: ['county'],
    population: 'facilities',
    numerator: {
      measure: 'tcm_services',
      label: 'community health centres and township health centres offering TCM',
      facilities: { types: ['community_health_centre', 'township_health_centre'] },
    },
    denominator: {
      measure: 'facilities',
      label: 'community health centres and township health centres',
      facilities: { types: ['community_health_centre', 'township_health_centre'] },
    },
    multiplier: 100,
    rule: 'community health centres and township health centres open on 31 Dec offering TCM services / all of them × 100% (Stats)',
    proxy: 'the TCM flag is the facility’s current state',
  },
  {
    id: 'tcm-service-stations-clinics-share',
    version: 1,
    method: 'ratio',
    period: 'year-end',
    quarterly: false,
    levels: ['county', 'town'],
    population: 'facilities',
    numerator: {
      measure: 'tcm_services',
      label: 'community health stations and village clinics offering TCM',
      facilities: { types: ['community_health_station', 'village_clinic'] },
    },
    denominator: {
      measure: 'facilities',
      label: 'community health stations and village clinics',
      facilities: { types: ['community_health_station', 'village_clinic'] },
    },
    multiplier: 100,
    rule: 'community health stations and village clinics open on 31 Dec offering TCM services / all of them × 100% (Stats)',
    proxy: 'the TCM flag is the facility’s current state',
  },
];
