import { Command } from 'commander';
import { actorOf, searchAudit, writeAudit } from '../access/audit.js';
import { authorize, localOperator } from '../access/principal.js';
import { WeijianError } from '../domain/errors.js';
import { withDatabase } from './database.js';

export function auditCommand(): Command {
  return new Command('audit')
    .description('审计日志 Search the audit log, newest first (the search is itself audited)')
    .option('--actor <actor>', 'user:NAME or cli:OSUSER')
    .option('--action <action>', 'an action and its sub-actions, e.g. residents or residents.reveal')
    .option('--county <code>', 'county whose data was touched')
    .option('--since <time>', 'ISO date or time, e.g. 2026-01-01')
    .option('--limit <n>', 'entries', '100')
    .option('--json', 'JSON output')
    .action(
      async (options: {
        actor?: string;
        action?: string;
        county?: string;
        since?: string;
        limit: string;
        json?: boolean;
      }) => {
        const since = options.since === undefined ? undefined : new Date(options.since);
        if (since && Number.isNaN(since.getTime())) {
          throw new WeijianError(
            'cli.invalid-date',
            `--since must be an ISO date or time, got "${options.since}"`,
          );
        }
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1) {
          throw new WeijianError(
            'cli.invalid-number',
            `--limit must be a whole number ≥ 1, got "${options.limit}"`,
          );
        }
        const operator = localOperator();
        authorize(operator, 'audit:read');
        await withDatabase(async (db) => {
          const query = {
            actor: options.actor,
            action: options.action,
            countyCode: options.county,
            since,
            limit,
          };
          const entries = await searchAudit(db, query);
          await writeAudit(db, actorOf(operator), { action: 'audit.search', details: { query: options } });
          if (options.json) return console.log(JSON.stringify(entries, null, 2));
          for (const e of entries) {
            const what = [e.resourceType, e.resourceId].filter(Boolean).join(' ');
            console.log(
              [
                e.at,
                e.actor,
                e.actorRole ?? '',
                e.action,
                e.outcome,
                e.countyCode ?? '',
                what,
                e.ip ?? '',
                e.reason ?? '',
              ]
                .join('\t')
                .trimEnd(),
            );
          }
        });
      },
    );
}
