import type { MessageKey } from '../i18n/translate';

/** The years a row takes values for: the baseline year (the one before the period) to the period's end. */
export function entryYears(period: { start: number; end: number }): { min: number; max: number } {
  return { min: period.start - 1, max: period.end };
}

// A rate of change (年均增速, 增长率, 下降率) may be negative or exceed 100%; a share or rate of a population
// may not.
const CHANGE = /增速|增长|下降|变化|增幅|降幅/;

/**
 * What is wrong with a value for a row, as a message key, or null. The server checks only that it is a number;
 * this catches the slips a form should: a share outside 0–100 %, a negative count or rate.
 */
export function valueProblem(value: number, unit: string | null, name: string): MessageKey | null {
  if (!Number.isFinite(value)) return 'manual.form.required';
  if (CHANGE.test(name)) return null;
  if (value < 0) return 'manual.form.negative';
  if (unit === '%' && value > 100) return 'manual.form.percent';
  return null;
}
