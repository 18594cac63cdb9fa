/** A figure for a table cell: two decimals (one from 100 up), trailing zeros dropped, no float noise. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(Number(value.toFixed(Math.abs(value) >= 100 ? 1 : 2)));
}
