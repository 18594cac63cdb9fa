import type { Nature, PlanIndicatorRow, PrintedValue } from '../../domain/plan/types.js';
import { parseTarget } from '../../domain/plan/target.js';
import { matchIndicator } from '../../domain/catalog/match.js';
import type { FlatRow } from './flat-table.js';
import { compact, type Column, type ColumnRole } from './table-header.js';
import { normalizeUnit, splitUnitFromName, unitWarnings } from './unit.js';

const NATURES: Record<string, Nature> = {
  预期性: 'expected',
  预期: 'expected',
  约束性: 'binding',
  约束: 'binding',
  指导性: 'guiding',
  指导: 'guiding',
};
/** Marks printed before or after a number or name (`#1`); full-width forms fold to `#`, `*`. */
const EDGE_MARKS = /^[#＃*＊▲△★☆※]+|[#＃*＊▲△★☆※]+$/g;
const SUB_ROW = /^其中\s*[:：]?\s*/;
const LEADING_NUMBER = /^[<>≤≥]?=?\s*(-?\d+(?:\.\d+)?)/;

/** What a row needs from the rows above it. */
export interface RowContext {
  domain: string | null;
  /** Index of the last row that is not a `其中` sub-row, in the list the row goes into. */
  lastMainRow: number | null;
}

/** One indicator row from its cells, aligned to the header's columns. */
export function buildRow(row: FlatRow, columns: Column[], context: RowContext): PlanIndicatorRow {
  const warnings: string[] = [];
  const texts = alignCells(row, columns, warnings);
  const cell = (role: ColumnRole) => {
    const index = columns.findIndex((c) => c.role === role);
    return index < 0 ? null : (texts[index] ?? '');
  };
  const column = (role: ColumnRole) => columns.find((c) => c.role === role);

  const domain = compact(cell('domain') ?? '') || context.domain;
  const seqText = (cell('seq') ?? '').normalize('NFKC').trim();
  const nameText = (cell('name') ?? '').trim();
  const isSubRow = SUB_ROW.test(nameText);
  const printedName = nameText.replace(SUB_ROW, '');
  const marks = [...takeMarks(seqText), ...takeMarks(printedName)];
  const split = splitUnitFromName(stripMarks(printedName));
  const unitCell = normalizeUnit(cell('unit') ?? '');
  if (unitCell && split.unit && unitCell !== split.unit) {
    warnings.push(`unit column says ${unitCell} but the name says ${split.unit}`);
  }
  const unit = unitCell ?? split.unit;

  const baselineText = cell('baseline');
  const baseline: PrintedValue | null = baselineText
    ? { text: baselineText, value: leadingNumber(baselineText), year: column('baseline')?.year ?? null }
    : null;
  const targetText = cell('target') ?? '';
  if (targetText === '') warnings.push('the target cell is empty');
  const target = parseTarget(targetText);
  if (target.kind === 'qualitative' && targetText !== '') {
    warnings.push(`the target ${targetText} is not a number, bound, range or ratio; kept as text`);
  }
  warnings.push(...unitWarnings(unit, target, baseline));

  const nature = readNature(cell('nature'), warnings);
  if (isSubRow && context.lastMainRow === null) warnings.push('a 其中 sub-row with no row above it');
  const match = matchIndicator(split.name, unit);
  return {
    domain,
    seq: seqText === '' ? null : stripMarks(seqText),
    marks,
    name: split.name,
    indicatorId: match.id,
    unmappedReason: match.id === null ? match.reason : null,
    unit,
    baseline,
    target,
    nature,
    parent: isSubRow ? context.lastMainRow : null,
    sourceLines: [row.first, row.last],
    warnings,
  };
}

/**
 * Cell texts in header order. A row one cell short whose first column is the domain lost the empty
 * continuation of a merged domain cell; any other count is reported rather than guessed.
 */
function alignCells(row: FlatRow, columns: Column[], warnings: string[]): string[] {
  const texts = row.cells.map((c) => c.text);
  if (texts.length === columns.length) return texts;
  if (texts.length === columns.length - 1 && columns[0]?.role === 'domain') return ['', ...texts];
  warnings.push(
    `the row has ${texts.length} cells but the header has ${columns.length} ` +
      `(${columns.map((c) => compact(c.header)).join(' | ')}); cells were read left to right: ${texts.join(' | ')}`,
  );
  return texts;
}

function takeMarks(text: string): string[] {
  return [...text.matchAll(EDGE_MARKS)].flatMap((m) => [...m[0].normalize('NFKC')]);
}

function stripMarks(text: string): string {
  return text.replace(EDGE_MARKS, '').trim();
}

function readNature(text: string | null, warnings: string[]): Nature | null {
  if (text === null) return null;
  const nature = NATURES[compact(text)];
  if (nature) return nature;
  warnings.push(text === '' ? 'the nature cell is empty' : `unknown nature ${text}`);
  return null;
}

/** The number a printed value starts with (`1.34：1` → 1.34, `≥90` → 90); null for words (`较2015年下降…`). */
function leadingNumber(text: string): number | null {
  const match = LEADING_NUMBER.exec(text.normalize('NFKC').trim());
  return match?.[1] === undefined ? null : Number(match[1]);
}
