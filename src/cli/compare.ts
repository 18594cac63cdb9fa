import { Command } from 'commander';
import { compareIndicator } from '../monitoring/compare.js';
import { printJson } from './cli-args.js';
import { withDatabase } from './database.js';

export function compareCommand(): Command {
  return new Command('compare')
    .description('跨规划对比 One indicator across every loaded plan: baseline, target, latest actual')
    .argument('<indicator>', 'catalog id, e.g. health-literacy-level')
    .option('--json', 'JSON output')
    .action(async (indicator: string, options: { json?: boolean }) => {
      await withDatabase(async (db) => {
        const c = await compareIndicator(db, indicator);
        if (options.json) return printJson(c);
        console.log(`${c.indicator.nameZh} ${c.indicator.nameEn} (${c.indicator.id})`);
        for (const e of c.entries) {
          const latest = e.latest ? `${e.latest.value} (${e.latest.year}, ${e.latest.source})` : '—';
          console.log(
            [
              e.region.name,
              e.name,
              `基期 ${e.baseline?.text ?? '—'}`,
              `目标 ${e.target.text}`,
              `最新 ${latest}`,
            ].join('\t'),
          );
        }
      });
    });
}
