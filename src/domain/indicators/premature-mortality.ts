/**
 * 重大慢性病过早死亡率: the WHO SDG 3.4.1 / NCD Global Monitoring Framework indicator, the unconditional
 * probability of dying between exact ages 30 and 70 from the four major NCDs (indicator-definitions.md, row
 * 重大慢性病过早死亡率; WHO GHO indicator metadata "Probability of dying between exact ages 30 and 70 …").
 * Pure: no I/O.
 *
 * For each 5-year group x = 30, 35, …, 65:
 *   m_x = deaths from the four NCDs / mid-year population,
 *   q_x = 5·m_x / (1 + 2.5·m_x)            (Chiang's q with a_x = 2.5),
 * and the result is 1 − Π (1 − q_x), in %.
 *
 * Rules for sparse data (small counties):
 * - deaths 0 in a group: q = 0, allowed.
 * - population 0 in a group: an error (`premature-mortality.empty-group`): the group's risk cannot be
 *   estimated and leaving it out would understate the probability.
 * - q_x > 1 (only when m_x > 0.4, i.e. more NCD deaths than 40 % of a tiny population): capped at 1, with
 *   warning `q-capped`; the probability is then 100 %.
 * - Groups outside 30–65 are ignored, so the caller may pass all ages; each of the eight groups must be given
 *   exactly once.
 */
import { WeijianError } from '../errors.js';
import { icd10InRanges, type Icd10Range } from './icd10.js';

/**
 * The four NCD cause groups of SDG 3.4.1 (WHO GHE cause categories, as in indicator-definitions.md):
 * cardiovascular diseases I00–I99, malignant neoplasms C00–C97, chronic respiratory diseases J30–J98,
 * diabetes mellitus E10–E14. Not included: in-situ and benign neoplasms (D00–D48), acute respiratory
 * infections (J00–J22), J99, other glucose disorders (E15–E16).
 */
export const MAJOR_NCD_RANGES: readonly Icd10Range[] = [
  { letter: 'I', from: 0, to: 99 },
  { letter: 'C', from: 0, to: 97 },
  { letter: 'J', from: 30, to: 98 },
  { letter: 'E', from: 10, to: 14 },
];

/** Whether an underlying cause of death (ICD-10, any extension) counts for 重大慢性病过早死亡率. */
export function isMajorNcdCause(icd10: string): boolean {
  return icd10InRanges(icd10, MAJOR_NCD_RANGES);
}

/** The first ages of the eight 5-year groups covering exact ages 30 to 70. */
export const PREMATURE_AGE_STARTS = [30, 35, 40, 45, 50, 55, 60, 65] as const;

export interface PrematureMortalityGroup {
  /** 30, 35, …, 65 (the group x to x+4). */
  ageStart: number;
  /** Deaths from the four NCDs in the period. */
  deaths: number;
  /** Mid-year (average) population. */
  population: number;
}

export interface PrematureMortalityGroupResult extends PrematureMortalityGroup {
  mx: number;
  qx: number;
}

export interface PrematureMortalityWarning {
  code: 'q-capped';
  ageStart: number;
  message: string;
}

export interface PrematureMortality {
  /** 1 − Π(1 − q_x), in % (0–100), unrounded. */
  probability: number;
  groups: PrematureMortalityGroupResult[];
  warnings: PrematureMortalityWarning[];
}

function fail(code: string, message: string, field = 'groups'): never {
  throw new WeijianError(`premature-mortality.${code}`, message, { field });
}

/**
 * The probability (%) of dying between exact ages 30 and 70 from the four major NCDs. Throws a
 * `WeijianError` (code `premature-mortality.*`) for a missing, repeated or empty group or an invalid count.
 */
export function prematureNcdMortality(groups: readonly PrematureMortalityGroup[]): PrematureMortality {
  const byAge = new Map<number, PrematureMortalityGroup>();
  for (const g of groups) {
    if (g.ageStart < 30 || g.ageStart > 65) continue;
    if (!(PREMATURE_AGE_STARTS as readonly number[]).includes(g.ageStart)) {
      fail('age-groups', `age group starting at ${g.ageStart} is not one of 30, 35, …, 65`);
    }
    if (byAge.has(g.ageStart)) fail('age-groups', `age group ${g.ageStart}–${g.ageStart + 4} is given twice`);
    for (const field of ['deaths', 'population'] as const) {
      if (!Number.isFinite(g[field]) || g[field] < 0) {
        fail(
          'invalid-count',
          `${field} of group ${g.ageStart}–${g.ageStart + 4} must be a finite number ≥ 0`,
          field,
        );
      }
    }
    byAge.set(g.ageStart, g);
  }

  const warnings: PrematureMortalityWarning[] = [];
  let survival = 1;
  const results = PREMATURE_AGE_STARTS.map((ageStart): PrematureMortalityGroupResult => {
    const g = byAge.get(ageStart);
    if (!g) fail('age-groups', `age group ${ageStart}–${ageStart + 4} is missing`);
    if (g.population === 0) {
      fail(
        'empty-group',
        `age group ${ageStart}–${ageStart + 4} has population 0: its risk cannot be estimated`,
      );
    }
    const mx = g.deaths / g.population;
    let qx = (5 * mx) / (1 + 2.5 * mx);
    if (qx > 1) {
      warnings.push({
        code: 'q-capped',
        ageStart,
        message: `age group ${ageStart}–${ageStart + 4}: ${g.deaths} deaths in a population of ${g.population} give q > 1; q is set to 1`,
      });
      qx = 1;
    }
    survival *= 1 - qx;
    return { ageStart, deaths: g.deaths, population: g.population, mx, qx };
  });
  return { probability: (1 - survival) * 100, groups: results, warnings };
}
