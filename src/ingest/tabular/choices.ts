/**
 * Closed lists of values as commissions write them: each stored code word has one Chinese label (written
 * on export and in the templates) and accepted spellings (other Chinese forms, the code word itself).
 */
export interface Choices<T extends string> {
  values: readonly T[];
  /** The labels in order, for notes and templates. */
  labels: readonly string[];
  label(value: T): string;
  /** The code word for a written value; null when the value is not in the list. */
  read(text: string): T | null;
}

/** The code words of a list. */
export type ChoiceOf<C> = C extends Choices<infer T> ? T : never;

/** How a written choice is compared: width-folded, no spaces or brackets, lower case. */
export function normalizeChoice(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s()（）]/g, '')
    .toLowerCase();
}

export function choices<T extends string>(entries: readonly [T, string, ...string[]][]): Choices<T> {
  const labels = new Map<T, string>();
  const lookup = new Map<string, T>();
  for (const [value, label, ...spellings] of entries) {
    labels.set(value, label);
    for (const spelling of [value, label, ...spellings]) lookup.set(normalizeChoice(spelling), value);
  }
  return {
    values: [...labels.keys()],
    labels: [...labels.values()],
    label: (value) => labels.get(value) ?? value,
    read: (text) => lookup.get(normalizeChoice(text)) ?? null,
  };
}
