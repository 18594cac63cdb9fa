import { request } from './client';
import type { Bilingual } from './monitoring-types';
import type { Nature, PrintedValue, Region, Target } from './types';

/** `GET /api/compare?indicator=`: one catalog indicator across every loaded plan. */
export interface ComparisonEntry {
  planId: number;
  planTitle: string;
  region: Region;
  period: { start: number; end: number };
  /** The row's index in the plan's main table. */
  position: number;
  name: string;
  unit: string | null;
  nature: Nature | null;
  baseline: PrintedValue | null;
  target: Target & { description: Bilingual };
  latest: { year: number; value: number; source: 'computed' | 'manual' } | null;
  /** Every year's actual as the assessment uses it, in year order. */
  actuals: { year: number; value: number; source: 'computed' | 'manual' }[];
}

export interface Comparison {
  indicator: { id: string; nameZh: string; nameEn: string; unit: string };
  entries: ComparisonEntry[];
}

export const getComparison = (indicatorId: string) =>
  request<Comparison>(`/api/compare?indicator=${encodeURIComponent(indicatorId)}`);
