/** A cell of a flattened table: its text (continuation lines joined) and its 1-based lines. */
export interface FlatCell {
  text: string;
  first: number;
  last: number;
}

export interface FlatRow {
  cells: FlatCell[];
  first: number;
  last: number;
}

export interface FlatTable {
  rows: FlatRow[];
  /** Index of the first line after the table. */
  end: number;
  /** First line (1-based) of a row the text ends in the middle of, or null. */
  cutRowLine: number | null;
}

/** A note or caveat under a table ends it, even when it is printed as if it were a cell. */
export const NOTE_LINE = /^\s*(?:(?:注|备注|说明)\s*[:：]|[（(]?\s*以上(?:指标|数据))/;

/** A line with only a tab is an empty cell, not a blank line. */
const isBlank = (line: string) => line.trim() === '' && !line.startsWith('\t');
const isCellStart = (line: string) => line.startsWith('\t');
/** Cells are short; a long line or a heading after a row that lacks cells is the text after the table. */
const MAX_CONTINUATION = 50;
const HEADING =
  /^\s*(?:第[一二三四五六七八九十百\d]+[章节部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;

/**
 * Reads rows of `width` cells from the flattened text of a table, starting at line index `start`.
 * In the text exports every cell starts a line with a tab; a line without one continues the cell above,
 * sometimes after a blank line (`\t健康`, ``, `水平`); a blank line followed by a tab ends the row.
 * The table ends at a line without a tab once the row in progress has all its cells.
 */
export function readFlatRows(lines: string[], start: number, width: number): FlatTable {
  const rows: FlatRow[] = [];
  let cells: FlatCell[] = [];
  const finishRow = () => {
    const [first, last] = [cells[0], cells.at(-1)];
    if (first && last) rows.push({ cells, first: first.first, last: last.last });
    cells = [];
  };
  const continues = (line: string) =>
    cells.length > 0 &&
    cells.length < width &&
    line.trim().length <= MAX_CONTINUATION &&
    !NOTE_LINE.test(line) &&
    !HEADING.test(line);

  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isCellStart(line)) {
      if (cells.length === 0 && NOTE_LINE.test(line)) break;
      if (cells.length >= width) finishRow();
      cells.push({ text: line.trim(), first: i + 1, last: i + 1 });
    } else if (isBlank(line)) {
      let next = i + 1;
      while (next < lines.length && isBlank(lines[next] ?? '')) next++;
      if (next >= lines.length) {
        i = lines.length;
        break;
      }
      const nextLine = lines[next] ?? '';
      if (isCellStart(nextLine)) finishRow();
      else if (!continues(nextLine)) break;
      i = next - 1;
    } else if (continues(line)) {
      const cell = cells.at(-1);
      if (cell) {
        cell.text += line.trim();
        cell.last = i + 1;
      }
    } else {
      break;
    }
  }
  const atEnd = i >= lines.length;
  const cutRowLine = atEnd && cells.length > 0 && cells.length < width ? (cells[0]?.first ?? null) : null;
  finishRow();
  return { rows, end: i, cutRowLine };
}

/** Header cells from line index `start` up to the first blank line (a header cell may span two lines). */
export function readHeaderCells(lines: string[], start: number): { cells: string[]; end: number } {
  const cells: string[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) break;
    if (isCellStart(line) || cells.length === 0) cells.push(line.trim());
    else cells[cells.length - 1] += line.trim();
  }
  return { cells, end: i };
}
