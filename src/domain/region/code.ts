/**
 * Region codes. GB/T 2260 gives 6 digits (2 province, 2 city, 2 county); the statistical division code
 * of the National Bureau of Statistics extends it to 12 (3 town/乡镇街道, 3 village/村居委会).
 * Towns are also written with 9 digits (the 12-digit code without its village part).
 */

export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'village';

export interface RegionCodeParts {
  level: RegionLevel;
  province: string;
  city: string | null;
  county: string | null;
  town: string | null;
  village: string | null;
}

/** True for a well-formed 6-digit GB/T 2260 code (province 11–82; no county part under a zero city part). */
export function isRegionCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const province = Number(code.slice(0, 2));
  if (province < 11 || province > 82) return false;
  return !(code.slice(2, 4) === '00' && code.slice(4, 6) !== '00');
}

/** True for a well-formed 12-digit statistical code whose first 6 digits are a GB/T 2260 code. */
export function isStatCode(code: string): boolean {
  if (!/^\d{12}$/.test(code) || !isRegionCode(code.slice(0, 6))) return false;
  // A village part under a zero town part cannot exist.
  return !(code.slice(6, 9) === '000' && code.slice(9) !== '000');
}

/** Splits a 6-, 9- or 12-digit code into its parts; null when it is not well-formed. */
export function parseRegionCode(code: string): RegionCodeParts | null {
  const full = code.length === 9 ? `${code}000` : code;
  if (full.length === 6 ? !isRegionCode(full) : !isStatCode(full)) return null;
  const nz = (part: string) => (/^0+$/.test(part) ? null : part);
  const city = nz(full.slice(2, 4));
  const county = nz(full.slice(4, 6));
  const town = full.length === 12 ? nz(full.slice(6, 9)) : null;
  const village = full.length === 12 ? nz(full.slice(9, 12)) : null;
  const level: RegionLevel = village
    ? 'village'
    : town
      ? 'town'
      : county
        ? 'county'
        : city
          ? 'city'
          : 'province';
  return { level, province: full.slice(0, 2), city, county, town, village };
}

export function regionLevel(code: string): RegionLevel | null {
  return parseRegionCode(code)?.level ?? null;
}

/** The significant prefix of a code: 2 digits for a province, 4 city, 6 county, 9 town, 12 village. */
export function codePrefix(code: string): string | null {
  const level = regionLevel(code);
  if (level === null) return null;
  const length = { province: 2, city: 4, county: 6, town: 9, village: 12 }[level];
  return code.slice(0, length);
}

/** The 6-digit GB/T 2260 code of a code's county (or higher) part. */
export function toRegionCode(code: string): string | null {
  return parseRegionCode(code) ? code.slice(0, 6) : null;
}

/** Pads any well-formed code to the 12-digit statistical form. */
export function toStatCode(code: string): string | null {
  return parseRegionCode(code) ? code.padEnd(12, '0') : null;
}

/**
 * Whether `child` lies in `parent` — inclusive: a region is within itself, which is what a scope check wants.
 * Either may be 6, 9 or 12 digits; malformed codes are within nothing.
 */
export function isWithin(child: string, parent: string): boolean {
  const childPrefix = codePrefix(child);
  const parentPrefix = codePrefix(parent);
  if (childPrefix === null || parentPrefix === null) return false;
  return childPrefix.startsWith(parentPrefix);
}
