import type { DetailedRow } from '../api/assessment-detail';
import type { TrendInput } from '../components/charts/trend-option';

/**
 * What the indicator detail's chart draws for an assessed row: the years from the baseline year (the year before
 * the period) to the period's end; the actuals the assessment counts (chosen ones) in those years; the expected
 * path from its start; the least-squares line from the first year it rests on (the path's start, else the first
 * actual) to the year it projects to; and the values that meet the target.
 */
export function trendInputOf(row: DetailedRow, period: { start: number; end: number }): TrendInput {
  const from = period.start - 1;
  const to = period.end;
  const a = row.assessment;
  const actuals = row.actuals.flatMap((x) =>
    x.chosen && x.year >= from && x.year <= to
      ? [{ year: x.year, value: x.chosen.value, source: x.chosen.source }]
      : [],
  );
  const pending = row.actuals.flatMap((x) =>
    x.manual && x.manual.status !== 'approved' && x.year >= from && x.year <= to
      ? [{ year: x.year, value: x.manual.value }]
      : [],
  );
  const p = a.projection;
  const restsFrom = Math.max(from, a.pathStart?.year ?? actuals[0]?.year ?? from);
  return {
    from,
    to,
    actuals,
    pending,
    expected: [...(a.pathStart ? [a.pathStart] : []), ...a.expectedPath].map(({ year, value }) => ({
      year,
      value,
    })),
    projection:
      p.value !== null && p.slope !== null && p.year >= restsFrom
        ? { year: p.year, value: p.value, slope: p.slope, from: restsFrom }
        : null,
    target: a.goal?.accept ?? null,
    targetText: a.target.text,
  };
}
