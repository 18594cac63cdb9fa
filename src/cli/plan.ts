import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { importPlans, type PlanFile } from '../app/import-plans.js';
import { WeijianError } from '../domain/errors.js';
import { formatSummary } from '../domain/plan/summary.js';
import { assertPlanSize } from '../ingest/plan/decode.js';
import { getPlan, listPlans } from '../store/plan-repository.js';
import { withDatabase } from './database.js';
import { addPlanMonitoringCommands } from './plan-monitoring.js';

export function planCommand(): Command {
  const plan = new Command('plan').description('规划 Plans: import, list, show');

  plan
    .command('import')
    .description('导入规划 Import plan documents (.txt UTF-8/GBK/GB18030, .docx); re-import updates in place')
    .argument('<files...>', 'plan documents')
    .option('--json', 'print the stored plans as JSON (an array when several)')
    .action(async (files: string[], options: { json?: boolean }) => {
      const inputs: PlanFile[] = [];
      for (const file of files) inputs.push({ name: path.basename(file), bytes: await readPlanFile(file) });
      await withDatabase(async (db) => {
        const imported = await importPlans(db, inputs);
        if (options.json) {
          const stored = await Promise.all(imported.map((p) => getPlan(db, p.id)));
          printJson(stored.length === 1 ? stored[0] : stored);
        } else {
          for (const p of imported) {
            console.log(`${p.created ? '已导入 imported' : '已更新 updated'} #${p.id}`);
            console.log(formatSummary(p.plan, p.summary));
          }
        }
      });
    });

  plan
    .command('list')
    .description('列出规划 List plans')
    .option('--json', 'JSON output')
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async (db) => {
        const plans = await listPlans(db);
        if (options.json) return printJson(plans);
        if (!plans.length) console.log('(no plans — import one with `weijian plan import FILE`)');
        for (const p of plans) {
          console.log(
            `${String(p.id).padStart(3)}  ${p.region.code ?? '------'}  ${p.region.name}  ` +
              `${p.period.start}–${p.period.end}  ${p.indicatorCount} rows (${p.mappedCount} mapped)  ${p.title}`,
          );
        }
      });
    });

  plan
    .command('show')
    .description('规划详情 Show a plan with its indicator table')
    .argument('<id>', 'plan id (see `plan list`)')
    .option('--json', 'JSON output (the stable contract)')
    .action(async (id: string, options: { json?: boolean }) => {
      const planId = Number(id);
      if (!Number.isInteger(planId) || planId <= 0) {
        throw new WeijianError('cli.invalid-id', `plan id must be a positive integer, got "${id}"`);
      }
      await withDatabase(async (db) => {
        const stored = await getPlan(db, planId);
        if (!stored) throw new WeijianError('plan.not-found', `no plan with id ${planId}`, {}, 404);
        if (options.json) return printJson(stored);
        console.log(`${stored.title} — ${stored.region.name} (${stored.region.code ?? '?'})`);
        for (const r of stored.indicators) {
          console.log(
            [r.domain ?? '', r.seq ?? '  ', r.marks.join(''), r.name, r.unit ?? '', r.baseline?.text ?? '']
              .concat([r.target.text, `[${r.target.kind}]`, r.nature ?? '', r.indicatorId ?? '(unmapped)'])
              .join('\t'),
          );
        }
      });
    });

  addPlanMonitoringCommands(plan);
  return plan;
}

async function readPlanFile(file: string): Promise<Buffer> {
  const info = await stat(file).catch(() => {
    throw new WeijianError('file.not-found', 'file not found', { file });
  });
  if (!info.isFile()) throw new WeijianError('file.not-a-file', 'not a regular file', { file });
  // Refused before reading, so memory stays bounded whatever is passed.
  assertPlanSize(info.size, path.basename(file));
  return readFile(file);
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
