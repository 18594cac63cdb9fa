/**
 * What the views print for a figure (web/src/format/numbers.ts and value-with-unit.ts): two decimals, one from
 * 100 up, trailing zeros dropped; a rate per 100 000 as value/10万. The browser tests compare the pages with the
 * API through it.
 */
export function shown(value: number, unit: string | null = null): string {
  const text = String(Number(value.toFixed(Math.abs(value) >= 100 ? 1 : 2)));
  return unit ? `${text}${unit.replace(/^1\//, '/')}` : text;
}

/** The year the views assess by default: the last complete year, inside the plan's period (web/src/format/years.ts). */
export function defaultYear(period: { start: number; end: number }): number {
  return Math.max(period.start, Math.min(period.end, new Date().getFullYear() - 1));
}

/** One value of GET /api/indicators (the fields the tests read). */
export interface ApiIndicatorValue {
  indicatorId: string;
  unit: string;
  year: number;
  region: { code: string; name: string | null };
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  populationBasis: string;
  definition: { version: number };
}

/** One row of GET /api/plans/:id/assessment (the fields the tests read). */
export interface ApiAssessedRow {
  position: number;
  name: string;
  unit: string | null;
  indicatorId: string | null;
  computable: boolean;
  actuals: { year: number; chosen: { value: number; source: string } | null }[];
  assessment: {
    status: string;
    nature: string | null;
    singledOut: boolean;
    target: { text: string };
    actual: { year: number; value: number } | null;
    projection: { year: number; value: number | null };
  };
}

export interface ApiAssessedPlan {
  year: number;
  plan: { id: number; title: string; period: { start: number; end: number } };
  counts: Record<string, number>;
  binding: { total: number; offTrack: number };
  singledOut: number[];
  rows: ApiAssessedRow[];
}

export interface ApiRegionTree {
  counties: { countyCode: string; code: string; name: string; towns: { code: string; name: string }[] }[];
}

export const yearsFrom = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i).join(',');
