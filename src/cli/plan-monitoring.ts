import type { Command } from 'commander';
import { STATUS_LABELS } from '../domain/plan/assessment.js';
import { fmt } from '../domain/plan/target-value.js';
import { ITEM_STATUS_LABELS, listPlanItems } from '../monitoring/plan-items.js';
import { monitorPlan } from '../monitoring/plan-monitoring.js';
import { positiveInt, printJson } from './cli-args.js';
import { withDatabase } from './database.js';

/** `plan assess` and `plan tasks`, added to the `plan` command group. */
export function addPlanMonitoringCommands(plan: Command): void {
  plan
    .command('assess')
    .description('规划评估 Expected, actual, gap, projection and status of every row in a year')
    .argument('<id>', 'plan id', positiveInt)
    .requiredOption('--year <year>', 'the year assessed', positiveInt)
    .option('--json', 'JSON output (as GET /api/plans/:id/assessment)')
    .action(async (id: number, options: { year: number; json?: boolean }) => {
      await withDatabase(async (db) => {
        const m = await monitorPlan(db, id, options.year);
        if (options.json) return printJson(m);
        console.log(`${m.plan.title} — ${m.year}`);
        const counts = Object.entries(m.counts).map(
          ([s, n]) => `${STATUS_LABELS[s as keyof typeof STATUS_LABELS].zh} ${n}`,
        );
        console.log(
          `  ${counts.join('  ')}  约束性滞后 binding off track ${m.binding.offTrack}/${m.binding.total}`,
        );
        const num = (x: number | null) => (x === null ? '—' : fmt(x));
        for (const r of m.rows) {
          const a = r.assessment;
          const actual = a.actual ? `${fmt(a.actual.value)} (${a.actual.year} ${a.actual.source})` : '—';
          console.log(
            [
              a.singledOut ? '!' : ' ',
              r.seq ?? '',
              r.name,
              a.target.text,
              `实际 ${actual}`,
              `期望 ${num(a.expected)}`,
              `差距 ${num(a.gap)}`,
              `预测 ${num(a.projection.value)}`,
              STATUS_LABELS[a.status].zh,
            ].join('\t'),
          );
        }
      });
    });

  plan
    .command('tasks')
    .description('任务清单 Key tasks and projects with responsible department and yearly progress')
    .argument('<id>', 'plan id', positiveInt)
    .option('--json', 'JSON output')
    .action(async (id: number, options: { json?: boolean }) => {
      await withDatabase(async (db) => {
        const items = await listPlanItems(db, id);
        if (options.json) return printJson(items);
        for (const i of items) {
          const progress = i.progress.map((p) => `${p.year} ${ITEM_STATUS_LABELS[p.status]}`).join(', ');
          console.log(
            [
              i.kind === 'task' ? '任务' : '专栏',
              i.position,
              `${i.number} ${i.heading}`,
              i.department ?? '（未明确责任部门）',
              progress,
            ].join('\t'),
          );
        }
      });
    });
}
