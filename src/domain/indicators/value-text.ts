/**
 * A value written with its unit. A rate "per 100 000" is catalogued as `1/10万` (read: one in 10万); written
 * after a value the `1` is the value's place, so 0 reads `0/10万`, not `01/10万`, and 18.5 reads `18.5/10万`.
 */
export function withUnit(value: string, unit: string | null | undefined): string {
  if (!unit) return value;
  return `${value}${unit.replace(/^1\//, '/')}`;
}
