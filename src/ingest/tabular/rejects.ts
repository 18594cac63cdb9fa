import type { Reject } from '../../domain/import-report.js';

const COLUMNS = ['file', 'line', 'field', 'code', 'reason'] as const;

/**
 * Rejects as a file: NDJSON (one JSON object a line) for `.ndjson`/`.jsonl`, otherwise CSV in UTF-8
 * with a BOM, so that Excel shows the Chinese fields and reasons correctly.
 */
export function formatRejects(rejects: readonly Reject[], fileName: string): string {
  if (/\.(ndjson|jsonl)$/i.test(fileName)) {
    return rejects.map((r) => `${JSON.stringify(r)}\n`).join('');
  }
  const lines = [COLUMNS.join(','), ...rejects.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
