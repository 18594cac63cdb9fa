import type { Command } from 'commander';
import { actorOf, writeAudit } from '../access/audit.js';
import { localOperator } from '../access/principal.js';
import {
  LOOKUP_ACTIONS,
  readResident,
  readTimeline,
  residentEvent,
  searchEvent,
  searchResidentsInScope,
  type ResidentSummary,
} from '../access/resident-lookup.js';
import { WeijianError } from '../domain/errors.js';
import type { TimelineEntry } from '../store/resident-timeline.js';
import { withDatabase } from './database.js';

/*
 * `weijian residents search|show`: the resident lookup of the web app, through the same use cases
 * (access/resident-lookup.ts), masked, and audited as the local operator `cli:<os user>`.
 */

export function addResidentLookupCommands(residents: Command): void {
  residents
    .command('search')
    .description(
      '居民查询 Search residents by name start, ID number (full or last digits), platform id or phone (masked)',
    )
    .requiredOption('--county <code>', '6-digit county code')
    .option('--q <text>', 'what to look for; none lists every resident')
    .option('--town <code>', '9-digit town code')
    .option('--page <n>', 'page, from 1', '1')
    .option('--page-size <n>', 'residents per page (≤ 100)', '20')
    .option('--json', 'JSON output')
    .action(
      async (options: {
        county: string;
        q?: string;
        town?: string;
        page: string;
        pageSize: string;
        json?: boolean;
      }) => {
        const county = countyCode(options.county);
        const page = whole(options.page, '--page', 1, 10_000);
        const pageSize = whole(options.pageSize, '--page-size', 1, 100);
        const operator = localOperator();
        await withDatabase(async (db) => {
          const result = await searchResidentsInScope(db, operator, county, {
            q: options.q,
            town: options.town,
            page,
            pageSize,
          });
          await writeAudit(db, actorOf(operator), {
            action: LOOKUP_ACTIONS.search,
            ...searchEvent(county, result),
          });
          if (options.json) return printJson(result);
          const pages = Math.max(1, Math.ceil(result.total / pageSize));
          console.log(
            `${result.total} 位居民 resident(s), page ${page}/${pages} (${result.match.join(', ')})`,
          );
          for (const r of result.residents) console.log(describeResident(r));
        });
      },
    );

  residents
    .command('show')
    .description('居民信息与时间线 One resident (masked) and their timeline, newest first')
    .requiredOption('--county <code>', '6-digit county code')
    .argument('<id>', 'platform id of the resident')
    .option('--json', 'JSON output: {resident, timeline}')
    .action(async (id: string, options: { county: string; json?: boolean }) => {
      const county = countyCode(options.county);
      const residentId = whole(id, 'resident id', 1, Number.MAX_SAFE_INTEGER);
      const operator = localOperator();
      await withDatabase(async (db) => {
        const audit = (action: string, event = residentEvent(county, residentId)) =>
          writeAudit(db, actorOf(operator), { action, ...event });
        const resident = await readResident(db, operator, county, residentId);
        await audit(LOOKUP_ACTIONS.read);
        const timeline = await readTimeline(db, operator, county, residentId);
        await audit(LOOKUP_ACTIONS.timeline, residentEvent(county, residentId, timeline));
        if (options.json) return printJson({ resident, timeline: timeline.entries });
        console.log(describeResident(resident));
        if (resident.mergedIntoId !== null) console.log(`已合并 merged into #${resident.mergedIntoId}`);
        console.log(`${timeline.entries.length} 条记录 record(s)`);
        for (const entry of timeline.entries) console.log(describeEntry(entry));
      });
    });
}

function describeResident(r: ResidentSummary): string {
  return [
    `#${r.id}`,
    r.name,
    r.sex,
    r.birthDate ?? '?',
    r.idNumber ?? '(no ID number)',
    r.phone ?? '',
    [r.town?.name, r.village?.name].filter(Boolean).join(' ') || '(outside the county)',
    r.deathDate ? `† ${r.deathDate}` : '',
  ]
    .join('  ')
    .trimEnd();
}

const yesNo = (value: boolean | null, yes: string, no: string) => (value === null ? '' : value ? yes : no);

/** One line per entry: date, kind, what happened, where. */
export function describeEntry(e: TimelineEntry): string {
  const what = (() => {
    switch (e.kind) {
      case 'health-record':
        return `last service ${e.lastServiceOn ?? '-'}${e.closedOn ? `, closed ${e.closedOn}` : ''}`;
      case 'encounter':
        return [
          e.class + (e.endDate ? ` to ${e.endDate}` : ''),
          e.department ?? '',
          e.diagnoses.map((d) => `${d.code} ${d.name ?? ''}`.trim()).join('; '),
          e.totalCost === null ? '' : `¥${e.totalCost}`,
        ]
          .filter(Boolean)
          .join(', ');
      case 'chronic-registration':
        return `${e.disease}${e.closedOn ? `, closed ${e.closedOn} (${e.closeReason ?? ''})` : ''}`;
      case 'follow-up':
        return [
          e.disease,
          e.faceToFace ? 'face to face' : 'remote',
          e.systolic === null ? '' : `${e.systolic}/${e.diastolic} mmHg`,
          e.fastingGlucose === null ? '' : `FPG ${e.fastingGlucose} mmol/L`,
          yesNo(e.controlled, 'controlled', 'not controlled'),
        ]
          .filter(Boolean)
          .join(', ');
      case 'check-up':
        return `${e.programme}${e.formComplete ? ', form complete' : ''}`;
      case 'immunization':
        return `${e.vaccineCode} dose ${e.doseNumber}`;
      case 'contract':
        return [
          `to ${e.endOn}`,
          e.cancelledOn ? `cancelled ${e.cancelledOn}` : '',
          e.teamName ?? '',
          e.priorityGroups.join('/'),
        ]
          .filter(Boolean)
          .join(', ');
      case 'referral':
        return `${e.direction} to ${e.toFacility.name ?? '?'}, ${e.status}`;
      case 'pregnancy':
        return `registered${e.registrationWeek === null ? '' : ` at week ${e.registrationWeek}`}`;
      case 'prenatal-visit':
        return e.gestationalWeek === null ? '' : `week ${e.gestationalWeek}`;
      case 'delivery':
        return [
          yesNo(e.hospitalDelivery, 'in hospital', 'not in hospital'),
          e.postpartumVisitOn ? `postpartum visit ${e.postpartumVisitOn}` : '',
        ]
          .filter(Boolean)
          .join(', ');
      case 'child-check':
        return e.eyeScreening ? 'with eye screening' : '';
      case 'death':
        return '';
    }
  })();
  return [e.date, e.kind, what, e.facility?.name ? `@ ${e.facility.name}` : ''].filter(Boolean).join('  ');
}

function countyCode(value: string): string {
  if (!/^\d{6}$/.test(value)) {
    throw new WeijianError('cli.invalid-county', `--county must be a 6-digit county code, got "${value}"`);
  }
  return value;
}

function whole(value: string, what: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new WeijianError(
      'cli.invalid-number',
      `${what} must be a whole number ${min}–${max}, got "${value}"`,
    );
  }
  return n;
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
