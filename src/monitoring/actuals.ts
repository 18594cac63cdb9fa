/**
 * The actual of a plan row in a year, from the two sources the platform has (docs/monitoring.md, "Actuals"):
 * values the indicator engine computed from the records, and values entered by hand with their approval.
 *
 * The rule, explicit so that a manual value never silently overrides a computed one:
 * 1. A computable indicator (the catalog says the records can determine it and the engine has a definition):
 *    the computed value is the actual — county level, whole year, on the definition's period basis (the MCH
 *    statistical year for maternal and child indicators, else the calendar year).
 * 2. Otherwise, or when no computed value exists for the year: the approved manual value.
 * 3. A manual value not yet approved (draft, submitted, returned) is shown but never used.
 * Both candidates are returned with the one chosen, so every screen and report can show them side by side.
 */
import { getIndicator } from '../domain/catalog/index.js';
import { getDefinition } from '../domain/indicators/definitions/index.js';
import type { Bilingual } from '../domain/plan/projection.js';
import type { ManualValueStatus } from './workflow.js';

export const ACTUALS_RULE: Bilingual = {
  zh: '可由平台数据计算的指标取系统计算值（县级、全年、按指标定义的统计口径）；无计算值或不可计算的指标取已审核通过的手工填报值；未审核的填报值仅展示，不参与评估。',
  en: 'Computable indicators take the computed value (county level, whole year, on the definition’s period basis); without one, or for indicators the records cannot determine, the approved manual value; manual values not yet approved are shown but never used.',
};

export interface ComputedActual {
  year: number;
  value: number;
  numerator: number;
  denominator: number;
  periodBasis: 'calendar' | 'mch';
  definitionVersion: number;
  populationBasis: string;
  computedAt: string;
  provenance: Record<string, unknown>;
}

export interface ManualActual {
  id: number;
  year: number;
  value: number;
  status: ManualValueStatus;
  returnReason: string | null;
  source: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface YearActual {
  year: number;
  chosen: { value: number; source: 'computed' | 'manual' } | null;
  computed: ComputedActual | null;
  manual: ManualActual | null;
}

/** Whether the engine computes the indicator; unmapped rows never are. */
export function isComputable(indicatorId: string | null): boolean {
  if (!indicatorId) return false;
  return (
    getIndicator(indicatorId)?.definition.computable === true && getDefinition(indicatorId) !== undefined
  );
}

/** The period basis the actual is read on. */
export function periodBasisOf(indicatorId: string): 'calendar' | 'mch' {
  return getDefinition(indicatorId)?.period === 'mch' ? 'mch' : 'calendar';
}

/** One entry per year that has any candidate, in year order, each with the one the rule chooses. */
export function selectActuals(
  computable: boolean,
  computed: readonly ComputedActual[],
  manual: readonly ManualActual[],
): YearActual[] {
  const years = [...new Set([...computed.map((c) => c.year), ...manual.map((m) => m.year)])].sort(
    (a, b) => a - b,
  );
  return years.map((year) => {
    const c = (computable && computed.find((x) => x.year === year)) || null;
    const m = manual.find((x) => x.year === year) ?? null;
    const approved = m?.status === 'approved' ? m : null;
    const chosen = c
      ? { value: c.value, source: 'computed' as const }
      : approved
        ? { value: approved.value, source: 'manual' as const }
        : null;
    return { year, chosen, computed: computed.find((x) => x.year === year) ?? null, manual: m };
  });
}
