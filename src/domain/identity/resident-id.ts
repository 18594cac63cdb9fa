import { WeijianError } from '../errors.js';

/**
 * The resident ID number (公民身份号码) of GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit
 * birth date YYYYMMDD, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check
 * character (0–9 or X). The 15-digit numbers issued before 1999 have a 2-digit year and no check digit.
 */
export interface ResidentId {
  /** The 18-character number, upper-case X. */
  number: string;
  regionCode: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: 'male' | 'female';
  /** The three sequence digits (positions 15–17). */
  sequence: string;
  checkDigit: string;
}

/** Which part of the number is wrong. */
export type ResidentIdErrorReason =
  'length' | 'format' | 'region' | 'birth-date' | 'birth-date-future' | 'check-digit';

export type ResidentIdResult =
  { ok: true; value: ResidentId } | { ok: false; reason: ResidentIdErrorReason; message: string };

/** Weights W_i = 2^(17-i) mod 11 for positions 1–17 (GB 11643-1999, 6.2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for S mod 11 = 0…10: the value that makes the weighted sum ≡ 1 (mod 11). */
const CHECK_CHARS = '10X98765432';

/**
 * GB/T 2260 province-level codes (first two digits). Only the province is checked: ID numbers keep the
 * county code in force when they were issued, and many of those codes have since been abolished.
 */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]); // prettier-ignore

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new WeijianError('identity.format', `expected 17 digits, got "${first17}"`, {
      field: 'residentId',
    });
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Checks an 18-character resident ID number and reads its parts. `today` (YYYY-MM-DD) is passed in so
 * that the function stays pure and tests do not depend on the clock. Leading/trailing spaces and a
 * lower-case x are accepted (both are common in typed data); anything else wrong is reported by part.
 */
export function parseResidentId(input: string, today: string): ResidentIdResult {
  const number = input.trim().toUpperCase();
  if (number.length !== 18) {
    const hint = number.length === 15 ? ' (a 15-digit legacy number: convert it first)' : '';
    return fail('length', `expected 18 characters, got ${number.length}${hint}`);
  }
  if (!/^\d{17}[\dX]$/.test(number)) {
    return fail('format', 'expected 17 digits and a final digit or X');
  }
  const regionCode = number.slice(0, 6);
  const regionProblem = checkRegion(regionCode);
  if (regionProblem) return fail('region', regionProblem);
  const birthDate = isoDate(number.slice(6, 14));
  if (!birthDate) return fail('birth-date', `birth date ${number.slice(6, 14)} is not a calendar date`);
  if (birthDate > today) return fail('birth-date-future', `birth date ${birthDate} is after ${today}`);
  const expected = residentIdCheckDigit(number.slice(0, 17));
  const checkDigit = number[17]!;
  if (checkDigit !== expected) {
    return fail('check-digit', `check digit is ${checkDigit}, expected ${expected}`);
  }
  const sequence = number.slice(14, 17);
  const sex = Number(sequence[2]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { number, regionCode, birthDate, sex, sequence, checkDigit } };
}

/** True when `input` is a valid 18-character resident ID number on `today`. */
export function isValidResidentId(input: string, today: string): boolean {
  return parseResidentId(input, today).ok;
}

/**
 * Builds a valid 18-character number from its parts (the synthetic county generator uses it).
 * `sequence` 0–999 (odd = male); throws a WeijianError on a malformed part.
 */
export function makeResidentId(regionCode: string, birthDate: string, sequence: number | string): string {
  const regionProblem = /^\d{6}$/.test(regionCode) ? checkRegion(regionCode) : 'expected 6 digits';
  if (regionProblem) {
    throw new WeijianError('identity.region', `region code "${regionCode}": ${regionProblem}`, {
      field: 'regionCode',
    });
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match || !isoDate(match[1]! + match[2]! + match[3]!)) {
    throw new WeijianError('identity.birth-date', `birth date "${birthDate}" is not YYYY-MM-DD`, {
      field: 'birthDate',
    });
  }
  const seq = typeof sequence === 'number' ? String(sequence).padStart(3, '0') : sequence;
  if (!/^\d{3}$/.test(seq)) {
    throw new WeijianError('identity.sequence', `sequence "${sequence}" must be 0–999`, {
      field: 'sequence',
    });
  }
  const first17 = regionCode + match[1] + match[2] + match[3] + seq;
  return first17 + residentIdCheckDigit(first17);
}

/**
 * Converts a 15-digit number (GB 11643-1989: 6-digit region, YYMMDD, 3-digit sequence) to 18 characters:
 * the year gets "19" (those numbers were issued to people born in the 1900s) and a check digit is added.
 * The result is then checked like any 18-character number.
 */
export function convertLegacyResidentId(input: string, today: string): ResidentIdResult {
  const number = input.trim();
  if (number.length !== 15) return fail('length', `expected 15 digits, got ${number.length}`);
  if (!/^\d{15}$/.test(number)) return fail('format', 'expected 15 digits');
  const first17 = number.slice(0, 6) + '19' + number.slice(6, 15);
  return parseResidentId(first17 + residentIdCheckDigit(first17), today);
}

function checkRegion(regionCode: string): string | undefined {
  if (!PROVINCES.has(regionCode.slice(0, 2))) {
    return `region code ${regionCode} does not start with a province code`;
  }
  if (regionCode.slice(2) === '0000') return `region code ${regionCode} is a whole province`;
  return undefined;
}

/** YYYYMMDD → YYYY-MM-DD when it is a real calendar date from 1800 on, else undefined. */
function isoDate(yyyymmdd: string): string | undefined {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1800 || month < 1 || month > 12 || day < 1) return undefined;
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone shifts.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > lastDay) return undefined;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function fail(reason: ResidentIdErrorReason, message: string): ResidentIdResult {
  return { ok: false, reason, message };
}
