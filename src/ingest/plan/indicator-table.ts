import type { PlanIndicatorRow } from '../../domain/plan/types.js';
import { WeijianError } from '../../domain/errors.js';
import { NOTE_LINE, readFlatRows, readHeaderCells } from './flat-table.js';
import { compact, readColumns, type Column } from './table-header.js';
import { buildRow, type RowContext } from './table-row.js';

export interface IndicatorTables {
  indicators: PlanIndicatorRow[];
  /** The previous plan's review table: results as baseline, the old targets as target. */
  reviewIndicators: PlanIndicatorRow[];
  tableNotes: string[];
  /** Plan-level: provisional indicators, numbering gaps, marks no note explains. */
  warnings: string[];
}

interface TableStart {
  title: string | null;
  columns: Column[];
  /** Line index of the header's first cell, and of the line after the header. */
  headerAt: number;
  bodyAt: number;
}

const REVIEW_TITLE = /完成情况|十三五/;
/** A note that says the indicators are not final (`以上指标建议等…确定后再确定`). */
const PROVISIONAL = /确定后|再确定|待定|暂定|待.*确定/;
/** A table title names indicators (`主要发展指标`, `主要指标：`); it sits just above the header. */
const TITLE_LOOKBACK = 3;

/**
 * Every indicator table of a plan in its flattened text form: the main-indicator table(s) and the
 * previous plan's review table. Fails when there is no main-indicator table or one is cut off.
 */
export function readIndicatorTables(lines: string[], file: string): IndicatorTables {
  const result: IndicatorTables = { indicators: [], reviewIndicators: [], tableNotes: [], warnings: [] };
  let line = 0;
  while (line < lines.length) {
    const start = findTableStart(lines, line);
    if (!start) break;
    const label = start.title ?? `the table at line ${start.headerAt + 1}`;
    const body = readFlatRows(lines, start.bodyAt, start.columns.length);
    if (body.cutRowLine !== null) {
      throw new WeijianError(
        'plan.truncated-table',
        `${label}: the text ends in the middle of a row (the file may be cut off)`,
        { file, line: body.cutRowLine, field: 'indicators' },
      );
    }
    if (body.rows.length === 0) {
      throw new WeijianError('plan.empty-indicator-table', `${label}: a header but no rows`, {
        file,
        line: start.headerAt + 1,
        field: 'indicators',
      });
    }
    const isReview = REVIEW_TITLE.test(start.title ?? '') || start.columns.some((c) => /完成/.test(c.header));
    const target = isReview ? result.reviewIndicators : result.indicators;
    const offset = target.length;
    let context: RowContext = { domain: null, lastMainRow: null };
    for (const flatRow of body.rows) {
      const row = buildRow(flatRow, start.columns, context);
      target.push(row);
      context = {
        domain: row.domain,
        lastMainRow: row.parent === null ? target.length - 1 : context.lastMainRow,
      };
    }
    result.warnings.push(...numberingGaps(target.slice(offset), label));
    const notes = readNotes(lines, body.end);
    result.tableNotes.push(...notes.map((n) => n.text));
    for (const note of notes) {
      if (PROVISIONAL.test(note.text)) {
        result.warnings.push(
          `${label}: the plan calls its indicators provisional (line ${note.line}): ${note.text}`,
        );
      }
    }
    result.warnings.push(...unexplainedMarks(target.slice(offset), notes, label));
    line = body.end;
  }
  if (result.indicators.length === 0) {
    throw new WeijianError(
      'plan.no-indicator-table',
      'no main-indicator table found: expected a header with 指标 and 2025年 (or 目标值) columns, ' +
        'e.g. 领域 / 序号 / 主要指标 / 单位 / 2025年 / 性质',
      { file, line: mentionOfIndicators(lines), field: 'indicators' },
    );
  }
  return result;
}

function findTableStart(lines: string[], from: number): TableStart | null {
  for (let i = from; i < lines.length; i++) {
    if (!lines[i]?.startsWith('\t')) continue;
    const header = readHeaderCells(lines, i);
    const columns = header.cells.length >= 3 ? readColumns(header.cells) : null;
    if (columns) return { title: titleAbove(lines, i), columns, headerAt: i, bodyAt: header.end };
  }
  return null;
}

function titleAbove(lines: string[], headerAt: number): string | null {
  for (let i = headerAt - 1; i >= Math.max(0, headerAt - TITLE_LOOKBACK); i--) {
    const text = lines[i]?.trim() ?? '';
    if (text !== '') return text.length <= 60 && /指标/.test(text) ? text : null;
  }
  return null;
}

/** Notes and caveats printed right under a table (blank lines between them allowed). */
function readNotes(lines: string[], from: number): { text: string; line: number }[] {
  const notes: { text: string; line: number }[] = [];
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]?.trim() ?? '';
    if (text === '') continue;
    if (!NOTE_LINE.test(text)) break;
    notes.push({ text, line: i + 1 });
  }
  return notes;
}

/** A numbered row missing from the sequence is more likely a reading error than a printing one. */
function numberingGaps(rows: PlanIndicatorRow[], label: string): string[] {
  const warnings: string[] = [];
  let previous: number | null = null;
  for (const row of rows) {
    const seq = row.seq === null ? NaN : Number(row.seq);
    if (Number.isNaN(seq)) continue;
    if (previous !== null && seq !== previous + 1) {
      warnings.push(`${label}: numbering goes from ${previous} to ${seq} (line ${row.sourceLines[0]})`);
    }
    previous = seq;
  }
  return warnings;
}

function unexplainedMarks(rows: PlanIndicatorRow[], notes: { text: string }[], label: string): string[] {
  const marks = new Set(rows.flatMap((r) => r.marks));
  return [...marks]
    .filter((mark) => !notes.some((n) => compact(n.text).includes(mark)))
    .map((mark) => `${label}: rows are marked ${mark} but no note under the table says what it means`);
}

/** Where the text talks about its indicators, so a missing table can be looked for there. */
function mentionOfIndicators(lines: string[]): number | undefined {
  const index = lines.findIndex((l) => /主要(?:发展)?指标/.test(l) && l.trim().length <= 60);
  return index < 0 ? undefined : index + 1;
}
