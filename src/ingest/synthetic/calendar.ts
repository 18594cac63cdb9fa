/**
 * Dates as day numbers (days since 1970-01-01, UTC) for speed, with cached ISO strings: a county has
 * millions of dated rows over a few thousand distinct days.
 */
const DAY_MS = 86_400_000;
const FIRST = Date.UTC(1880, 0, 1) / DAY_MS;
const LAST = Date.UTC(2100, 0, 1) / DAY_MS;
const cache: (string | undefined)[] = [];
const years = new Int16Array(LAST - FIRST);
/** Month × 32 + day, so that comparing two values compares the dates within a year. */
const monthDays = new Int16Array(LAST - FIRST);
for (let d = FIRST; d < LAST; d++) {
  const date = new Date(d * DAY_MS);
  years[d - FIRST] = date.getUTCFullYear();
  monthDays[d - FIRST] = (date.getUTCMonth() + 1) * 32 + date.getUTCDate();
}

export function dayOf(year: number, month = 1, day = 1): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isoDate(day: number): string {
  const i = day - FIRST;
  return (cache[i] ??= new Date(day * DAY_MS).toISOString().slice(0, 10));
}

export function yearOf(day: number): number {
  return years[day - FIRST]!;
}

/** Completed years on `day` of someone born on `birthDay`. */
export function ageOn(birthDay: number, day: number): number {
  const i = day - FIRST;
  const b = birthDay - FIRST;
  return years[i]! - years[b]! - (monthDays[i]! < monthDays[b]! ? 1 : 0);
}

/** Days in a year (for drawing a date in it). */
export function daysInYear(year: number): number {
  return dayOf(year + 1) - dayOf(year);
}
