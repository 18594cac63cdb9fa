import { describe, expect, it } from 'vitest';
import { regionTree, type RegionRow } from './tree.js';

const row = (
  code: string,
  level: RegionRow['level'],
  name: string,
  parentCode: string | null,
): RegionRow => ({
  countyCode: code.slice(0, 6),
  code,
  level,
  name,
  parentCode,
});

// Out of order on purpose: the tree comes back in code order.
const rows: RegionRow[] = [
  row('320612002001', 'village', '三村', '320612002000'),
  row('320612001002', 'village', '二村', '320612001000'),
  row('320612001001', 'village', '一村', '320612001000'),
  row('320612002000', 'town', '二镇', '320612000000'),
  row('320612001000', 'town', '一镇', '320612000000'),
  row('320612000000', 'county', '小县', null),
  row('320281000000', 'county', '江阴市', null),
  row('320281100000', 'town', '澄江街道', '320281000000'),
];

describe('regionTree', () => {
  it('nests every county, town and village in code order when the scope is every region', () => {
    expect(regionTree(rows, null)).toEqual([
      {
        countyCode: '320281',
        code: '320281000000',
        name: '江阴市',
        covered: true,
        towns: [{ code: '320281100000', name: '澄江街道', covered: true, villages: [] }],
      },
      {
        countyCode: '320612',
        code: '320612000000',
        name: '小县',
        covered: true,
        towns: [
          {
            code: '320612001000',
            name: '一镇',
            covered: true,
            villages: [
              { code: '320612001001', name: '一村' },
              { code: '320612001002', name: '二村' },
            ],
          },
          {
            code: '320612002000',
            name: '二镇',
            covered: true,
            villages: [{ code: '320612002001', name: '三村' }],
          },
        ],
      },
    ]);
  });

  it('keeps only the counties of a county or city scope', () => {
    expect(regionTree(rows, '320612').map((c) => c.name)).toEqual(['小县']);
    expect(regionTree(rows, '320600').map((c) => c.name)).toEqual(['小县']);
    expect(regionTree(rows, '320000').map((c) => c.name)).toEqual(['江阴市', '小县']);
    expect(regionTree(rows, '110000')).toEqual([]);
  });

  it('keeps the county of a town scope as a root only partly covered, with that town alone', () => {
    const [county] = regionTree(rows, '320612001');
    expect(county).toMatchObject({ name: '小县', covered: false });
    expect(county!.towns.map((t) => [t.name, t.covered, t.villages.length])).toEqual([['一镇', true, 2]]);
  });

  it('keeps one village of a village scope, its town and county partly covered', () => {
    const [county] = regionTree(rows, '320612001002');
    expect(county!.covered).toBe(false);
    expect(county!.towns).toEqual([
      {
        code: '320612001000',
        name: '一镇',
        covered: false,
        villages: [{ code: '320612001002', name: '二村' }],
      },
    ]);
  });

  it('leaves out rows whose parent is missing', () => {
    const orphan = row('320612003001', 'village', '孤村', '320612003000');
    expect(regionTree([...rows, orphan], '320612')[0]!.towns.map((t) => t.name)).toEqual(['一镇', '二镇']);
  });
});
