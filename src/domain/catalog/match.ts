import { CATALOG } from './catalog.js';
import type { CatalogIndicator } from './types.js';

/**
 * Units plans print inside the name, e.g. `人均期望寿命（岁）`, `孕产妇死亡率（/10 万）`, `抗菌药物使用强度（DDDs）`.
 * Only these are dropped: brackets such as `（助理）` or `（士）` are part of the name.
 */
const UNIT_IN_BRACKETS = /\((?:%|‰|岁|人|张|个|元|天|g|克|DDDs?|CCDs|1?\/10万|\/人天%?)\)/gi;

/**
 * Canonical form of a printed indicator name, for comparison only (never shown).
 * NFKC first, so full-width brackets, ％, ：, ～ and digits become their half-width forms.
 */
export function normalizeIndicatorName(printed: string): string {
  let s = printed.normalize('NFKC').replace(/\s+/g, '');
  // 江阴 prints 毎 (a variant glyph) for 每.
  s = s.replace(/毎/g, '每');
  // Marks beside the name: `#` = provincial/city indicator, `*` = footnote.
  s = s.replace(/^[#*※]+/, '').replace(/[#*※]+$/, '');
  s = s.replace(/^其中[:，,]?/, '');
  // Trailing notes such as `（注1）` or `注：…`.
  s = s.replace(/\(注[^)]*\)$/, '').replace(/注[:：].*$/, '');
  s = s.replace(UNIT_IN_BRACKETS, '');
  // 每千常住人口 / 每千人 / 每万常住人口 all mean per resident population.
  s = s.replace(/每([千万])常住人口/g, '每$1人口').replace(/每([千万])人(?!口)/g, '每$1人口');
  // 0～6岁, 0-6岁, 0—6岁.
  s = s.replace(/(\d)[~\-—–－〜]+(\d)/g, '$1-$2');
  // 占总诊疗量的比例 = 占总诊疗量比例.
  s = s.replace(/的(比例|比重)$/, '$1');
  return s;
}

/** Canonical form of a printed unit: `1/10万`, `/10 万` and `（/10万）` are one unit. */
export function normalizeUnit(unit: string): string {
  return unit
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\((.*)\)$/, '$1')
    .replace(/^1\/10万$/, '/10万');
}

const bySynonym = buildSynonymIndex(CATALOG);

function buildSynonymIndex(entries: readonly CatalogIndicator[]): Map<string, CatalogIndicator> {
  const index = new Map<string, CatalogIndicator>();
  for (const entry of entries) {
    for (const name of [entry.nameZh, ...entry.synonyms]) {
      const key = normalizeIndicatorName(name);
      // The first entry wins; the integrity test fails on any collision.
      if (!index.has(key)) index.set(key, entry);
    }
  }
  return index;
}

export type MatchResult = { id: string } | { id: null; reason: string };

/**
 * Finds the catalog entry of a printed plan row. `unit` (the unit column, if the plan has one) guards
 * against a name matching an indicator of another scale, e.g. a rate printed in ‰ where the catalog has %.
 */
export function matchIndicator(printedName: string, unit?: string | null): MatchResult {
  const key = normalizeIndicatorName(printedName);
  if (key === '') return { id: null, reason: 'empty indicator name' };
  const entry = bySynonym.get(key);
  if (!entry) return { id: null, reason: `no catalog entry or synonym for "${key}"` };
  if (unit != null && unit.trim() !== '' && !unitFits(entry, unit)) {
    return {
      id: null,
      reason: `name matches ${entry.id}, but unit "${unit}" does not fit its unit "${entry.unit}"`,
    };
  }
  return { id: entry.id };
}

function unitFits(entry: CatalogIndicator, unit: string): boolean {
  const printed = normalizeUnit(unit);
  return [entry.unit, ...(entry.unitVariants ?? [])].some((u) => normalizeUnit(u) === printed);
}
