import { describe, expect, it } from 'vitest';
import { DEFINITIONS, type Term } from '../domain/indicators/definitions/index.js';
import { FACILITY_TYPES } from '../store/schema/facilities.js';
import { MEASURES, sourceOf } from './measures.js';

const terms = DEFINITIONS.flatMap((d) => (d.method === 'ratio' ? [d.numerator, d.denominator] : []));
const measures = (t: Term) => (typeof t.measure === 'string' ? [t.measure] : [...t.measure]);

describe('definitions against the engine', () => {
  it('name only measures the engine builds, one source per term', () => {
    for (const term of terms) {
      for (const m of measures(term)) expect(MEASURES.has(m), m).toBe(true);
      expect(new Set(measures(term).map(sourceOf)).size, term.label).toBe(1);
    }
  });

  it('filter facilities by types the records know, and only facility measures', () => {
    for (const term of terms.filter((t) => t.facilities)) {
      for (const type of term.facilities!.types ?? []) expect(FACILITY_TYPES).toContain(type);
      expect(sourceOf(measures(term)[0]!)).toMatch(/^facility-/);
    }
  });

  it('use ages and scales on population terms only', () => {
    for (const term of terms.filter((t) => t.minAge !== undefined || t.scale !== undefined)) {
      expect(measures(term)).toEqual(['population']);
    }
  });
});
