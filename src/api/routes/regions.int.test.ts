import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTinyCounty, T1, V12 } from '../../engine/tiny-county.fixture.js';
import type { Database } from '../../store/db.js';
import { regions } from '../../store/schema/index.js';
import { createTestUser, injectAs } from '../../testing/auth.js';
import { backends } from '../../testing/databases.js';
import { buildApp } from '../server.js';

interface Tree {
  counties: {
    countyCode: string;
    name: string;
    covered: boolean;
    towns: { code: string; name: string; covered: boolean; villages: { name: string }[] }[];
  }[];
}

/** county: towns (villages) — what a tree reads as in one line. */
const outline = (tree: Tree) =>
  tree.counties.map(
    (c) =>
      `${c.name}${c.covered ? '' : '*'}: ${c.towns
        .map((t) => `${t.name}${t.covered ? '' : '*'}(${t.villages.map((v) => v.name).join(',')})`)
        .join(' ')}`,
  );

describe.each(backends)('region tree API on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await backend.open();
    app = await buildApp(database);
    await loadTinyCounty(database.db);
    // A second county, in another city of the same province.
    await database.db.insert(regions).values([
      { countyCode: '320281', code: '320281000000', level: 'county', name: '江阴市' },
      {
        countyCode: '320281',
        code: '320281100000',
        parentCode: '320281000000',
        level: 'town',
        name: '澄江街道',
      },
    ]);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const treeAs = async (role: 'admin' | 'planner' | 'auditor', regionCode: string | null) => {
    const res = await injectAs(
      app,
      await createTestUser(database.db, role, { regionCode }),
    )({
      url: '/api/regions',
    });
    expect(res.statusCode).toBe(200);
    return res.json() as Tree;
  };

  it('gives every county with its towns and villages to a user of every region', async () => {
    const tree = await treeAs('admin', null);
    expect(outline(tree)).toEqual(['江阴市: 澄江街道()', '小县: 一镇(一村,二村) 二镇(三村)']);
    expect(tree.counties[1]).toMatchObject({ countyCode: '320612', code: '320612000000' });
    expect(tree.counties[1]!.towns[0]!.code).toBe(T1);
  });

  it('cuts the tree to the data scope', async () => {
    expect(outline(await treeAs('planner', '320612'))).toEqual(['小县: 一镇(一村,二村) 二镇(三村)']);
    expect(outline(await treeAs('planner', '320200'))).toEqual(['江阴市: 澄江街道()']);
    expect(outline(await treeAs('auditor', T1.slice(0, 9)))).toEqual(['小县*: 一镇(一村,二村)']);
    expect(outline(await treeAs('planner', V12))).toEqual(['小县*: 一镇*(二村)']);
    expect(outline(await treeAs('planner', '110101'))).toEqual([]);
  });

  it('refuses a caller without a session', async () => {
    const res = await app.inject({ url: '/api/regions' });
    expect([res.statusCode, res.json().code]).toEqual([401, 'auth.required']);
  });
});
