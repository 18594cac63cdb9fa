export type * from './types.js';
export { CATALOG, DOMAINS, getIndicator, listIndicators } from './catalog.js';
export { matchIndicator, normalizeIndicatorName, normalizeUnit } from './match.js';
export type { MatchResult } from './match.js';
