import { describe, expect, it } from 'vitest';
import { CATALOG, getIndicator } from '../../catalog/index.js';
import { DEFINITIONS, NOT_YET_COMPUTABLE } from './index.js';

const PERIOD_OF_CATALOG = {
  'calendar-year': 'calendar',
  'mch-statistical-year': 'mch',
  'year-end': 'year-end',
} as const;

describe('indicator definitions', () => {
  it('cover every computable catalog indicator exactly once, or say why not yet', () => {
    const defined = DEFINITIONS.map((d) => d.id);
    expect(new Set(defined).size).toBe(defined.length);
    for (const entry of CATALOG.filter((c) => c.definition.computable)) {
      const count = defined.filter((id) => id === entry.id).length;
      const pending = entry.id in NOT_YET_COMPUTABLE;
      expect({ id: entry.id, defined: count, pending }).toEqual({
        id: entry.id,
        defined: pending ? 0 : 1,
        pending,
      });
    }
  });

  it('define only catalog indicators marked computable', () => {
    for (const id of [...DEFINITIONS.map((d) => d.id), ...Object.keys(NOT_YET_COMPUTABLE)]) {
      expect(getIndicator(id)?.definition.computable, id).toBe(true);
    }
  });

  it('agree with the catalog on multiplier, population and period', () => {
    for (const d of DEFINITIONS) {
      const catalog = getIndicator(d.id)!.definition;
      const expected = PERIOD_OF_CATALOG[catalog.period as keyof typeof PERIOD_OF_CATALOG];
      expect({ id: d.id, population: d.population, period: d.period }).toEqual({
        id: d.id,
        population: catalog.population,
        period: expected,
      });
      const multiplier = d.method === 'ratio' ? d.multiplier : catalog.multiplier;
      expect({ id: d.id, multiplier }).toEqual({ id: d.id, multiplier: catalog.multiplier });
    }
  });

  it('say so where the catalog marks a proxy, and are quarterly only for events', () => {
    for (const d of DEFINITIONS) {
      if (getIndicator(d.id)!.definition.proxy) expect(d.proxy, d.id).toBeTruthy();
      if (d.quarterly) expect(d.period, d.id).toBe('calendar');
      expect(d.levels.length, d.id).toBeGreaterThan(0);
    }
  });

  it('mark the definitions file’s product rules as such', () => {
    for (const id of [
      'ehr-standardized-rate',
      'family-doctor-renewal-rate',
      'non-public-facility-service-share',
    ]) {
      expect(DEFINITIONS.find((d) => d.id === id)?.productRule, id).toBeTruthy();
    }
  });
});
