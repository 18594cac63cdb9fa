/**
 * The structured plan: what the importer reads out of a published 14th Five-Year health plan.
 * This is the JSON contract of `weijian plan show --json` and `GET /api/plans/:id` (camelCase, stable).
 */

/** 预期性 / 约束性 / 指导性 */
export type Nature = 'expected' | 'binding' | 'guiding';

export type Comparison = '<' | '<=' | '>' | '>=';

/**
 * A parsed 2025 (or 2020) target. `text` is always the text as printed. Kinds:
 * - bound: `≤ 6`, `>95`, `30以上`, `不低于90`, `控制在8‰以内`
 * - exact: `100`, `100%`
 * - approx: `80左右` (value ± tolerance; the tolerance rule is stated in `toleranceRule`)
 * - range: `103-107`
 * - ratio: `1:1.20`, `1：1` (left : right as printed)
 * - relative: `在2020年基础上增长50%`, `比2015年（12.93）降低10%` (printed base value kept), `减少15%`
 * - points: `提高5个百分点` (a change in percentage points, not in percent of the base)
 * - benchmark: `达到全省平均水平`
 * - proportional: `同比例提高`
 * - notSet: `——`, `-`
 * - qualitative: anything else, verbatim; `持续提高` keeps the direction it names
 * Numeric kinds carry `unit` when the cell prints one other than `%` (`8‰以内`, `≥ 4.5人`, `8.5/10万`), and a bound
 * carries `scope` when the cell names whom it applies to (`二级以上综合医院住院患者≤40`).
 * The grammar and its rules are in `target.ts`.
 */
export type Target =
  | {
      text: string;
      kind: 'bound';
      op: Comparison;
      value: number;
      percent: boolean;
      unit?: string;
      scope?: string;
    }
  | { text: string; kind: 'exact'; value: number; percent: boolean; unit?: string }
  | {
      text: string;
      kind: 'approx';
      value: number;
      tolerance: number;
      toleranceRule: string;
      percent: boolean;
      unit?: string;
    }
  | { text: string; kind: 'range'; min: number; max: number; percent: boolean; unit?: string }
  | { text: string; kind: 'ratio'; left: number; right: number }
  | {
      text: string;
      kind: 'relative';
      /** Base year; null when the text names none (`减少15%`): the plan's baseline year is meant. */
      baseYear: number | null;
      /** Base value when printed (`比2015年（12.93）降低10%`). */
      baseValue: number | null;
      direction: 'increase' | 'decrease';
      /** Relative change in percent of the base value (`增长50%` → 50). */
      percent: number;
    }
  | {
      text: string;
      kind: 'points';
      /** As for `relative`. */
      baseYear: number | null;
      baseValue: number | null;
      direction: 'increase' | 'decrease';
      /** Change in percentage points (`提高5个百分点` → 5). */
      points: number;
    }
  | { text: string; kind: 'benchmark'; benchmark: string; op: Comparison }
  | { text: string; kind: 'proportional'; direction: 'increase' | 'decrease' }
  | { text: string; kind: 'notSet' }
  | { text: string; kind: 'qualitative'; direction?: 'increase' | 'decrease' };

export type TargetKind = Target['kind'];

/** A printed value with its year, e.g. a baseline `104` for 2020, or `1.34：1`. */
export interface PrintedValue {
  text: string;
  /** Numeric value where one can be read (`1.34：1` → 1.34, `≥90` → 90). */
  value: number | null;
  year: number | null;
}

export interface PlanIndicatorRow {
  /** Domain as printed (领域/类别/分类), carried down from the spanning cell. */
  domain: string | null;
  /** Sequence number as printed (`1`, `12`); null for `其中` sub-rows without one. */
  seq: string | null;
  /** Marks printed beside the row, e.g. `#` (provincial/city indicator). */
  marks: string[];
  /** Indicator name as printed (marks and unit-in-brackets kept out; see `unit`). */
  name: string;
  /** Canonical catalog id, or null with `unmappedReason`. */
  indicatorId: string | null;
  unmappedReason: string | null;
  unit: string | null;
  baseline: PrintedValue | null;
  target: Target;
  nature: Nature | null;
  /** Index (in the same table) of the row a `其中` sub-row belongs to. */
  parent: number | null;
  /** 1-based first and last line of the row in the source text. */
  sourceLines: [number, number];
  warnings: string[];
}

/** A heading of the plan's outline with the line span of its text. */
export interface OutlineNode {
  level: number;
  /** Number as printed: `一`, `（三）`, `1`. */
  number: string;
  heading: string;
  lines: [number, number];
}

/** A key task (重点任务) or key project (专栏) with the line span of its text. */
export interface PlanItem {
  number: string;
  heading: string;
  /** Heading of the chapter it belongs to. */
  chapter: string | null;
  lines: [number, number];
  /** Item headings inside a project box (工程 names). */
  items: string[];
}

export interface ParsedPlan {
  title: string;
  region: { code: string | null; name: string };
  period: { start: number; end: number };
  issuedOn: string | null;
  indicators: PlanIndicatorRow[];
  /** The previous plan's review table (e.g. 通州 表1): 2020 results as `baseline`, 2020 targets as `target`. */
  reviewIndicators: PlanIndicatorRow[];
  /** Notes printed under the indicator table (`注：标#者为省、市规划指标`). */
  tableNotes: string[];
  outline: OutlineNode[];
  tasks: PlanItem[];
  projects: PlanItem[];
  warnings: string[];
  source: { fileName: string; encoding: string; sha256: string; lineCount: number };
}
