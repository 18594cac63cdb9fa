import { residentIdCheckDigit } from './resident-id.js';

/**
 * The master patient index's duplicate rules: which residents of one county may be the same person.
 * `store/mpi.ts` runs them as set-based SQL over the whole county; `matchRule` is the same definition
 * for one pair, the reference the SQL is tested against.
 */

export type MatchRuleName = 'id-number' | 'demographics' | 'demographics-town';
export type MatchStrength = 'certain' | 'probable' | 'possible';

export interface MatchRule {
  name: MatchRuleName;
  strength: MatchStrength;
  /** Stored in resident_match_candidates.score; orders the review list. */
  score: number;
  description: string;
}

/** Strongest first: a pair found by several rules is stored once, under the first. */
export const MATCH_RULES: readonly MatchRule[] = [
  { name: 'id-number', strength: 'certain', score: 1, description: '同一身份证号 same resident ID number' },
  {
    name: 'demographics',
    strength: 'probable',
    score: 0.9,
    description: '姓名、性别、出生日期、居住村相同 same name, sex, birth date and village',
  },
  {
    name: 'demographics-town',
    strength: 'possible',
    score: 0.6,
    description: '姓名、性别、出生日期相同，同一乡镇 same name, sex and birth date in the same town',
  },
];

export const matchRuleNamed = (name: MatchRuleName): MatchRule => MATCH_RULES.find((r) => r.name === name)!;

/**
 * Identifier systems whose value is the resident ID number itself: the social security number is the
 * 公民身份号码 (社会保险法 art. 58) and the 居民健康卡 is keyed by it. Since an ID number is unique in
 * `residents`, a duplicate with the same number shows up only through these identifiers.
 */
export const ID_NUMBER_IDENTIFIER_SYSTEMS = ['insurance', 'health_card'] as const;

/** Shape of an 18-character ID number, for identifier values that may hold something else. */
export const ID_NUMBER_PATTERN = '^[0-9]{17}[0-9X]$';

/**
 * Characters dropped from a name after NFKC: white space and the separators of transliterated names
 * (`阿不都·买买提`, typed as `阿不都.买买提`, `阿不都•买买提` or without one). NFKC already turns full-width
 * letters, digits, dots and the ideographic space into their half-width forms.
 */
export const NAME_IGNORED_CHARACTERS = ' \t\n\r\f\v\u00a0\u200b\ufeff·•‧∙⋅・.';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
/** ASCII lower → upper only, so that the database (any locale) computes exactly the same key. */
export const NAME_CASE_FOLD = { from: LOWER, to: LOWER.toUpperCase() } as const;

const ignored = new Set(Array.from(NAME_IGNORED_CHARACTERS));

/** The name as compared by the rules: NFKC, separators and spaces removed, ASCII letters upper-cased. */
export function normaliseName(name: string): string {
  return Array.from(name.normalize('NFKC'))
    .filter((c) => !ignored.has(c))
    .map((c) => (c >= 'a' && c <= 'z' ? c.toUpperCase() : c))
    .join('');
}

/** The town (乡镇/街道) of a 12-digit village code: its first 9 digits + `000`. */
export function townOf(villageCode: string): string {
  return `${villageCode.slice(0, 9)}000`;
}

/** Well-formed with the right check digit: MOD 11-2 catches every single wrong digit and adjacent swap. */
export function hasValidCheckDigit(idNumber: string): boolean {
  return (
    new RegExp(ID_NUMBER_PATTERN).test(idNumber) &&
    residentIdCheckDigit(idNumber.slice(0, 17)) === idNumber[17]
  );
}

/** Two different ID numbers that were both typed correctly belong to two people: never a duplicate. */
export function conflictingIdNumbers(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b && hasValidCheckDigit(a) && hasValidCheckDigit(b);
}

export interface MatchSubject {
  idNumber: string | null;
  /** ID numbers held as identifiers (ID_NUMBER_IDENTIFIER_SYSTEMS), upper-cased. */
  identifierIdNumbers: readonly string[];
  name: string;
  sex: 'male' | 'female' | 'unknown';
  birthDate: string | null;
  villageCode: string | null;
}

/** The strongest rule that pairs `a` and `b`, or undefined. */
export function matchRule(a: MatchSubject, b: MatchSubject): MatchRule | undefined {
  if (conflictingIdNumbers(a.idNumber, b.idNumber)) return undefined;
  const numbers = (s: MatchSubject) => [s.idNumber, ...s.identifierIdNumbers].filter((n) => n !== null);
  const bNumbers = new Set(numbers(b));
  if (numbers(a).some((n) => bNumbers.has(n))) return matchRuleNamed('id-number');
  // Unknown sex and a missing birth date or village are missing data, not agreement.
  const sameDemographics =
    normaliseName(a.name) === normaliseName(b.name) &&
    a.sex === b.sex &&
    a.sex !== 'unknown' &&
    a.birthDate !== null &&
    a.birthDate === b.birthDate;
  if (!sameDemographics || a.villageCode === null || b.villageCode === null) return undefined;
  if (a.villageCode === b.villageCode) return matchRuleNamed('demographics');
  if (townOf(a.villageCode) === townOf(b.villageCode)) return matchRuleNamed('demographics-town');
  return undefined;
}
