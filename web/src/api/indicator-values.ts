import { request } from './client';

/** One computed value of `GET /api/indicators` (the fields the views use; the rest is in /api/openapi.json). */
export interface IndicatorValue {
  indicatorId: string;
  name: { zh: string; en: string };
  unit: string;
  level: string;
  region: { code: string; name: string | null };
  year: number;
  period: { basis: 'calendar' | 'mch'; from: string; to: string };
  /** Null when suppressed (small-cell rule) or not computable for the year. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed?: boolean;
  multiplier: number | null;
  /** "33.33% = 1 / 3": the value with its fraction. */
  display: string;
  populationBasis: string;
  definition: {
    version: number;
    current: boolean;
    method: 'ratio' | 'life-expectancy' | 'premature-ncd-mortality';
    rule: string;
    numerator: string | null;
    denominator: string | null;
    proxy: string | null;
  };
  computedAt: string;
}

export interface IndicatorQuery {
  /** 6-digit county or 12-digit region code. */
  region: string;
  years: readonly number[];
  indicators?: readonly string[];
}

/** The whole-year values of a region (no quarters, no facilities). */
export function getIndicatorValues(query: IndicatorQuery): Promise<IndicatorValue[]> {
  const params = new URLSearchParams({ region: query.region, year: query.years.join(',') });
  if (query.indicators?.length) params.set('indicator', query.indicators.join(','));
  return request<{ values: IndicatorValue[] }>(`/api/indicators?${params}`).then((r) => r.values);
}
