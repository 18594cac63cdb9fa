import { formatValue } from './numbers';

/**
 * A value written with its unit. Plans and the catalog write a rate per 100 000 as `1/10万` (one in 10万);
 * after a value the `1` is the value's own place, so 0 reads `0/10万`, not `01/10万`.
 */
export function withUnit(value: string, unit: string | null | undefined): string {
  if (!unit || value === '') return value;
  return `${value}${unit.replace(/^1\//, '/')}`;
}

/** A number rounded for display (numbers.ts) with its unit; empty when there is no number. */
export const formatWithUnit = (value: number | null | undefined, unit: string | null | undefined) =>
  withUnit(formatValue(value), unit);
