import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePlans } from '../app/import-plans.js';
import { readSamplePlans } from '../app/sample-data.js';
import type { Database } from '../store/db.js';
import { backends } from '../testing/databases.js';
import { approver, planner, storeSamplePlans, type SamplePlanIds } from '../testing/monitoring-fixture.js';
import { listPlanItems, updatePlanItem } from './plan-items.js';

describe.each(backends)('plan checklist on $name', (backend) => {
  let database: Database;
  let ids: SamplePlanIds;
  beforeAll(async () => {
    database = await backend.open();
    ids = await storeSamplePlans(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('lists 通州 tasks and projects, records department and yearly progress, survives a re-import', async () => {
    const db = database.db;
    const items = await listPlanItems(db, ids.tongzhou);
    expect(items.filter((i) => i.kind === 'task')).toHaveLength(14);
    expect(items.filter((i) => i.kind === 'project')).toHaveLength(7);
    expect(items[0]).toMatchObject({
      kind: 'task',
      position: 0,
      heading: '着力构建现代公共卫生服务体系',
      department: null,
    });

    const updated = await updatePlanItem(db, planner, ids.tongzhou, 'project', 0, {
      department: '区卫健委疾控科',
      progress: [
        { year: 2022, status: 'in-progress', note: '公共卫生中心完成选址' },
        { year: 2021, status: 'not-started' },
      ],
    });
    expect(updated).toMatchObject({ heading: '现代公共卫生服务体系建设工程', department: '区卫健委疾控科' });
    expect(updated.progress.map((p) => [p.year, p.status, p.note, p.updatedBy])).toEqual([
      [2021, 'not-started', null, 'zhang.planner'],
      [2022, 'in-progress', '公共卫生中心完成选址', 'zhang.planner'],
    ]);
    await updatePlanItem(db, planner, ids.tongzhou, 'project', 0, {
      progress: [{ year: 2022, status: 'completed' }],
    });

    await storePlans(
      db,
      readSamplePlans().filter((p) => p.region.code === '320612'),
    );
    const after = (await listPlanItems(db, ids.tongzhou)).find(
      (i) => i.kind === 'project' && i.position === 0,
    )!;
    expect(after.department).toBe('区卫健委疾控科');
    expect(after.progress.map((p) => p.status)).toEqual(['not-started', 'completed']);
  });

  it('refuses other roles, unknown items and years outside the period', async () => {
    const db = database.db;
    await expect(
      updatePlanItem(db, approver, ids.tongzhou, 'task', 0, { department: 'x' }),
    ).rejects.toMatchObject({
      code: 'plan-item.forbidden',
      status: 403,
    });
    await expect(
      updatePlanItem(db, planner, ids.tongzhou, 'task', 99, { department: 'x' }),
    ).rejects.toMatchObject({
      code: 'plan-item.not-found',
    });
    await expect(
      updatePlanItem(db, planner, ids.tongzhou, 'task', 0, {
        progress: [{ year: 2030, status: 'completed' }],
      }),
    ).rejects.toMatchObject({ code: 'plan-item.invalid-year' });
  });
});
