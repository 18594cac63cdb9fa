import { Command } from 'commander';
import { actorOf, writeAudit } from '../access/audit.js';
import { authorize, localOperator } from '../access/principal.js';
import { exportFhir, onlyCounty } from '../app/export-records.js';
import { exportTabular } from '../app/tabular/export-tabular.js';
import { WeijianError } from '../domain/errors.js';
import { openDefaultDatabase } from '../store/db.js';

export function exportCommand(): Command {
  return new Command('export')
    .description('导出记录 Export a county: FHIR R4 NDJSON in the Bulk Data layout, or the tabular workbook')
    .argument('<dir>', 'directory to write to')
    .option('--format <format>', 'fhir (NDJSON + manifest.json) or xlsx', 'fhir')
    .option('--county <code>', 'county code (default: the only county in the database)')
    .action(async (dir: string, options: { format: string; county?: string }) => {
      if (options.format !== 'fhir' && options.format !== 'xlsx') {
        throw new WeijianError('cli.format', `--format must be fhir or xlsx, got "${options.format}"`);
      }
      const operator = localOperator();
      authorize(operator, 'records:export');
      const database = await openDefaultDatabase();
      try {
        const county = options.county ?? (await onlyCounty(database));
        await writeAudit(database.db, actorOf(operator), {
          action: 'records.export',
          resourceType: 'export',
          countyCode: county,
          details: { format: options.format },
        });
        if (options.format === 'xlsx') {
          for (const file of await exportTabular(database, county, dir)) console.log(file);
          return;
        }
        const manifest = await exportFhir(database, county, dir, {
          onProgress: (table, count) =>
            process.stderr.isTTY && process.stderr.write(`\r${table}: ${count} resources   `),
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        for (const o of manifest.output) console.log(`${dir}/${o.url}\t${o.count}`);
      } finally {
        await database.close();
      }
    });
}
