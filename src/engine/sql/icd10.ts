import type { Icd10Range } from '../../domain/indicators/icd10.js';

/**
 * SQL test of an ICD-10 code against category ranges, as src/domain/indicators/icd10.ts reads codes:
 * only the three-character category (letter + two digits) decides; extensions are ignored.
 */
export function icd10InRangesSql(code: string, ranges: readonly Icd10Range[]): string {
  const category = `substring(upper(btrim(${code})) from '^([A-Z][0-9]{2})')`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const tests = ranges.map(
    (r) => `${category} BETWEEN '${r.letter}${pad(r.from)}' AND '${r.letter}${pad(r.to)}'`,
  );
  return `coalesce(${tests.join(' OR ')}, false)`;
}
