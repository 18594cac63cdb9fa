import { WeijianError } from '../../domain/errors.js';
import { cleanLine, numeralValue } from './outline.js';

export interface PlanMeta {
  title: string;
  /** The text most useful for resolving the region code: `南通市通州区`, `天津市蓟州区`, `包头稀土高新区`. */
  regionText: string;
  /** ISO date printed under the issuer (`2022年11月22日` → `2022-11-22`); null when none is printed. */
  issuedOn: string | null;
  period: { start: number; end: number };
}

/** The cover letter and title sit in the first lines; the body starts soon after. */
const HEAD_LINES = 40;
const CN_NUM = '[〇零一二三四五六七八九十]';
/** A title line as printed on its own: no sentence punctuation, ends with 规划 and an optional `（2021—2025年）`. */
const TITLE = /^[^。，,；：《》]{2,50}规划(?:[（(][^）)]*[）)])?$/;
const QUOTED_TITLE = /《([^《》。，]{2,50}规划(?:[（(][^）)]*[）)])?)》/;
const YEARS = /(20\d\d)\s*[—–\-－~至到]+\s*(20\d\d)/;
const FIVE_YEAR = /十([一二三四五六七八九])五/;
const ISSUER =
  /^(\p{Script=Han}{2,20}?)(?:人民政府办公室|人民政府办公厅|人民政府|卫生健康委员会|卫生健康局)$/u;
const DATE = new RegExp(
  `^(\\d{4}|${CN_NUM}{4})\\s*年\\s*(\\d{1,2}|${CN_NUM}{1,2})\\s*月\\s*(\\d{1,2}|${CN_NUM}{1,3})\\s*日$`,
);

/**
 * Reads title, region, issue date and period of a plan from its text lines. The title is the
 * plan's own title line (joined when printed over two lines, 江阴), else the first quoted
 * `《…规划》` (包头 names itself only in its preface).
 */
export function readMeta(lines: string[]): PlanMeta {
  const text = lines.map(cleanLine);
  const title = titleLine(text.slice(0, HEAD_LINES)) ?? quotedTitle(text);
  if (!title)
    throw new WeijianError('plan.no-title', 'No plan title (a line or 《…》 ending in 规划) was found');
  return { title, regionText: regionText(text, title), issuedOn: issuedOn(text), period: period(title) };
}

function namesTerm(text: string): boolean {
  return YEARS.test(text) || FIVE_YEAR.test(text);
}

function isTitle(line: string): boolean {
  return TITLE.test(line) && namesTerm(line);
}

function titleLine(head: string[]): string | null {
  for (const [i, line] of head.entries()) {
    // Skip sentences and stamps such as `（此件公开发布）` printed just above the title.
    if (!line || /[。，《》]/.test(line) || /^[（(].*[）)]$/.test(line)) continue;
    if (isTitle(line)) return line;
    const next = head.slice(i + 1).find((l) => l !== '');
    if (next !== undefined && isTitle(line + next)) return line + next;
  }
  return null;
}

function quotedTitle(text: string[]): string | null {
  for (const line of text) {
    const m = QUOTED_TITLE.exec(line);
    if (m && namesTerm(m[1]!)) return m[1]!;
  }
  return null;
}

/**
 * The issuer's region (`南通市通州区人民政府办公室` → `南通市通州区`), else the title's (the words
 * before 十四五 or 卫生). A bare county is qualified with its city where the text prints both
 * (`《天津市蓟州区国民经济…》` → `天津市蓟州区`).
 */
function regionText(text: string[], title: string): string {
  const issuer = text
    .slice(0, HEAD_LINES)
    .map((l) => ISSUER.exec(l)?.[1])
    .find((r) => r !== undefined);
  const region = issuer ?? /^(.+?)(?:“?十[一二三四五六七八九]五|卫生)/.exec(title)?.[1] ?? title;
  const escaped = region.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const qualified = new RegExp(`(?<!\\p{Script=Han})(\\p{Script=Han}{2,3}[省市])${escaped}`, 'u');
  for (const line of text) {
    const m = qualified.exec(line);
    if (m) return m[1]! + region;
  }
  return region;
}

function issuedOn(text: string[]): string | null {
  for (const line of text) {
    const m = DATE.exec(line);
    if (!m) continue;
    const [y, mo, d] = [m[1]!, m[2]!, m[3]!].map(numeralValue) as [number, number, number];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

/** Printed years win; otherwise the Nth five-year plan, counted from the 3rd (1966–1970). */
function period(title: string): { start: number; end: number } {
  const years = YEARS.exec(title);
  if (years) return { start: Number(years[1]), end: Number(years[2]) };
  const start = 1966 + 5 * (10 + numeralValue(FIVE_YEAR.exec(title)![1]!) - 3);
  return { start, end: start + 4 };
}
