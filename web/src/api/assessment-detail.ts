import { request } from './client';
import type { MonitoredRow, PlanAssessment, RowAssessment, YearActual } from './monitoring-types';
import type { Nature, Region } from './types';

/**
 * The parts of an assessed row that the indicator detail draws, beyond what the plan table uses
 * (monitoring-types.ts): the expected path, the target's goal, the projection's trend and the computed
 * values' provenance. Same JSON (`GET /api/plans/:id/assessment`), more of it typed.
 */
export interface Interval {
  min: number | null;
  max: number | null;
}

export interface DetailedAssessment extends RowAssessment {
  nature: Nature | null;
  stage: 'annual' | 'final';
  target: { text: string; kind: string; description: { zh: string; en: string } };
  /** What values meet the target (`accept`) and the value it names, when it implies one. */
  goal: { value: number | null; tolerance: number; accept: Interval; aim: Interval } | null;
  better: 'higher' | 'lower' | null;
  pathStart: { year: number; value: number; source: 'baseline' | 'data' } | null;
  pathEnd: number | null;
  expectedPath: { year: number; value: number }[];
  band: number | null;
  projection: RowAssessment['projection'] & {
    points: number;
    slope: number | null;
    r2: number | null;
  };
  projectionMeets: boolean | null;
}

export interface ComputedProvenance {
  value: number;
  numerator: number;
  denominator: number;
  periodBasis: 'calendar' | 'mch';
  definitionVersion: number;
  populationBasis: string;
  computedAt: string;
}

export interface DetailedActual extends YearActual {
  computed: ComputedProvenance | null;
}

export interface DetailedRow extends MonitoredRow {
  domain: string | null;
  seq: string | null;
  marks: string[];
  actuals: DetailedActual[];
  assessment: DetailedAssessment;
}

export interface DetailedPlanAssessment extends Omit<PlanAssessment, 'rows'> {
  plan: { id: number; title: string; region: Region; period: { start: number; end: number } };
  rows: DetailedRow[];
}

/** The same call as `getAssessment` (monitoring.ts), typed with what the overview and the detail draw. */
export const getDetailedAssessment = ({ planId, year }: { planId: number; year: number }) =>
  request<DetailedPlanAssessment>(`/api/plans/${planId}/assessment?year=${year}`);
