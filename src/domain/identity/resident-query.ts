import { WeijianError } from '../errors.js';
import { convertLegacyResidentId } from './resident-id.js';

/**
 * What a resident search box holds, read once so that the API, the CLI and the audit log agree on it.
 * Digits are looked up wherever digits can be (platform id, ID number in full or by its last digits, phone);
 * anything else is the start of a name. Each reading maps to one index (store/resident-lookup.ts).
 */
export type ResidentQuery =
  | { kind: 'all' }
  | { kind: 'name'; prefix: string }
  | {
      kind: 'number';
      /** The platform's resident id (`residents.id`). */
      platformId: number | null;
      /** A full 18-character ID number (a 15-digit one converted). */
      idNumber: string | null;
      /** The last characters of an ID number (4–17 of them). */
      idNumberSuffix: string | null;
      /** A phone number in full. */
      phone: string | null;
    };

/** Fewer last digits than this would list a tenth of the county: not a lookup any more. */
export const MIN_SUFFIX = 4;
export const MAX_QUERY = 50;

/** `today` (YYYY-MM-DD) only bounds the birth date of a converted 15-digit ID number. */
export function parseResidentQuery(input: string | undefined, today: string): ResidentQuery {
  const text = (input ?? '').trim();
  if (!text) return { kind: 'all' };
  if (Array.from(text).length > MAX_QUERY) {
    throw new WeijianError('residents.query-too-long', `a search is at most ${MAX_QUERY} characters`, {
      field: 'q',
    });
  }
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  if (!/^\d+X?$/.test(compact)) return { kind: 'name', prefix: text };
  const digitsOnly = !compact.endsWith('X');
  const id = Number(compact);
  const legacy = compact.length === 15 ? convertLegacyResidentId(compact, today) : null;
  return {
    kind: 'number',
    platformId: digitsOnly && compact.length <= 15 && id > 0 ? id : null,
    idNumber: compact.length === 18 ? compact : legacy?.ok ? legacy.value.number : null,
    idNumberSuffix: compact.length >= MIN_SUFFIX && compact.length < 18 ? compact : null,
    phone: digitsOnly && compact.length >= 7 && compact.length <= 13 ? compact : null,
  };
}

/** The fields a query searched, for the audit row (never the query itself: it may be a name or a number). */
export function queryFields(query: ResidentQuery): string[] {
  if (query.kind !== 'number') return [query.kind];
  const fields: [string, unknown][] = [
    ['platform-id', query.platformId],
    ['id-number', query.idNumber],
    ['id-number-suffix', query.idNumberSuffix],
    ['phone', query.phone],
  ];
  return fields.filter(([, v]) => v !== null).map(([name]) => name);
}
