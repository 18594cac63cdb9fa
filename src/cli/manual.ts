import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { importManualValues, manualTemplate } from '../monitoring/manual-excel.js';
import { listManualValues } from '../monitoring/manual-values.js';
import { cliActor, positiveInt, printJson } from './cli-args.js';
import { withDatabase } from './database.js';

export function manualCommand(): Command {
  const manual = new Command('manual').description(
    '手工填报 Hand-entered indicator values: template, import, list',
  );

  manual
    .command('template')
    .description('填报模板 Write the Excel template of a plan (its rows, one column per year)')
    .requiredOption('--plan <id>', 'plan id', positiveInt)
    .option('--out <file>', 'output file (default: weijian-manual-values-plan-ID.xlsx)')
    .action(async (options: { plan: number; out?: string }) => {
      await withDatabase(async (db) => {
        const { fileName, body } = await manualTemplate(db, options.plan);
        await writeFile(options.out ?? fileName, body);
        console.log(options.out ?? fileName);
      });
    });

  manual
    .command('import')
    .description('导入填报 Import a filled template: new values become drafts, changed ones are edited')
    .argument('<file>', '.xlsx from `manual template`')
    .requiredOption('--plan <id>', 'plan id', positiveInt)
    .option('--reason <text>', 'why, when the import changes approved values')
    .option('--json', 'JSON output')
    .action(async (file: string, options: { plan: number; reason?: string; json?: boolean }) => {
      const bytes = await readFile(file);
      await withDatabase(async (db) => {
        const report = await importManualValues(
          db,
          cliActor(),
          options.plan,
          bytes,
          path.basename(file),
          options.reason,
        );
        if (options.json) return printJson(report);
        console.log(
          `新增 created ${report.created}, 修改 updated ${report.updated}, 未变 unchanged ${report.unchanged}`,
        );
        for (const r of report.rejected)
          console.log(`  ${file}:${r.line}${r.year ? ` ${r.year}` : ''}: ${r.message}`);
        if (report.rejected.length) process.exitCode = 1;
      });
    });

  manual
    .command('list')
    .description('填报值 The hand-entered values of a plan with their status')
    .requiredOption('--plan <id>', 'plan id', positiveInt)
    .option('--json', 'JSON output')
    .action(async (options: { plan: number; json?: boolean }) => {
      await withDatabase(async (db) => {
        const values = await listManualValues(db, options.plan);
        if (options.json) return printJson(values);
        for (const v of values)
          console.log([v.id, v.rowKey, v.year, v.value, v.status, v.updatedBy, v.source ?? ''].join('\t'));
      });
    });

  return manual;
}
