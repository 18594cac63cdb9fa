import path from 'node:path';
import { Command } from 'commander';
import { actorOf, writeAudit } from '../access/audit.js';
import { authorize, localOperator } from '../access/principal.js';
import { importRecordFiles, type ImportProgress } from '../app/import-records.js';
import { WeijianError } from '../domain/errors.js';
import type { ImportReport } from '../domain/import-report.js';
import { openDefaultDatabase } from '../store/db.js';
import { maintainUnlessAutovacuum } from '../store/maintenance.js';
import { boundHeapGrowth } from './heap.js';
import { refreshAfterWrites } from './indicators.js';

/** Rejects printed per file; the rest are counted (all of them are in the rejects file with --skip-invalid). */
const shownRejects = 20;

export function importCommand(): Command {
  return new Command('import')
    .description(
      '导入记录 Import records: FHIR R4 (.ndjson bulk, .json Bundle) or tabular (.xlsx, .csv). ' +
        'A file with errors writes nothing unless --skip-invalid',
    )
    .argument('<files...>', 'files to import (bulk export files are read in reference order)')
    .option(
      '--skip-invalid',
      'import the valid records; write the rejects to <file>.rejects.ndjson (or --rejects)',
    )
    .option('--rejects <path>', 'where to write the rejects')
    .option(
      '--county <code>',
      'county of the records (default: the only county in the database or the files)',
    )
    .option('--json', 'print the import reports as JSON (the indicator refresh on stderr)')
    .option(
      '--no-refresh',
      'leave the indicators to a later `weijian indicators compute` (several files loaded one after another)',
    )
    .action(
      async (
        files: string[],
        options: {
          skipInvalid?: boolean;
          rejects?: string;
          county?: string;
          json?: boolean;
          refresh: boolean;
        },
      ) => {
        const operator = localOperator();
        authorize(operator, 'records:write');
        boundHeapGrowth();
        const database = await openDefaultDatabase();
        let reports: ImportReport[];
        try {
          try {
            reports = await importRecordFiles(
              database,
              files.map((f) => ({ name: path.basename(f), path: f })),
              {
                skipInvalid: options.skipInvalid ?? false,
                rejectsPath: options.rejects,
                countyCode: options.county,
                onProgress: progressBar(),
              },
            );
          } finally {
            if (process.stderr.isTTY) process.stderr.write('\n');
          }
          await writeAudit(database.db, actorOf(operator), {
            action: 'records.import',
            resourceType: 'records',
            countyCode: options.county,
            details: {
              files: reports.map((r) => ({
                format: r.format,
                written: r.written,
                rejected: r.rejected.length,
              })),
            },
          });
          if (options.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
          else reports.forEach(printReport);
          // The records are committed: the indicators follow them (the queue their triggers filled).
          if (options.refresh)
            await refreshAfterWrites(database.db, options.json ? console.error : console.log);
          await maintainUnlessAutovacuum(database);
        } finally {
          await database.close();
        }
        const failed = reports.filter((r) => r.rejected.length && !options.skipInvalid);
        if (failed.length) {
          throw new WeijianError(
            'import.rejected',
            `${failed.map((r) => r.file).join(', ')}: rejected whole (fix the records or use --skip-invalid)`,
          );
        }
      },
    );
}

function printReport(report: ImportReport): void {
  const types = Object.entries(report.byType)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  console.log(
    `${report.file}: read ${report.read}, written ${report.written}, rejected ${report.rejected.length}${types ? ` (${types})` : ''}`,
  );
  for (const r of report.rejected.slice(0, shownRejects)) {
    const where = r.line !== undefined ? `:${r.line}` : r.entry !== undefined ? `#${r.entry}` : '';
    console.log(`  ${r.file ?? report.file}${where} ${r.field ?? ''}: ${r.reason} [${r.code}]`);
  }
  if (report.rejected.length > shownRejects)
    console.log(`  … and ${report.rejected.length - shownRejects} more`);
}

/** A one-line progress bar on stderr (only on a terminal: logs and pipes stay clean). */
function progressBar(): ((p: ImportProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const started = performance.now();
  return (p) => {
    const share = p.bytesTotal ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
    const width = 30;
    const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
    const rate = Math.round(p.resources / ((performance.now() - started) / 1000));
    process.stderr.write(
      `\r${p.file} [${bar}] ${(share * 100).toFixed(0)}% ${p.resources} resources ${rate}/s  `,
    );
  };
}
