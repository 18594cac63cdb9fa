import type { FastifyRequest } from 'fastify';
import { bad, RESULT_PARAMS } from '../../fhir/store/rest-search.js';

/** The query string as ordered pairs (a parameter may repeat: AND). */
export function queryPairs(request: FastifyRequest): [string, string][] {
  const at = request.url.indexOf('?');
  return at < 0 ? [] : parsePairs(request.url.slice(at + 1));
}

export function parsePairs(query: string): [string, string][] {
  return [...new URLSearchParams(query)].map(([k, v]) => [k, v]);
}

/** The filters of a search: the pairs minus the result parameters. */
export const filtersOf = (pairs: [string, string][]) => pairs.filter(([k]) => !RESULT_PARAMS.includes(k));

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 1000;

export function countOf(pairs: [string, string][]): number {
  const text = pairs.find(([k]) => k === '_count')?.[1];
  if (text === undefined) return DEFAULT_COUNT;
  if (!/^\d+$/.test(text) || Number(text) > MAX_COUNT)
    throw bad('_count', `_count must be a whole number 0–${MAX_COUNT}, got "${text}"`);
  return Number(text);
}

/** `Prefer: handling=strict` (R4 search §3.1.1.4): unknown parameters are errors instead of being ignored. */
export const isStrict = (request: FastifyRequest) =>
  /handling\s*=\s*strict/i.test(String(request.headers.prefer ?? ''));

/** The FHIR base URL as the client reached it. */
export const baseOf = (request: FastifyRequest) =>
  `${request.protocol}://${request.headers.host ?? 'localhost'}/fhir`;
