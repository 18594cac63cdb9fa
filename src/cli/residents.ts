import { Command, Option } from 'commander';
import { actorOf, writeAudit } from '../access/audit.js';
import { localOperator } from '../access/principal.js';
import { scopedCandidates, scopedFindDuplicates, scopedMerge, scopedReject } from '../access/residents.js';
import { WeijianError } from '../domain/errors.js';
import type { CandidateResident } from '../store/mpi.js';
import { MATCH_STATUSES } from '../store/schema/index.js';
import { withDatabase } from './database.js';
import { addResidentLookupCommands } from './residents-lookup.js';
import { refreshAfterWrites } from './indicators.js';

/*
 * The CLI acts as the local operator (access/principal.ts): the same permission checks as the API, and an
 * audit row `cli:<os user>` for each read and write of residents.
 */

export function residentsCommand(): Command {
  const residents = new Command('residents').description(
    '居民 Residents: lookup (search, show) and master patient index (duplicate review, merge, reject)',
  );
  addResidentLookupCommands(residents);

  residents
    .command('duplicates')
    .description('疑似重复 List candidate duplicate pairs (masked); --find runs the match rules first')
    .requiredOption('--county <code>', '6-digit county code')
    .option('--find', 'run the match rules over the county and record new pairs first')
    .addOption(new Option('--status <status>', 'which pairs').choices(MATCH_STATUSES).default('pending'))
    .option('--limit <n>', 'pairs per page', '50')
    .option('--offset <n>', 'pairs to skip', '0')
    .option('--json', 'JSON output')
    .action(
      async (options: {
        county: string;
        find?: boolean;
        status: (typeof MATCH_STATUSES)[number];
        limit: string;
        offset: string;
        json?: boolean;
      }) => {
        const county = countyCode(options.county);
        const page = { limit: count(options.limit, '--limit'), offset: count(options.offset, '--offset') };
        const operator = localOperator();
        await withDatabase(async (db) => {
          const created = options.find ? await scopedFindDuplicates(db, operator, county) : undefined;
          if (created !== undefined) {
            await writeAudit(db, actorOf(operator), {
              action: 'residents.duplicates.find',
              countyCode: county,
              details: { created },
            });
          }
          const list = await scopedCandidates(db, operator, county, { status: options.status, ...page });
          await writeAudit(db, actorOf(operator), {
            action: 'residents.duplicates.list',
            resourceType: 'resident',
            countyCode: county,
            details: { residentIds: list.candidates.flatMap((c) => [c.resident.id, c.other.id]) },
          });
          if (options.json) return printJson(created === undefined ? list : { created, ...list });
          if (created !== undefined) console.log(`新增 found ${created} new candidate pair(s)`);
          console.log(`${list.total} ${options.status} pair(s)`);
          for (const c of list.candidates) {
            console.log(`${c.rule} (${c.strength ?? 'manual'} ${c.score ?? ''})`);
            console.log(`  ${describe(c.resident)}`);
            console.log(`  ${describe(c.other)}`);
          }
        });
      },
    );

  residents
    .command('merge')
    .description(
      '合并 Merge MERGED into SURVIVOR: records re-pointed, empty fields filled, MERGED kept as merged',
    )
    .requiredOption('--county <code>', '6-digit county code')
    .requiredOption('--reason <text>', 'the evidence that they are one person')
    .argument('<survivor>', 'resident id that stays')
    .argument('<merged>', 'resident id merged into it')
    .option('--json', 'JSON output')
    .action(
      async (
        survivor: string,
        merged: string,
        options: { county: string; reason: string; json?: boolean },
      ) => {
        const county = countyCode(options.county);
        const [survivorId, mergedId] = [residentId(survivor), residentId(merged)];
        const operator = localOperator();
        await withDatabase(async (db) => {
          const result = await scopedMerge(db, operator, county, survivorId, mergedId, options.reason);
          await writeAudit(db, actorOf(operator), {
            action: 'residents.merge',
            resourceType: 'resident',
            resourceId: String(mergedId),
            countyCode: county,
            reason: options.reason,
            details: { survivorId, mergedId },
          });
          if (options.json) printJson(result);
          else {
            console.log(`已合并 merged #${mergedId} into #${survivorId} (${result.rule})`);
            if (result.filled.length) console.log(`filled: ${result.filled.join(', ')}`);
            const moved = Object.entries(result.moved).filter(([, n]) => n > 0);
            console.log(`moved: ${moved.map(([table, n]) => `${table} ${n}`).join(', ') || 'nothing'}`);
            for (const d of result.dropped) console.log(`dropped ${d.table} ${d.key}: ${d.note}`);
          }
          // The merged resident's records now count for the survivor.
          await refreshAfterWrites(db, options.json ? console.error : console.log);
        });
      },
    );

  residents
    .command('reject')
    .description('非同一人 Mark a candidate pair as two different people')
    .requiredOption('--county <code>', '6-digit county code')
    .argument('<a>', 'resident id')
    .argument('<b>', 'resident id')
    .action(async (a: string, b: string, options: { county: string }) => {
      const county = countyCode(options.county);
      const [first, second] = [residentId(a), residentId(b)];
      const operator = localOperator();
      await withDatabase(async (db) => {
        await scopedReject(db, operator, county, first, second);
        await writeAudit(db, actorOf(operator), {
          action: 'residents.duplicates.reject',
          resourceType: 'resident',
          countyCode: county,
          details: { residentIds: [first, second] },
        });
        console.log(`已驳回 rejected #${first} / #${second}: not the same person`);
      });
    });

  return residents;
}

function describe(r: CandidateResident): string {
  const records = Object.entries(r.records).filter(([, n]) => n > 0);
  return [
    `#${r.id}`,
    r.name,
    r.sex,
    r.birthDate ?? '?',
    r.idNumber ?? '(no ID number)',
    r.phone ?? '',
    r.village?.name ?? r.village?.code ?? '',
    records.length ? `[${records.map(([table, n]) => `${table} ${n}`).join(', ')}]` : '[no records]',
  ].join('  ');
}

function countyCode(value: string): string {
  if (!/^\d{6}$/.test(value)) {
    throw new WeijianError('cli.invalid-county', `--county must be a 6-digit county code, got "${value}"`);
  }
  return value;
}

function residentId(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new WeijianError('cli.invalid-id', `resident id must be a positive integer, got "${value}"`);
  }
  return id;
}

function count(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new WeijianError('cli.invalid-number', `${option} must be a whole number ≥ 0, got "${value}"`);
  }
  return n;
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
