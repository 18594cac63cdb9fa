import type { Icd10Range } from '../icd10.js';
import type { IndicatorDefinition, RatioDefinition, Term } from './types.js';

/**
 * Outcomes (indicator-definitions.md "Outcomes", Stats and WHO). Births are attributed to the mother’s
 * village (else the child’s), deaths to their stated residence (else the resident’s village), cases to
 * the patient’s village; what has no village counts for the county only.
 */

const LIVE_BIRTHS: Term = { measure: 'live_births', label: 'live births' };
const MID_YEAR: Term = { measure: 'population', label: 'mid-year resident population' };

const ratio = (
  def: Omit<RatioDefinition, 'method' | 'version' | 'quarterly'> & Partial<RatioDefinition>,
): RatioDefinition => ({ method: 'ratio', version: 1, quarterly: false, ...def });

/** Date a case counts on (indicator-definitions.md: a stated parameter). */
const CASE_DATE = 'onset date, else diagnosis date, else report date';
const CASES_COUNTED =
  'confirmed and clinically diagnosed (suspected cases, carriers and positive tests excluded)';

export const OUTCOME_DEFINITIONS: IndicatorDefinition[] = [
  ratio({
    id: 'infant-mortality-rate',
    period: 'mch',
    levels: ['county', 'town'],
    population: 'live-births',
    numerator: { measure: 'infant_deaths', label: 'deaths under 1 year' },
    denominator: LIVE_BIRTHS,
    multiplier: 1000,
    rule: 'deaths under 1 year in the period / live births in the period × 1 000 (Stats 妇幼卫生年报)',
  }),
  ratio({
    id: 'under-five-mortality-rate',
    period: 'mch',
    levels: ['county', 'town'],
    population: 'live-births',
    numerator: { measure: 'under5_deaths', label: 'deaths under 5 years' },
    denominator: LIVE_BIRTHS,
    multiplier: 1000,
    rule: 'deaths under 5 years in the period / live births in the period × 1 000 (Stats 妇幼卫生年报)',
  }),
  ratio({
    id: 'maternal-mortality-rate',
    period: 'mch',
    levels: ['county'],
    population: 'live-births',
    numerator: { measure: 'maternal_deaths', label: 'maternal deaths' },
    denominator: LIVE_BIRTHS,
    multiplier: 100000,
    rule: 'maternal deaths (during pregnancy or within 42 days of its end, not accidental, as the death record flags them) / live births × 100 000 (Stats 妇幼卫生年报)',
  }),
  ratio({
    id: 'sex-ratio-at-birth',
    period: 'calendar',
    levels: ['county', 'town'],
    population: 'live-births',
    numerator: { measure: 'live_births_male', label: 'male live births' },
    denominator: { measure: 'live_births_female', label: 'female live births' },
    multiplier: 100,
    rule: 'male live births / female live births × 100 (Stats)',
  }),
  ratio({
    id: 'class-ab-notifiable-incidence',
    period: 'calendar',
    quarterly: true,
    levels: ['county', 'town'],
    population: 'resident-mid-year',
    numerator: { measure: 'class_ab_cases', label: 'reported class A and B cases of residents' },
    denominator: MID_YEAR,
    multiplier: 100000,
    rule: 'reported class A and B notifiable disease cases of the county’s residents / mid-year resident population × 100 000; a quarter’s value is not annualised (Stats)',
    parameters: { caseDate: CASE_DATE, casesCounted: CASES_COUNTED },
  }),
  ratio({
    id: 'pulmonary-tb-incidence',
    period: 'calendar',
    quarterly: true,
    levels: ['county', 'town'],
    population: 'resident-mid-year',
    numerator: { measure: 'tb_cases', label: 'reported pulmonary TB cases of residents' },
    denominator: MID_YEAR,
    multiplier: 100000,
    rule: 'reported pulmonary tuberculosis cases (disease name 肺结核 or ICD-10 A15–A16) of the county’s residents / mid-year resident population × 100 000 (Stats)',
    parameters: { caseDate: CASE_DATE, casesCounted: CASES_COUNTED },
  }),
  ratio({
    id: 'chronic-respiratory-mortality-70',
    period: 'calendar',
    levels: ['county', 'town'],
    population: 'resident-mid-year',
    numerator: {
      measure: 'crd_deaths_le70',
      label: 'deaths aged ≤ 70 from chronic respiratory disease (J30–J98)',
    },
    denominator: MID_YEAR,
    multiplier: 100000,
    rule: 'deaths aged ≤ 70 with underlying cause J30–J98 / mid-year resident population × 100 000, crude (HCA)',
    parameters: {
      denominator: 'the whole mid-year population, as indicator-definitions.md writes it (check)',
    },
  }),
  {
    id: 'premature-ncd-mortality',
    version: 1,
    method: 'premature-ncd-mortality',
    period: 'calendar',
    quarterly: false,
    levels: ['county', 'town'],
    population: 'resident-mid-year',
    rule: 'probability of dying between exact ages 30 and 70 from cardiovascular disease, cancer, chronic respiratory disease or diabetes: q_x = 5·m_x / (1 + 2.5·m_x) for x = 30…65, result 1 − Π(1 − q_x), in % (WHO SDG 3.4.1)',
  },
  {
    id: 'life-expectancy',
    version: 1,
    method: 'life-expectancy',
    period: 'calendar',
    quarterly: false,
    levels: ['county', 'town'],
    population: 'resident-mid-year',
    rule: 'life expectancy at birth of an abridged life table (0, 1–4, 5–9, …, 85+), both sexes, Chiang II: nq_x = n·m_x / (1 + (n − a_x)·m_x), a_0 Coale–Demeny West (mean of the sexes), a_1–4 = 1.5, a_x = 2.5, open group T = l/m (Stats)',
  },
  ratio({
    id: 'oop-share-of-health-expenditure',
    period: 'calendar',
    quarterly: true,
    levels: ['county', 'facility'],
    population: 'expenditure',
    numerator: { measure: 'cost_oop', label: 'out-of-pocket payments of encounters' },
    denominator: { measure: 'cost_total', label: 'total cost of encounters' },
    multiplier: 100,
    rule: 'out-of-pocket payments / total cost of the encounters in the records that state both, including residents’ care outside the county × 100%',
    proxy:
      'the official figure comes from health accounts (卫生总费用核算); the records see only the cost of care, not public-health spending or purchases outside care',
  }),
];

/** Chronic respiratory disease as HCA counts it for the ≤ 70 death rate (ICD-10 J30–J98). */
export const CHRONIC_RESPIRATORY_RANGES: readonly Icd10Range[] = [{ letter: 'J', from: 30, to: 98 }];
