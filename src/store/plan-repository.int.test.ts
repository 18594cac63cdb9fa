import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../testing/databases.js';
import { samplePlan } from '../testing/plan-fixture.js';
import type { Database } from './db.js';
import { countPlans, getPlan, listPlans, savePlan } from './plan-repository.js';

describe.each(backends)('plan repository on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('stores a plan and reads it back field by field', async () => {
    const { id, created } = await savePlan(database.db, samplePlan());
    expect(created).toBe(true);
    const plan = await getPlan(database.db, id);
    expect(plan?.title).toBe('示例县“十四五”卫生健康发展规划');
    expect(plan?.region).toEqual({ code: '320612', name: '南通市通州区' });
    expect(plan?.indicators).toHaveLength(2);
    expect(plan?.indicators[0]).toMatchObject({
      seq: '1',
      name: '人均预期寿命',
      indicatorId: 'life-expectancy',
      unit: '岁',
      baseline: { text: '83.19', value: 83.19, year: 2020 },
      target: { kind: 'bound', op: '>=', value: 83.5 },
      sourceLines: [11, 11],
    });
    expect(plan?.indicators[1]?.marks).toEqual(['#']);
    expect(plan?.indicators[1]?.nature).toBe('binding');
    expect(plan?.reviewIndicators).toHaveLength(1);
    expect(plan?.tasks[0]?.heading).toBe('完善公共卫生体系');
    expect(plan?.projects[0]?.items).toEqual(['疾控能力提升']);
    expect(plan?.tableNotes).toEqual(['注：标#者为省、市规划指标']);
  });

  it('re-importing the same region and period updates in place', async () => {
    const before = await listPlans(database.db);
    const plan = samplePlan({ title: '修订版' });
    plan.indicators = plan.indicators.slice(0, 1);
    const { id, created } = await savePlan(database.db, plan);
    expect(created).toBe(false);
    expect(id).toBe(before[0]?.id);
    expect(await countPlans(database.db)).toBe(1);
    const [entry] = await listPlans(database.db);
    expect(entry).toMatchObject({ title: '修订版', indicatorCount: 1, mappedCount: 1 });
  });

  it('a failing import leaves the stored plan untouched', async () => {
    const broken = samplePlan({ title: '坏的' });
    // A row the database refuses (NOT NULL) after the plan row and the old rows were touched.
    broken.indicators[1] = { ...broken.indicators[1]!, name: null as unknown as string };
    await expect(savePlan(database.db, broken)).rejects.toThrow();
    const [entry] = await listPlans(database.db);
    expect(entry).toMatchObject({ title: '修订版', indicatorCount: 1 });
  });
});
