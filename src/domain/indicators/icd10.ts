/**
 * ICD-10 code helpers for cause-of-death rules. Codes arrive as WHO ICD-10 (`I10`, `C34.1`) or as the Chinese
 * extensions of GB/T 14396 and the national clinical version (`I10.x00`, `C34.101`, `E11.900x001`): only the
 * three-character category (letter + two digits) decides which WHO cause group a death belongs to, so the
 * extension after it is accepted and ignored. Pure: no I/O.
 */

/** The three-character category of a code: letter and two-digit number (`C34.1` → { letter: 'C', number: 34 }). */
export interface Icd10Category {
  letter: string;
  number: number;
  /** `C34` */
  code: string;
}

/**
 * Reads the category of an ICD-10 code, or null when the text is not one code. Accepted after NFKC
 * normalisation (full-width `Ｉ１０`), trimming and upper-casing: a letter, two digits, then an optional
 * extension of letters/digits with or without a dot (`C34.1`, `C341`, `I10.x00`), and an optional dagger,
 * asterisk or plus sign (dual classification, `E11.5†`). Ranges (`I10-I15`) and lists are not one code.
 */
export function icd10Category(code: string): Icd10Category | null {
  const text = code.normalize('NFKC').trim().toUpperCase();
  const match = /^([A-Z])(\d{2})(?:\.?[0-9A-Z]*)[†*+]?$/.exec(text);
  if (!match) return null;
  const letter = match[1]!;
  const digits = match[2]!;
  return { letter, number: Number(digits), code: `${letter}${digits}` };
}

/** An inclusive range of categories within one chapter letter, e.g. J30–J98. */
export interface Icd10Range {
  letter: string;
  from: number;
  to: number;
}

/** Whether a code's category falls in any of the ranges (false for text that is not a code). */
export function icd10InRanges(code: string, ranges: readonly Icd10Range[]): boolean {
  const category = icd10Category(code);
  if (!category) return false;
  return ranges.some(
    (r) => r.letter === category.letter && category.number >= r.from && category.number <= r.to,
  );
}
