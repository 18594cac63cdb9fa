import type { Language } from '../i18n/context';
import type { Translate } from '../i18n/translate';
import { pick } from './bilingual';
import type { TableMonitoring, TableRow } from './plan-rows';
import { targetMeaning } from './target-meaning';

export type Cell = string | number | null;

// Four decimals keep what a computed rate means without the float tail of the division.
const round = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Number(value.toFixed(4));

/**
 * The indicator table as a sheet: what the user sees, filters applied, in the language on screen; with the
 * assessment, the actual of each year shown, the status, its reason and the projection follow.
 */
export function planTableSheet(
  rows: TableRow[],
  baselineYear: number,
  t: Translate,
  monitoring?: TableMonitoring & { lang: Language },
): { header: string[]; body: Cell[][] } {
  const header = [
    t('plan.col.domain'),
    t('plan.col.seq'),
    t('plan.col.name'),
    t('plan.col.unit'),
    t('plan.col.baseline'),
    t('plan.col.target'),
    t('plan.col.meaning'),
    t('plan.col.nature'),
  ];
  const body = rows.map((row): Cell[] => [
    row.domain,
    row.seq,
    row.marks.length ? `${row.name} ${row.marks.join('')}` : row.name,
    row.unit,
    row.baseline?.value ?? row.baseline?.text ?? null,
    row.target.text,
    targetMeaning(row.target, row.unit, baselineYear)
      .map((m) => t(m.key, m.params))
      .join(' '),
    row.nature ? t(`nature.${row.nature}`) : null,
  ]);
  if (!monitoring) return { header, body };
  header.push(
    ...monitoring.years.map((year) => t('plan.col.actualYear', { year })),
    t('plan.col.status'),
    t('plan.col.reason'),
    t('plan.col.projection', { year: monitoring.projectionYear }),
  );
  rows.forEach((row, i) => {
    const monitored = monitoring.rows.get(row.key);
    const assessment = monitored?.assessment;
    body[i]!.push(
      ...monitoring.years.map((year) =>
        round(monitored?.actuals.find((a) => a.year === year)?.chosen?.value),
      ),
      assessment ? t(`assessment.status.${assessment.status}`) : null,
      assessment ? pick(assessment.reason, monitoring.lang) : null,
      round(assessment?.projection.value),
    );
  });
  return { header, body };
}
