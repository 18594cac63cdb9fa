/**
 * The rates the synthetic county is drawn from, in one place. Sources in broad terms (docs/synthetic-county.md):
 * the 7th national census (2020) age structure, shifted older as in Jiangsu; China's life tables of the
 * 2020s (life expectancy ≈ 78 for men, 84 for women); the China Hypertension Survey and the China Chronic
 * Disease and Risk Factor Surveillance for prevalence; the statistical yearbook for fertility, visits,
 * admissions and resources; the seed plans' 2020 baselines for service coverage.
 */

/** Share of the population by 5-year age group at the start (0–4 … 85+), in %. */
export const AGE_SHARES = [
  4.3, 5.2, 5.0, 4.4, 4.6, 5.8, 8.0, 6.6, 6.4, 8.0, 9.0, 7.9, 6.2, 6.3, 4.6, 3.0, 2.3, 1.6,
]; // prettier-ignore
/** Share of men in each of those groups (more boys among the young, more women among the old). */
export const MALE_SHARES = [
  0.53, 0.53, 0.53, 0.53, 0.52, 0.51, 0.505, 0.505, 0.505, 0.505, 0.5, 0.5, 0.495, 0.49, 0.48, 0.47, 0.44, 0.4,
]; // prettier-ignore

/**
 * Yearly death probability at an age. Gompertz from 30 (men: 0.0003·e^{0.11(x−30)}, women 0.00018·…),
 * flat levels below, calibrated to life expectancy ≈ 78 (men) / 84 (women) and a 30–70 probability of
 * dying of ≈ 20% / 10%; mortality falls 1% a year.
 */
export function deathProbability(age: number, male: boolean, yearIndex: number): number {
  let m: number;
  if (age < 1) m = INFANT_MORTALITY;
  else if (age < 5) m = 0.00025;
  else if (age < 15) m = male ? 0.00015 : 0.0001;
  else if (age < 30) m = male ? 0.0006 : 0.00025;
  else m = (male ? 0.0003 : 0.00018) * Math.exp(0.11 * (age - 30)) + (male ? 0.0004 : 0.0001);
  return Math.min(0.95, 1 - Math.exp(-m * 0.99 ** yearIndex));
}

/** Infant mortality ≈ 3‰ (Jiangsu 2020: 2.6‰; national 5.4‰). */
export const INFANT_MORTALITY = 0.003;
/** Maternal deaths per delivery: ≈ 10 per 100 000 live births (national 2020: 16.9). */
export const MATERNAL_DEATH = 0.0001;
/** Male live births per female: sex ratio at birth ≈ 106. */
export const MALE_BIRTH_SHARE = 106 / 206;
export const TWIN_SHARE = 0.012;

/** Age-specific fertility per woman-year for 15–19 … 45–49 (TFR ≈ 1.1). */
export const FERTILITY = [0.003, 0.035, 0.085, 0.065, 0.025, 0.006, 0.0005];
/** Births fell after 2020 (12.0 M → 9.0 M in 2023 nationally). */
export function fertilityFactor(year: number): number {
  return { 2019: 1.05, 2020: 1, 2021: 0.88, 2022: 0.8, 2023: 0.75, 2024: 0.78 }[year] ?? 0.72;
}

/**
 * Hypertension prevalence by age (China Hypertension Survey 2012–2015: 23.2% of adults), a little lower
 * per age so that this older population has ≈ 25% of adults.
 */
export function hypertensionPrevalence(age: number): number {
  if (age < 18) return 0;
  if (age < 35) return 0.04;
  if (age < 45) return 0.1;
  if (age < 55) return 0.2;
  if (age < 65) return 0.32;
  if (age < 75) return 0.42;
  return 0.48;
}

/** Diabetes prevalence by age (CCDRFS 2018: 11.2% of adults, WS/T criteria). */
export function diabetesPrevalence(age: number): number {
  if (age < 18) return 0;
  if (age < 30) return 0.02;
  if (age < 40) return 0.04;
  if (age < 50) return 0.08;
  if (age < 60) return 0.13;
  if (age < 70) return 0.17;
  return 0.19;
}

/** Registered severe mental disorder patients per resident (BPHS detection target 4.5‰). */
export const SEVERE_MENTAL_DISORDER = 0.005;
/** Yearly onset of hypertension / diabetes among adults without it (keeps prevalence stable as people age). */
export const HYPERTENSION_INCIDENCE = 0.012;
export const DIABETES_INCIDENCE = 0.005;

/** A rate in the first year and its yearly gain (the plans report steady improvement), capped. */
interface Trend {
  start: number;
  step: number;
  cap: number;
}
const trend = (start: number, step: number, cap = 0.99): Trend => ({ start, step, cap });

/** Service coverage, from the seed plans' 2020 results (e.g. 江阴: elderly 72%, maternal 90.8%). */
export const COVERAGE = {
  /** Residents with a health record. */
  healthRecord: trend(0.89, 0.012, 0.96),
  /** Basic information complete on a record. */
  recordComplete: trend(0.9, 0.01),
  /** Residents ≥ 65 given the elderly health management in the year. */
  elderly: trend(0.7, 0.015),
  /** Estimated hypertensive / diabetic patients under management (health management rate). */
  chronicManaged: trend(0.65, 0.02),
  /** Managed patients with ≥ 4 face-to-face follow-ups and an annual check-up. */
  hypertensionStandard: trend(0.75, 0.015),
  diabetesStandard: trend(0.72, 0.015),
  /** Managed patients controlled at the last follow-up. */
  hypertensionControl: trend(0.62, 0.012),
  diabetesControl: trend(0.57, 0.012),
  mentalStandard: trend(0.8, 0.015),
  /** Registered severe mental disorder patients followed up at least once in the year (在管; 吉州 2020: 90%). */
  mentalManaged: trend(0.9, 0.01),
  /** Pregnancies registered before 13 weeks, with ≥ 5 checks, with the postpartum visit. */
  earlyRegistration: trend(0.92, 0.008),
  fiveChecks: trend(0.94, 0.006),
  postpartumVisit: trend(0.93, 0.008),
  /** Children 0–6 checked in the year; checks with eye screening. */
  childCheck: trend(0.93, 0.008),
  eyeScreening: trend(0.9, 0.01),
  vaccination: trend(0.985, 0.001, 0.995),
  /** Family-doctor contracts: everyone, priority groups, renewal at expiry. */
  contract: trend(0.3, 0.02, 0.5),
  contractPriority: trend(0.72, 0.02, 0.9),
  renewal: trend(0.85, 0.01, 0.95),
} as const;

export type CoverageName = keyof typeof COVERAGE;

export function coverage(name: CoverageName, yearIndex: number): number {
  const t = COVERAGE[name];
  return Math.min(t.cap, t.start + t.step * yearIndex);
}

/** Outpatient and emergency visits a year by age (national ≈ 6 per person incl. public-health visits). */
export function visitsPerYear(age: number, chronic: boolean): number {
  const base = age < 5 ? 6.5 : age < 15 ? 3.2 : age < 45 ? 3.3 : age < 65 ? 5 : 7.5;
  return base + (chronic ? 2 : 0);
}

/**
 * The out-of-pocket share of a visit's cost, `u` uniform in [0, 1): insurance pays more of a stay than of an
 * outpatient visit, and the share falls as coverage widens (个人卫生支出占比: 江阴 2020 23.6%, 吉州 29%).
 */
export function outOfPocketShare(inpatient: boolean, yearIndex: number, u: number): number {
  const [low, width] = inpatient ? [0.18, 0.16] : [0.2, 0.2];
  return low + width * u - 0.006 * yearIndex;
}

/** Admissions a year by age (national 2019: 19 per 100 residents). */
export function admissionsPerYear(age: number): number {
  return age < 5 ? 0.12 : age < 15 ? 0.04 : age < 45 ? 0.09 : age < 65 ? 0.17 : age < 75 ? 0.32 : 0.42;
}

/** Class A+B notifiable cases per resident-year ≈ 180/10万, of which pulmonary TB ≈ 35/10万. */
export const NOTIFIABLE_PER_YEAR = 0.0018;
/** Class C and other notifiable diseases (influenza, HFMD, other infectious diarrhoea). */
export const CLASS_C_PER_YEAR = 0.004;

/** Resources per 1 000 residents at the end of the first year, and their yearly growth. */
export const RESOURCES = {
  physicians: 2.7,
  nurses: 2.9,
  pharmacists: 0.45,
  beds: 5.5,
  /** Share of physicians in the 中医 practice category. */
  tcmShare: 0.17,
  /** GPs per 10 000. */
  gpsPer10k: 3.6,
  /** Yearly growth of staff and beds (the plans aim at ≈ +30% by 2025). */
  growth: 0.045,
  /** Childcare places per 1 000 (江阴 2020: 2.2), growing towards the 4.5 target. */
  childcare: 2.2,
  childcareGrowth: 0.5,
} as const;

/** Share of residents who live in the county but are registered elsewhere, and the reverse. */
export const MIGRANTS_IN = 0.1;
export const MIGRANTS_OUT = 0.07;
