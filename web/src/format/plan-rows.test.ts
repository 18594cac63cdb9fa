import { describe, expect, it } from 'vitest';
import type { Nature, PlanRow } from '../api/types';
import { domainsOf, tableRows } from './plan-rows';

const row = (name: string, domain: string | null, nature: Nature | null): PlanRow => ({
  domain,
  seq: null,
  marks: [],
  name,
  indicatorId: null,
  unmappedReason: null,
  unit: null,
  baseline: null,
  target: { text: '——', kind: 'notSet' },
  nature,
  parent: null,
  sourceLines: [1, 1],
  warnings: [],
});

const rows = [
  row('a', '健康水平', 'expected'),
  row('b', '健康水平', 'binding'),
  row('c', '健康服务', 'binding'),
  row('d', '健康服务', 'expected'),
  row('e', '健康服务', 'guiding'),
];

describe('tableRows', () => {
  it('spans each run of one domain from its first row', () => {
    const all = tableRows(rows, { domains: [], natures: [] });
    expect(all.map((r) => [r.name, r.domainSpan])).toEqual([
      ['a', 2],
      ['b', 0],
      ['c', 3],
      ['d', 0],
      ['e', 0],
    ]);
  });

  it('filters by nature and domain, keeping the table index as key and recomputing spans', () => {
    const binding = tableRows(rows, { domains: [], natures: ['binding'] });
    expect(binding.map((r) => [r.name, r.key, r.domainSpan])).toEqual([
      ['b', 1, 1],
      ['c', 2, 1],
    ]);
    const services = tableRows(rows, { domains: ['健康服务'], natures: ['expected', 'guiding'] });
    expect(services.map((r) => [r.name, r.domainSpan])).toEqual([
      ['d', 2],
      ['e', 0],
    ]);
  });

  it('drops rows without a domain or nature only when that filter is set', () => {
    const loose = [...rows, row('f', null, null)];
    expect(tableRows(loose, { domains: [], natures: [] })).toHaveLength(6);
    expect(tableRows(loose, { domains: ['健康水平'], natures: [] })).toHaveLength(2);
  });
});

describe('tableRows by status', () => {
  it('keeps the rows whose assessment status is chosen, all of them while the assessment is not loaded', () => {
    const statuses = ['achieved', 'off-track', 'off-track', 'no-data', 'achieved'] as const;
    const offTrack = tableRows(
      rows,
      { domains: [], natures: [], statuses: ['off-track'] },
      (key) => statuses[key],
    );
    expect(offTrack.map((r) => [r.name, r.domainSpan])).toEqual([
      ['b', 1],
      ['c', 1],
    ]);
    const both = tableRows(
      rows,
      { domains: ['健康服务'], natures: [], statuses: ['off-track', 'achieved'] },
      (key) => statuses[key],
    );
    expect(both.map((r) => r.name)).toEqual(['c', 'e']);
    expect(
      tableRows(rows, { domains: [], natures: [], statuses: ['off-track'] }, () => undefined),
    ).toHaveLength(5);
  });
});

describe('domainsOf', () => {
  it('lists domains once, in table order', () => {
    expect(domainsOf([...rows, row('f', null, null)])).toEqual(['健康水平', '健康服务']);
  });
});
