export type ColumnRole = 'domain' | 'seq' | 'name' | 'unit' | 'baseline' | 'target' | 'nature' | 'other';

export interface Column {
  role: ColumnRole;
  header: string;
  /** Year the values of a baseline or target column refer to (`2020年` → 2020). */
  year: number | null;
}

/** Header text without spaces (`领 域`) and with full-width forms folded. */
export const compact = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

const FIXED: [RegExp, ColumnRole][] = [
  [/^(?:领域|类别|分类|类型)$/, 'domain'],
  [/^(?:序号|编号)$/, 'seq'],
  [/^(?:主要)?指标(?:名称)?$/, 'name'],
  [/^(?:计量)?单位$/, 'unit'],
  [/^(?:指标)?(?:性质|属性)$/, 'nature'],
  [/^(?:基期|基准|现状)值?$/, 'baseline'],
  [/^目标值?$/, 'target'],
];
const RESULT_WORDS = /完成|实际|现状|基期|基数/;
const TARGET_WORDS = /目标|规划|预期/;

/**
 * The role of each column of an indicator table, or null when the header is not one (it needs a name and
 * a target column). Year columns tell their role by their words (`2020年完成情况`, `2020年规划目标`),
 * or else by year: the latest plain year column holds the targets, earlier ones the baseline.
 */
export function readColumns(headers: string[]): Column[] | null {
  const columns = headers.map((header): Column => {
    const text = compact(header);
    const year = Number(/(20\d\d)/.exec(text)?.[1]) || null;
    const fixed = FIXED.find(([pattern]) => pattern.test(text));
    if (fixed) return { role: fixed[1], header, year };
    if (year === null) return { role: 'other', header, year };
    if (RESULT_WORDS.test(text)) return { role: 'baseline', header, year };
    if (TARGET_WORDS.test(text)) return { role: 'target', header, year };
    return { role: 'other', header, year };
  });
  const plainYears = columns.filter((c) => c.role === 'other' && c.year !== null);
  if (!columns.some((c) => c.role === 'target')) {
    const latest = plainYears.reduce<Column | undefined>(
      (a, c) => (a && (a.year ?? 0) >= (c.year ?? 0) ? a : c),
      undefined,
    );
    if (latest) latest.role = 'target';
  }
  for (const column of plainYears) if (column.role === 'other') column.role = 'baseline';
  const has = (role: ColumnRole) => columns.filter((c) => c.role === role).length === 1;
  return has('name') && has('target') && columns.filter((c) => c.role === 'baseline').length <= 1
    ? columns
    : null;
}
