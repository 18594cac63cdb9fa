/**
 * The indicator catalog: one canonical definition per indicator, shared by all plans.
 * Definitions follow /shared/indicator-definitions.md (numerator / denominator × multiplier).
 */

export type Direction = 'higher' | 'lower' | 'range';

/** Population (or base) of the denominator. Resources and coverage use year-end residents; rates of events mid-year. */
export type Population =
  | 'resident-year-end'
  | 'resident-mid-year'
  | 'live-births'
  | 'target-group'
  | 'registered-patients'
  | 'facilities'
  | 'visits'
  | 'discharges'
  | 'prescriptions'
  | 'expenditure'
  | 'survey-sample'
  | 'not-applicable';

export type Period =
  | 'calendar-year'
  /** 妇幼卫生年报: 1 October of the previous year – 30 September. */
  | 'mch-statistical-year'
  /** A stock counted on 31 December (staff, beds, contracts). */
  | 'year-end'
  /** Compared over the plan period (growth rates, changes against a base year). */
  | 'plan-period'
  | 'survey-round';

export type Source = 'BPHS-3' | 'Stats' | 'NHP-14' | 'HCA' | 'WHO' | 'product rule';

export type DomainId =
  | 'health-status'
  | 'healthy-living'
  | 'disease-control'
  | 'health-resources'
  | 'health-services'
  | 'health-security'
  | 'health-industry'
  | 'digital-health'
  | 'health-environment';

export interface IndicatorDefinition {
  numerator: string;
  denominator: string;
  /** 100 for %, 1000 for ‰ and per-1000, 100000 for 1/10万; 1 for ratios, counts and averages. */
  multiplier: number;
  population: Population;
  period: Period;
  source: Source;
  /** Whether the platform's records can determine it (the last section of indicator-definitions.md says which cannot). */
  computable: boolean;
  /** True where the records only approximate the official statistic. */
  proxy: boolean;
  notes: string;
}

export interface CatalogIndicator {
  /** kebab-case English, stable: used in URLs, the database and plan rows. */
  id: string;
  nameZh: string;
  nameEn: string;
  /** Canonical unit as printed in Chinese plans ('%', '‰', '1/10万', '岁', '人', '张'); '' for a ratio. */
  unit: string;
  /** Other units plans print for the same indicator (accepted by matchIndicator). */
  unitVariants?: string[];
  direction: Direction;
  domain: DomainId;
  /** Printed Chinese names met in plans (normalised by match.ts before comparison). */
  synonyms: string[];
  /** For a row that combines indicators (高血压、2型糖尿病患者规范管理率): the component ids. */
  components?: string[];
  definition: IndicatorDefinition;
}
