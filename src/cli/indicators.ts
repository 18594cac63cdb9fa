import { Command } from 'commander';
import { WeijianError } from '../domain/errors.js';
import {
  countiesOnRecord,
  INDICATOR_YEARS,
  readIndicators,
  rebuildIndicators,
  refreshAfterBatch,
  regionCodeOf,
} from '../engine/index.js';
import type { RefreshReport } from '../engine/index.js';
import { refreshQueued } from '../app/refresh-queued.js';
import type { Db } from '../store/db.js';
import { withDatabase } from './database.js';

function parseYear(text: string): number {
  const year = Number(text);
  if (!INDICATOR_YEARS.includes(year)) {
    throw new WeijianError(
      'cli.invalid-year',
      `year must be one of ${INDICATOR_YEARS.join(', ')}, got "${text}"`,
    );
  }
  return year;
}

/** One line for a county's refresh or rebuild. */
function refreshSummary(county: string, report: RefreshReport): string {
  return (
    `${county}: ${report.definitions} indicators, ${report.written} values written, ${report.removed} removed` +
    (report.personYears ? `, ${report.personYears} person-years refreshed` : '') +
    (report.visits ? `, ${report.visits} new visits applied` : '') +
    ` in ${report.milliseconds} ms`
  );
}

/**
 * After a command's writes of records: refreshes every county with queued indicator work, a line each
 * (`say`). A failure says that the records are in and how to finish.
 */
export async function refreshAfterWrites(db: Db, say: (line: string) => void = console.log): Promise<void> {
  const refreshed = await refreshQueued(db).catch((error: unknown) => {
    throw new WeijianError(
      'indicators.refresh',
      `the records are written, the indicator refresh failed (${(error as Error).message}): ` +
        'run `weijian indicators compute`',
    );
  });
  for (const { county, report } of refreshed.refreshed) {
    say(`指标已刷新 indicators refreshed: ${refreshSummary(county, report)}`);
  }
}

export function indicatorsCommand(): Command {
  const indicators = new Command('indicators').description('指标 Indicators computed from the records');

  indicators
    .command('compute')
    .description(
      '计算指标 Bring indicators up to date: what imports queued, or with --full everything from the records',
    )
    .option('--region <code>', 'county (6 digits) or any region code of it; default every county on record')
    .option('--year <year>', 'with --full: only this year', parseYear)
    .option(
      '--full',
      'rebuild the rollups and values from the records (after a definition change or a bulk load)',
    )
    .action(async (options: { region?: string; year?: number; full?: boolean }) => {
      await withDatabase(async (db) => {
        const counties = options.region
          ? [regionCodeOf(options.region).slice(0, 6)]
          : await countiesOnRecord(db);
        if (!counties.length) console.log('(no county on record — import or generate one first)');
        for (const county of counties) {
          // A rebuild of a large county takes minutes: say which one is under way.
          console.log(`${county}: ${options.full ? 'rebuilding' : 'refreshing'}…`);
          const report = options.full
            ? await rebuildIndicators(db, county, { years: options.year ? [options.year] : INDICATOR_YEARS })
            : await refreshAfterBatch(db, county);
          console.log(refreshSummary(county, report));
        }
      });
    });

  indicators
    .command('show')
    .description('显示指标 A region’s indicators for a year, with numerator and denominator')
    .requiredOption('--region <code>', 'county (6 digits), town or village (12 digits)')
    .requiredOption('--year <year>', 'calendar (or MCH statistical) year', parseYear)
    .option('--facility <id>', 'a facility’s values instead of the region’s', Number)
    .option('--quarters', 'also quarter values of quarterly indicators')
    .option('--json', 'JSON output (the API’s value objects)')
    .action(
      async (options: {
        region: string;
        year: number;
        facility?: number;
        quarters?: boolean;
        json?: boolean;
      }) => {
        await withDatabase(async (db) => {
          const values = await readIndicators(db, {
            region: options.region,
            years: [options.year],
            facilityId: options.facility,
            quarters: options.quarters,
          });
          if (options.json) {
            process.stdout.write(`${JSON.stringify(values, null, 2)}\n`);
            return;
          }
          if (!values.length) console.log('(no values — run `weijian indicators compute` first)');
          for (const v of values) {
            const period = v.quarter ? `Q${v.quarter}` : v.period.basis === 'mch' ? 'MCH' : '  ';
            const flags = [v.definition.proxy ? 'proxy' : '', v.definition.productRule ? 'product rule' : '']
              .filter(Boolean)
              .join(', ');
            console.log(
              `${v.indicatorId.padEnd(52)} ${period.padEnd(3)} ${v.display}${flags ? `  [${flags}]` : ''}`,
            );
          }
        });
      },
    );

  return indicators;
}
