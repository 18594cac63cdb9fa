import type { Translate } from '../i18n/translate';
import type { TableRow } from './plan-rows';
import { targetMeaning } from './target-meaning';

export type Cell = string | number | null;

/** The indicator table as a sheet: what the user sees, filters applied, in the language on screen. */
export function planTableSheet(
  rows: TableRow[],
  baselineYear: number,
  t: Translate,
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
  return { header, body };
}
