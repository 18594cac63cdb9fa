/**
 * Least-squares linear trend over yearly values, and the projection of a plan row to a year (usually 2025).
 * Pure: no I/O, never throws.
 *
 * - Ordinary least squares of value on year: slope = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)², computed about the means so that
 *   years around 2020 lose no precision; `intercept` is the value at year 0, as the textbook form gives it.
 * - r² = 1 − SSres / SStot. When every value is equal (SStot = 0) the flat line fits exactly and r² is 1.
 * - One point (or several of a single year) fits no line: there is no projection, and `note` says so. Two points
 *   fit exactly (r² = 1 says nothing then); `note` says that too, because a two-year trend is a weak projection.
 * - Non-finite values are left out. Points are taken as given: the caller decides which years count (the
 *   assessment uses one value per year, from the baseline year on).
 */

export interface TrendPoint {
  year: number;
  value: number;
}

/** Zh and en text of the same sentence. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface LinearTrend {
  /** Change per year. */
  slope: number;
  /** Value at year 0 (`value = intercept + slope × year`). */
  intercept: number;
  /** Number of points the fit rests on. */
  points: number;
  /** Coefficient of determination, 0–1. */
  r2: number;
  /** First and last year of the points. */
  from: number;
  to: number;
  /** Means the fit is computed about; `trendValue` uses them rather than the large intercept. */
  meanYear: number;
  meanValue: number;
}

export function fitLinearTrend(points: readonly TrendPoint[]): LinearTrend | null {
  const pts = points.filter((p) => Number.isFinite(p.year) && Number.isFinite(p.value));
  const n = pts.length;
  if (n === 0) return null;
  const meanYear = pts.reduce((s, p) => s + p.year, 0) / n;
  const meanValue = pts.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of pts) {
    const dx = p.year - meanYear;
    const dy = p.value - meanValue;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  // SSres = SStot − slope·Sxy for a least-squares line; clamp the rounding noise.
  const ssRes = Math.max(0, syy - slope * sxy);
  const r2 = syy === 0 ? 1 : Math.min(1, Math.max(0, 1 - ssRes / syy));
  const years = pts.map((p) => p.year);
  return {
    slope,
    intercept: meanValue - slope * meanYear,
    points: n,
    r2,
    from: Math.min(...years),
    to: Math.max(...years),
    meanYear,
    meanValue,
  };
}

export function trendValue(trend: LinearTrend, year: number): number {
  return trend.meanValue + trend.slope * (year - trend.meanYear);
}

export interface Projection {
  /** The year projected to. */
  year: number;
  /** Projected value; null when no line can be fitted. */
  value: number | null;
  /** Points the projection rests on (also when there are too few). */
  points: number;
  method: 'least-squares' | 'none';
  slope: number | null;
  r2: number | null;
  /** Why there is no projection, or why it is weak; null otherwise. */
  note: Bilingual | null;
}

export function projectTo(points: readonly TrendPoint[], year: number): Projection {
  const usable = points.filter((p) => Number.isFinite(p.year) && Number.isFinite(p.value));
  const trend = fitLinearTrend(usable);
  if (!trend) {
    const n = usable.length;
    return {
      year,
      value: null,
      points: n,
      method: 'none',
      slope: null,
      r2: null,
      note:
        n === 0
          ? { zh: '无数据点，无法预测', en: 'no points: no projection' }
          : {
              zh: `仅有${n === 1 ? '1个数据点' : '同一年份的数据'}，无法拟合趋势`,
              en: `${n === 1 ? 'one point' : 'points of a single year'}: no trend can be fitted`,
            },
    };
  }
  return {
    year,
    value: trendValue(trend, year),
    points: trend.points,
    method: 'least-squares',
    slope: trend.slope,
    r2: trend.r2,
    note:
      trend.points === 2
        ? {
            zh: '仅2个数据点，趋势线必然经过两点，预测可靠性低',
            en: 'two points: the line fits them exactly, a weak projection',
          }
        : null,
  };
}
