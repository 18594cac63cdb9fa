/**
 * The target grammar: reads a printed plan target (`≤ 6`, `80左右`, `比2015年（12.93）降低10%`) into a `Target`,
 * tells whether an actual value meets it, and describes it in a short sentence. Pure: no I/O, never throws.
 *
 * Reading rules (the importer, reports and hover text all rely on them):
 * - Cells are read after NFKC normalisation with whitespace removed, so full-width digits and `％＜＞：（）～`
 *   read like half-width ones and a cell split over lines reads as one. `text` keeps the cell as printed.
 * - `以上` `以下` `以内` include the number, `超过` `低于` exclude it (Civil Code art. 1259): `30以上` is ≥ 30.
 *   `达到X` and `提高到X` read as ≥ X, `控制在X` and `降至X` as ≤ X.
 * - A plain number (`100`, `83.5`, `5‰`) is an exact target; `meetsTarget` can make it one-sided (see `better`).
 * - `左右` and `约`: tolerance is ±1 in the last printed digit (`80左右` → 79–81, `8.5左右` → 8.4–8.6), because the
 *   precision the planners printed is the only scale the cell itself gives.
 * - `1:1.20` is left : right (医护比 = physicians : nurses). It is measured as right per one left (nurses per
 *   physician), and health plans use it as a minimum of the right side, so it is met by ≥ right / left.
 * - `增长50%` is relative to a base value (`base × 1.5`), `提高5个百分点` is `base + 5` (kind `points`).
 * - `同比例提高` is proportional: it follows another indicator (健康预期寿命 with 人均预期寿命), so a value alone
 *   cannot be assessed. `持续提高`, `逐步提高`, `持续下降` state a direction but no level: qualitative with `direction`.
 * - `——`, `-`, `/`, `无`, `待定` and empty cells are notSet; anything else is qualitative.
 */
import type { Comparison, Target } from './types.js';

type Direction = 'increase' | 'decrease';

/** A number as printed: `95`, `12.93`, `1,000`. */
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
/** Units printed with the number; `%` is recorded as `percent`, any other as `unit`. */
const UNIT = String.raw`(%|‰|1?\/10万|\/万|\/千|人次|万元|元|人|张|岁|个|天|名|床|家|所|次|g|克|小时|分钟|倍)?`;
const UP = '增长|增加|提高|提升|上升';
const DOWN = '降低|下降|减少';

const NOT_SET = /^(?:[-—~/\\]*|无|暂无|待定|不设)$/;
const RATIO = new RegExp(String.raw`^${NUMBER}(?::|比)${NUMBER}$`);
const RELATIVE = new RegExp(
  String.raw`^(?:(?:在|比|较|与)?(\d{4})年(?:\(${NUMBER}[^)]*\))?(?:的)?(?:基础上|相比|水平上)?)?` +
    String.raw`(${UP}|${DOWN})了?${NUMBER}(%|个百分点)(?:以上)?$`,
);
const BENCHMARK =
  /^(达到|不低于|高于|超过|低于|不高于|不超过)?((?:全国|全省|全自治区|全市|全区|全县|全旗|全盟)(?:平均水平|平均值|均值))(以上|以下)?$/;
const PROPORTIONAL = new RegExp(`^(?:同比例|等比例)(${UP}|${DOWN})$`);
const RANGE = new RegExp(String.raw`^${NUMBER}${UNIT}(?:-|—|~|至|到)${NUMBER}${UNIT}$`);
/** Leading verbs: `约` makes the target approximate, the others imply a comparison when the cell has none. */
const LEAD =
  /^(?:力争)?(约为|大约|约|保持在|保持|稳定在|维持在|维持|控制在|达到|达|提高到|提高至|提升到|提升至|增长到|增长至|增加到|增加至|降低到|降低至|降到|降至|下降到|下降至|减少到|减少至)?/;
const CORE = new RegExp(
  String.raw`^(?:([^\d≤≥<>]*)([≤≥<>]))?(不低于|不少于|不小于|不高于|不超过|不大于|不多于|低于|小于|少于|不足|高于|大于|超过|多于)?` +
    NUMBER +
    UNIT +
    '(及以上|以上|及以下|以下|以内|左右)?$',
);

const SYMBOL_OPS: Record<string, Comparison> = { '≤': '<=', '≥': '>=', '<': '<', '>': '>' };
const WORD_OPS: Record<string, Comparison> = {
  不低于: '>=',
  不少于: '>=',
  不小于: '>=',
  达到: '>=',
  高于: '>',
  大于: '>',
  超过: '>',
  多于: '>',
  不高于: '<=',
  不超过: '<=',
  不大于: '<=',
  不多于: '<=',
  低于: '<',
  小于: '<',
  少于: '<',
  不足: '<',
  及以上: '>=',
  以上: '>=',
  及以下: '<=',
  以下: '<=',
  以内: '<=',
};
const LEAD_OPS: Record<string, Comparison> = {
  控制在: '<=',
  达到: '>=',
  达: '>=',
  提高到: '>=',
  提高至: '>=',
  提升到: '>=',
  提升至: '>=',
  增长到: '>=',
  增长至: '>=',
  增加到: '>=',
  增加至: '>=',
  降低到: '<=',
  降低至: '<=',
  降到: '<=',
  降至: '<=',
  下降到: '<=',
  下降至: '<=',
  减少到: '<=',
  减少至: '<=',
};

export const TOLERANCE_RULE = '±1 in the last printed digit (左右/约)';

export function parseTarget(text: string): Target {
  const printed = text.trim();
  const s = normalise(printed);
  return (
    readNotSet(printed, s) ??
    readRatio(printed, s) ??
    readRelative(printed, s) ??
    readBenchmark(printed, s) ??
    readProportional(printed, s) ??
    readRange(printed, s) ??
    readNumeric(printed, s) ??
    qualitative(printed, s)
  );
}

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/<=|=<|≦|⩽/g, '≤')
    .replace(/>=|=>|≧|⩾/g, '≥')
    .replace(/∶/g, ':')
    .replace(/〜/g, '~')
    .replace(/[–―─]/g, '—');
}

function toNumber(printed: string): number {
  return Number(printed.replace(/,/g, ''));
}

function direction(verb: string): Direction {
  return UP.split('|').includes(verb) ? 'increase' : 'decrease';
}

/** `unit` is set only for units other than `%`, which `percent` already records. */
function unitOf(unit: string | undefined): { percent: boolean; unit?: string } {
  if (!unit || unit === '%') return { percent: unit === '%' };
  return { percent: false, unit };
}

function readNotSet(text: string, s: string): Target | null {
  return NOT_SET.test(s) ? { text, kind: 'notSet' } : null;
}

function readRatio(text: string, s: string): Target | null {
  const m = RATIO.exec(s);
  if (!m) return null;
  const left = toNumber(m[1]!);
  if (left === 0) return null;
  return { text, kind: 'ratio', left, right: toNumber(m[2]!) };
}

function readRelative(text: string, s: string): Target | null {
  const m = RELATIVE.exec(s);
  if (!m) return null;
  const [, year, base, verb, change, sign] = m;
  const baseYear = year ? Number(year) : null;
  const baseValue = base ? toNumber(base) : null;
  const dir = direction(verb!);
  return sign === '%'
    ? { text, kind: 'relative', baseYear, baseValue, direction: dir, percent: toNumber(change!) }
    : { text, kind: 'points', baseYear, baseValue, direction: dir, points: toNumber(change!) };
}

function readBenchmark(text: string, s: string): Target | null {
  const m = BENCHMARK.exec(s);
  if (!m) return null;
  const [, word, benchmark, suffix] = m;
  const op = (word ? WORD_OPS[word] : undefined) ?? (suffix ? WORD_OPS[suffix] : undefined) ?? '>=';
  return { text, kind: 'benchmark', benchmark: benchmark!, op };
}

function readProportional(text: string, s: string): Target | null {
  const m = PROPORTIONAL.exec(s);
  return m ? { text, kind: 'proportional', direction: direction(m[1]!) } : null;
}

function readRange(text: string, s: string): Target | null {
  const m = RANGE.exec(s);
  if (!m) return null;
  const [, a, unitA, b, unitB] = m;
  if (unitA && unitB && unitA !== unitB) return null;
  const [min, max] = [toNumber(a!), toNumber(b!)].sort((x, y) => x - y);
  return { text, kind: 'range', min: min!, max: max!, ...unitOf(unitA ?? unitB) };
}

/** Bounds, exact and approximate values: `[lead verb][scope][symbol][word]number[unit][suffix]`. */
function readNumeric(text: string, s: string): Target | null {
  const [leadText, lead] = LEAD.exec(s)!;
  const m = CORE.exec(s.slice(leadText.length));
  if (!m) return null;
  const [, scope, symbol, word, num, unit, suffix] = m;
  const approx = lead?.includes('约') === true || suffix === '左右';
  const stated = [
    symbol ? SYMBOL_OPS[symbol] : undefined,
    word ? WORD_OPS[word] : undefined,
    suffix ? WORD_OPS[suffix] : undefined,
  ].filter((op) => op !== undefined);
  // A scope before the symbol, two different comparisons, or a comparison with 左右 are not understood.
  if ((scope && lead) || new Set(stated).size > 1 || (approx && stated.length > 0)) return null;
  const value = toNumber(num!);
  const units = unitOf(unit);
  if (approx) {
    const decimals = num!.split('.')[1]?.length ?? 0;
    const tolerance = Number(`1e-${decimals}`);
    return { text, kind: 'approx', value, tolerance, toleranceRule: TOLERANCE_RULE, ...units };
  }
  const op = stated[0] ?? (lead ? LEAD_OPS[lead] : undefined);
  if (!op) return { text, kind: 'exact', value, ...units };
  return { text, kind: 'bound', op, value, ...units, ...(scope ? { scope } : {}) };
}

function qualitative(text: string, s: string): Target {
  const up = new RegExp(UP + '|扩大').test(s);
  const down = new RegExp(DOWN + '|减轻|缩小').test(s);
  if (up === down) return { text, kind: 'qualitative' };
  return { text, kind: 'qualitative', direction: up ? 'increase' : 'decrease' };
}

export interface MeetsContext {
  /** The base year's actual value for `relative` and `points` targets; overrides the printed one. */
  baseValue?: number | null;
  /** The benchmark's value (e.g. the provincial average) for `benchmark` targets. */
  benchmarkValue?: number | null;
  /**
   * Which way the indicator improves. Makes exact and approximate targets one-sided (`83.5` for life expectancy
   * is met by 84) and overrides the ratio default (`higher`). Without it an exact target needs equality.
   */
  better?: 'higher' | 'lower' | null;
}

/**
 * Whether the actual value meets the target; null when that cannot be told from the value (qualitative, notSet,
 * proportional, relative or points without a base value, benchmark without its value).
 * Values are in the target's unit: `≥95%` is met by 95, not 0.95; a ratio is met by right per one left.
 */
export function meetsTarget(target: Target, value: number, ctx: MeetsContext = {}): boolean | null {
  if (!Number.isFinite(value)) return null;
  switch (target.kind) {
    case 'bound':
      return compare(value, target.op, target.value);
    case 'exact':
      return atTarget(value, target.value, 0, ctx.better);
    case 'approx':
      return atTarget(value, target.value, target.tolerance, ctx.better);
    case 'range':
      return compare(value, '>=', target.min) && compare(value, '<=', target.max);
    case 'ratio':
      return atTarget(value, target.right / target.left, 0, ctx.better ?? 'higher');
    case 'relative':
    case 'points': {
      const base = ctx.baseValue ?? target.baseValue;
      if (base === null || !Number.isFinite(base)) return null;
      const sign = target.direction === 'increase' ? 1 : -1;
      const goal =
        target.kind === 'relative' ? base * (1 + (sign * target.percent) / 100) : base + sign * target.points;
      return compare(value, sign > 0 ? '>=' : '<=', goal);
    }
    case 'benchmark': {
      const benchmark = ctx.benchmarkValue;
      return benchmark === null || benchmark === undefined ? null : compare(value, target.op, benchmark);
    }
    case 'proportional':
    case 'notSet':
    case 'qualitative':
      return null;
  }
}

/** Comparison with a margin for floating-point noise (12.93 × 0.9 must meet 11.637). */
function compare(value: number, op: Comparison, goal: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(goal));
  switch (op) {
    case '>=':
      return value >= goal - eps;
    case '<=':
      return value <= goal + eps;
    case '>':
      return value > goal + eps;
    case '<':
      return value < goal - eps;
  }
}

function atTarget(value: number, goal: number, tolerance: number, better: MeetsContext['better']): boolean {
  if (better === 'higher') return compare(value, '>=', goal - tolerance);
  if (better === 'lower') return compare(value, '<=', goal + tolerance);
  return compare(value, '>=', goal - tolerance) && compare(value, '<=', goal + tolerance);
}

const OP_SYMBOLS: Record<Comparison, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };
const BENCHMARK_EN: Record<string, string> = {
  全国: 'national',
  全省: 'provincial',
  全自治区: 'regional',
  全市: 'city',
  全区: 'district',
  全县: 'county',
  全旗: 'banner',
  全盟: 'league',
};

/** A short sentence of the parsed meaning, for hover text: `≤ 6`, `80 ± 1`, `increase 50% over 2020`. */
export function describeTarget(target: Target, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  switch (target.kind) {
    case 'bound': {
      const bound = `${OP_SYMBOLS[target.op]} ${target.value}${suffix(target)}`;
      if (!target.scope) return bound;
      return zh ? `${target.scope} ${bound}` : `${bound} (${target.scope})`;
    }
    case 'exact':
      return `= ${target.value}${suffix(target)}`;
    case 'approx':
      return `${target.value} ± ${target.tolerance}${suffix(target)}`;
    case 'range':
      return `${target.min}–${target.max}${suffix(target)}`;
    case 'ratio':
      return `${zh ? '比例' : 'ratio'} ${target.left} : ${target.right}`;
    case 'relative':
    case 'points': {
      const up = target.direction === 'increase';
      const change = target.kind === 'relative' ? `${target.percent}%` : `${target.points}`;
      const base = target.baseValue === null ? '' : zh ? `（${target.baseValue}）` : ` (${target.baseValue})`;
      if (zh) {
        const from = target.baseYear === null ? '较基期' : `较${target.baseYear}年`;
        const unit = target.kind === 'points' ? '个百分点' : '';
        return `${from}${base}${up ? '提高' : '降低'}${change}${unit}`;
      }
      const unit = target.kind === 'points' ? ' percentage points' : '';
      const from = target.baseYear === null ? 'the base year' : String(target.baseYear);
      return `${up ? 'increase' : 'decrease'} ${change}${unit} ${up ? 'over' : 'from'} ${from}${base}`;
    }
    case 'benchmark': {
      if (zh) return `${OP_SYMBOLS[target.op]} ${target.benchmark}`;
      const area = Object.keys(BENCHMARK_EN).find((k) => target.benchmark.startsWith(k));
      return `${OP_SYMBOLS[target.op]} ${area ? BENCHMARK_EN[area] : target.benchmark} average`;
    }
    case 'proportional': {
      const up = target.direction === 'increase';
      return zh ? `同比例${up ? '提高' : '降低'}` : `${up ? 'increase' : 'decrease'} in the same proportion`;
    }
    case 'notSet':
      return zh ? '未设定' : 'not set';
    case 'qualitative': {
      const dir = target.direction;
      if (zh) return `定性${dir ? (dir === 'increase' ? '（提高）' : '（降低）') : ''}：${target.text}`;
      return `qualitative${dir ? (dir === 'increase' ? ', increasing' : ', decreasing') : ''}: ${target.text}`;
    }
  }
}

function suffix(target: { percent: boolean; unit?: string }): string {
  return target.percent ? '%' : (target.unit ?? '');
}
