import type { PrintedValue, Target } from '../../domain/plan/types.js';

/** Units as printed in indicator tables, in brackets after a name (`（‰）`) or in their own column. */
const UNIT =
  /^(?:[%‰‱]|[岁人张个元天日次家所床台]|g|kg|克|千克|万元|亿元|万人|小时|分钟|1?\/(?:10|100)?[千万](?:人)?)$/;
const PERCENT_VALUE = /^[<>≤≥＜＞]?\s*\d+(?:\.\d+)?\s*[%％]/;
const TRAILING_BRACKET = /[（(]([^（）()]+)[）)]\s*$/;

/** A unit written the same way however it was printed: half-width, no spaces (`（/10 万）` → `/10万`). */
export function normalizeUnit(text: string): string | null {
  const unit = text.normalize('NFKC').replace(/\s+/g, '');
  return unit === '' ? null : unit;
}

/**
 * Splits a unit printed in brackets at the end of a name (`婴儿死亡率（‰）`). Brackets that are part of the
 * name (`执业（助理）医师数`, `抗菌药物使用强度（DDDs）`) stay.
 */
export function splitUnitFromName(name: string): { name: string; unit: string | null } {
  const match = TRAILING_BRACKET.exec(name);
  const unit = match?.[1] === undefined ? null : normalizeUnit(match[1]);
  if (!match || unit === null || !UNIT.test(unit)) return { name, unit: null };
  return { name: name.slice(0, match.index).trim(), unit };
}

/** `1/10万` and `/10万` are the same unit. */
const perUnit = (unit: string) => unit.replace(/^1\//, '/');

/** Warnings when the unit and the printed values cannot both be right (`（人）` with a target of `100%`). */
export function unitWarnings(unit: string | null, target: Target, baseline: PrintedValue | null): string[] {
  if (unit === null || unit === '%') return [];
  const warnings: string[] = [];
  const targetIsPercent = 'percent' in target && target.percent === true;
  if (targetIsPercent) warnings.push(`unit is ${unit} but the target ${target.text} is a percentage`);
  const targetUnit = 'unit' in target && target.unit ? normalizeUnit(target.unit) : null;
  if (targetUnit && perUnit(targetUnit) !== perUnit(unit)) {
    warnings.push(`unit is ${unit} but the target ${target.text} is in ${targetUnit}`);
  }
  if (baseline && PERCENT_VALUE.test(baseline.text)) {
    warnings.push(`unit is ${unit} but the baseline ${baseline.text} is a percentage`);
  }
  return warnings;
}
