import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TasksPage } from './pages/tasks-page.js';
import type { ApiChecklistItem, ApiPlanList } from './support/api-types.js';
import { launchBrowser, openPage, signInContext } from './support/browser.js';
import { apiAs, USERS } from './support/server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let plan: ApiPlanList['plans'][number];
let api: Awaited<ReturnType<typeof apiAs>>;

beforeAll(async () => {
  browser = await launchBrowser();
  api = await apiAs(baseUrl, USERS.planner);
  plan = (await api<ApiPlanList>('/api/plans')).plans.find((p) => p.region.code === '320612')!;
});
afterAll(() => browser?.close());

const items = async () => (await api<{ items: ApiChecklistItem[] }>(`/api/plans/${plan.id}/items`)).items;

describe('tasks and projects checklist', () => {
  it('lists the plan’s key tasks and projects and saves a responsible department with the year’s progress', async () => {
    const before = await items();
    const watched = await openPage(browser, baseUrl);
    await signInContext(watched, USERS.planner);
    await watched.page.goto(`/plans/${plan.id}/tasks`);
    const view = new TasksPage(watched.page);
    await view.waitForRows();
    expect(await view.rows().count()).toBe(before.length);
    const tasks = before.filter((i) => i.kind === 'task').length;
    const assigned = before.filter((i) => i.department).length;
    expect(await view.summary().innerText()).toBe(
      `重点任务 ${tasks} 项，专栏工程 ${before.length - tasks} 项，已明确责任部门 ${assigned} 项`,
    );

    // The year shown by default: the last complete one, inside the period.
    const year = Math.max(plan.period.start, Math.min(plan.period.end, new Date().getFullYear() - 1));
    const item = before.find((i) => !i.department)!;
    await view.edit(item.heading, {
      department: '区卫生健康委疾病预防控制科',
      status: '推进中',
      note: '完成年度目标的 80%',
    });
    await view.row(item.heading).getByTestId('item-department-text').waitFor();
    expect(await view.row(item.heading).getByTestId('item-department-text').innerText()).toBe(
      '区卫生健康委疾病预防控制科',
    );
    expect(await view.row(item.heading).getByTestId('item-status').innerText()).toBe('推进中');
    const saved = (await items()).find((i) => i.kind === item.kind && i.position === item.position)!;
    expect(saved.department).toBe('区卫生健康委疾病预防控制科');
    expect(saved.progress.filter((p) => p.year === year)).toEqual([
      {
        year,
        status: 'in-progress',
        note: '完成年度目标的 80%',
        updatedBy: 'user:e2e-planner',
        updatedAt: expect.any(String),
      },
    ]);
    await view
      .summary()
      .filter({ hasText: `已明确责任部门 ${assigned + 1} 项` })
      .waitFor();
    await watched.screenshot('tasks-1366');
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('shows a read-only role the checklist without the edit action', async () => {
    const watched = await openPage(browser, baseUrl);
    await signInContext(watched, USERS.auditor);
    await watched.page.goto(`/plans/${plan.id}/tasks`);
    const view = new TasksPage(watched.page);
    await view.waitForRows();
    expect(await watched.page.getByTestId('item-edit').count()).toBe(0);
    expect(watched.problems).toEqual([]);
    await watched.close();
  });
});
