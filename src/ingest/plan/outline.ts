import type { OutlineNode, PlanItem } from '../../domain/plan/types.js';

export interface PlanOutline {
  outline: OutlineNode[];
  tasks: PlanItem[];
  projects: PlanItem[];
}

/** Word exports leave `[bookmark: _Toc12063]` anchors in headings (包头); they are not text. */
export function cleanLine(line: string): string {
  return line.replace(/\[bookmark: [^\]]*\]/g, '').trim();
}

/** Value of a numeral as printed: `12`, `七`, `十一`, `二十三`; digit by digit otherwise (`二〇二二`). */
export function numeralValue(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const digit = (c: string) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c);
  const ten = text.indexOf('十');
  if (ten < 0) return [...text].reduce((n, c) => n * 10 + digit(c), 0);
  const tens = ten === 0 ? 1 : digit(text.slice(0, ten));
  return tens * 10 + (ten === text.length - 1 ? 0 : digit(text.slice(ten + 1)));
}

const CN = '[一二三四五六七八九十]+';

/**
 * Numbering styles from the outermost (rank 0) in. Levels come from nesting, not from the style:
 * `一、` is a chapter in 通州 but sits under `第X章`/`第X节` in 江阴 and 包头.
 */
const STYLES: { re: RegExp; number: (m: RegExpExecArray) => string }[] = [
  { re: new RegExp(`^第\\s*(${CN}|\\d+)\\s*(?:章|部分)`), number: (m) => m[0].replace(/\s/g, '') },
  { re: new RegExp(`^第\\s*(${CN}|\\d+)\\s*节`), number: (m) => m[0].replace(/\s/g, '') },
  { re: new RegExp(`^(${CN})\\s*、`), number: (m) => m[1]! },
  { re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]`), number: (m) => `（${m[1]}）` },
  { re: /^(\d{1,2})\s*[.．、](?!\d)/, number: (m) => m[1]! },
  { re: /^[（(]\s*(\d{1,2})\s*[）)]/, number: (m) => `（${m[1]}）` },
];
/** Ranks of the Arabic item styles (`1.`, `（1）`), which inside a 专栏 may number its projects. */
const ITEM_RANK = 4;

/** Longer "headings" are sentences that merely start with a number. */
const MAX_HEADING = 40;
const ITEM_SUFFIX = /(?:工程|项目|行动|计划)$/;
/** Unnumbered headings that open a plan. */
const PREFACE = /^(?:前言|序言|引言)$/;
/** A bare line of words: the shape of a heading printed without its number. */
const BARE_HEADING = /^[\p{Script=Han}“”"]{4,25}$/u;
const TASK_CHAPTER = /主要任务|重点任务/;

interface Heading {
  line: number;
  rank: number;
  number: string;
  value: number;
  heading: string;
}

interface Box {
  line: number;
  end: number;
  number: string;
  heading: string;
  items: string[];
}

/** A heading is the whole short line, or the run-in part before the first `。` or `：`. */
function headingText(rest: string): string | null {
  const text = rest.split(/[。：:]/)[0]!.trim();
  return text.length > 0 && text.length <= MAX_HEADING && /\p{Script=Han}/u.test(text) ? text : null;
}

function parseHeading(raw: string, text: string, line: number): Heading | null {
  // Tab-led lines are cells of flattened tables (indicator rows) or box content, never headings.
  if (raw.startsWith('\t')) return null;
  for (const [rank, style] of STYLES.entries()) {
    const m = style.re.exec(text);
    if (!m) continue;
    const heading = headingText(text.slice(m[0].length));
    return heading ? { line, rank, number: style.number(m), value: numeralValue(m[1]!), heading } : null;
  }
  return null;
}

function parseBoxTitle(text: string, line: number): Box | null {
  const m = /^专栏\s*([一二三四五六七八九十\d]*)\s*[：:、.．]?\s*(.+)$/.exec(text);
  if (!m || m[2]!.length > MAX_HEADING || /[。，]/.test(m[2]!)) return null;
  return { line, end: line, number: m[1]!, heading: m[2]!.trim(), items: [] };
}

/**
 * Project names in a box line: its lead-in (`人才引培：…`, `引进高端医学专家团队。…`), a bare
 * `…工程` line, or a `包括A工程、B工程和C工程` list when every listed name is a project.
 */
function boxItems(text: string): string[] {
  const lead = /^([^：:。，,；;]{2,25})([：:。]|$)/.exec(text);
  if (lead && (lead[2] || ITEM_SUFFIX.test(lead[1]!))) return [lead[1]!.trim()];
  const listed = /包括([^。；，]+)/.exec(text);
  const names = listed ? listed[1]!.split(/、|和|及/).map((s) => s.trim()) : [];
  return names.length > 1 && names.every((n) => ITEM_SUFFIX.test(n)) ? names : [];
}

/** Last non-blank line at or before `line` (1-based), not before `first`. */
function lastText(lines: string[], first: number, line: number): number {
  let end = line;
  while (end > first && cleanLine(lines[end - 1]!) === '') end--;
  return end;
}

/**
 * Reads the chapter/section structure, the key tasks (sections of the 主要任务/重点任务 chapters) and
 * the key-project boxes (专栏) of a plan. Lines are 1-based.
 */
export function readOutline(lines: string[]): PlanOutline {
  const headings: Heading[] = [];
  const boxes: Box[] = [];
  const bare: { line: number; heading: string }[] = [];
  let box: Box | null = null;
  const closeBox = (next: number) => {
    if (box) box.end = lastText(lines, box.line, next - 1);
    box = null;
  };

  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = cleanLine(raw);
    const title = parseBoxTitle(text, line);
    if (title) {
      closeBox(line);
      boxes.push((box = title));
      return;
    }
    const heading = parseHeading(raw, text, line);
    if (box && (!heading || (heading.rank >= ITEM_RANK && ITEM_SUFFIX.test(heading.heading)))) {
      box.items.push(...(heading ? [heading.heading] : boxItems(text)));
    } else if (heading) {
      closeBox(line);
      headings.push(heading);
    } else if (PREFACE.test(text.replace(/\s/g, ''))) {
      headings.push({ line, rank: -1, number: '', value: NaN, heading: text.replace(/\s/g, '') });
    } else if (!raw.startsWith('\t') && BARE_HEADING.test(text)) {
      bare.push({ line, heading: text });
    }
  });
  closeBox(lines.length + 1);

  const topRank = Math.min(...headings.filter((h) => h.rank >= 0).map((h) => h.rank));
  for (const h of headings) if (h.rank < 0) h.rank = topRank;
  headings.push(...missingHeadings(headings, bare));
  headings.sort((a, b) => a.line - b.line);

  const outline = nest(headings, lines);
  const chapterAt = (line: number) =>
    outline.findLast((n) => n.level === 1 && n.lines[0] <= line)?.heading ?? null;

  const tasks: PlanItem[] = [];
  outline.forEach((chapter, k) => {
    if (chapter.level !== 1 || !TASK_CHAPTER.test(chapter.heading)) return;
    for (const node of outline.slice(k + 1)) {
      if (node.level === 1) break;
      if (node.level === 2) tasks.push({ ...item(node), chapter: chapter.heading });
    }
  });
  const projects = boxes.map((b) => ({
    number: b.number,
    heading: b.heading,
    chapter: chapterAt(b.line),
    lines: [b.line, b.end] as [number, number],
    items: b.items,
  }));
  return { outline, tasks, projects };
}

function item(node: OutlineNode): PlanItem {
  return { number: node.number, heading: node.heading, chapter: null, lines: node.lines, items: [] };
}

/**
 * A heading printed without its number (通州 `构建生育友好型服务体系` between `（五）` and `（七）`):
 * when a run of siblings skips one value and exactly one bare heading-shaped line sits in the gap,
 * that line is the missing sibling. Its number stays '' (nothing was printed). Narrow gaps are filled
 * first so that a wider one around them (通州 `三、` → `五、`) does not claim the same line.
 */
function missingHeadings(headings: Heading[], bare: { line: number; heading: string }[]): Heading[] {
  const free = [...bare];
  const found: Heading[] = [];
  const deepestFirst = headings.map((a, k) => ({ a, k })).sort((x, y) => y.a.rank - x.a.rank);
  for (const { a, k } of deepestFirst) {
    const b = headings.slice(k + 1).find((h) => h.rank <= a.rank);
    if (!b || b.rank !== a.rank || b.value !== a.value + 2) continue;
    const gap = free.filter((l) => l.line > a.line && l.line < b.line);
    if (gap.length !== 1) continue;
    free.splice(free.indexOf(gap[0]!), 1);
    found.push({ ...gap[0]!, rank: a.rank, number: '', value: a.value + 1 });
  }
  return found;
}

function nest(headings: Heading[], lines: string[]): OutlineNode[] {
  const open: { rank: number; value: number; hasChild: boolean }[] = [];
  const nodes = headings.map((h): OutlineNode => {
    let rank = h.rank;
    while (open.length > 0 && open.at(-1)!.rank >= rank) open.pop();
    const parent = open.at(-1);
    // A list starts at 1: a first "child" numbered as the parent's successor is a sibling printed in
    // the wrong style (包头 `二、…` followed by `3、…` then `四、…`).
    if (parent && !parent.hasChild && h.value !== 1 && h.value === parent.value + 1) {
      open.pop();
      rank = parent.rank;
    }
    if (open.length > 0) open.at(-1)!.hasChild = true;
    open.push({ rank, value: h.value, hasChild: false });
    return { level: open.length, number: h.number, heading: h.heading, lines: [h.line, h.line] };
  });
  nodes.forEach((node, k) => {
    const next = nodes.slice(k + 1).find((n) => n.level <= node.level);
    node.lines[1] = lastText(lines, node.lines[0], next ? next.lines[0] - 1 : lines.length);
  });
  return nodes;
}
