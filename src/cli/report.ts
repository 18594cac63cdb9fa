import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import {
  REPORT_FORMATS,
  REPORT_KINDS,
  type ReportFormat,
  type ReportKind,
} from '../monitoring/report/model.js';
import { renderReport } from '../monitoring/report/render.js';
import { oneOf, positiveInt } from './cli-args.js';
import { withDatabase } from './database.js';

export function reportCommand(): Command {
  return new Command('report')
    .description('监测评估报告 Annual, mid-term or final report of a plan (xlsx, pdf, html)')
    .requiredOption('--plan <id>', 'plan id (see `plan list`)', positiveInt)
    .option('--kind <kind>', REPORT_KINDS.join(' | '), oneOf(REPORT_KINDS), 'annual' as ReportKind)
    .option(
      '--year <year>',
      'year assessed (annual: required; midterm/final default to the middle/last year)',
      positiveInt,
    )
    .option('--format <format>', REPORT_FORMATS.join(' | '), oneOf(REPORT_FORMATS), 'xlsx' as ReportFormat)
    .option('--out <file>', 'where to write it (default: weijian-plan-ID-KIND-YEAR.FORMAT here)')
    .action(
      async (options: {
        plan: number;
        kind: ReportKind;
        year?: number;
        format: ReportFormat;
        out?: string;
      }) => {
        await withDatabase(async (db) => {
          const report = await renderReport(db, options.plan, options);
          const file = options.out ?? report.fileName;
          await writeFile(file, report.body);
          console.log(`${file} (${report.body.length} bytes)`);
        });
      },
    );
}
