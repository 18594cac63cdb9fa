import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { WeijianError } from '../../domain/errors.js';
import { searchStore } from '../../fhir/store/rest-search.js';
import { PATIENT_ELEMENT, REST_TYPES } from '../../fhir/store/rest-tables.js';
import type { Database } from '../../store/db.js';
import { readSql, type FhirScope } from './context.js';

/*
 * FHIR Bulk Data export (https://hl7.org/fhir/uv/bulkdata/export.html): a kick-off answers 202 with the
 * status URL; the job writes one NDJSON file per type with the caller's scope (the same search queries as
 * the REST API, so a town-scoped account exports its town); polling answers 202 with X-Progress, then the
 * manifest. Jobs live in memory and their files in a temporary directory for an hour.
 */

export interface ExportJob {
  id: string;
  actor: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  progress: string;
  request: string;
  transactionTime: string;
  dir: string;
  output: { type: string; file: string; count: number }[];
  error?: string;
}

const jobs = new Map<string, ExportJob>();
const KEEP_MS = 60 * 60 * 1000;
const PAGE = 1000;

/** The Patient compartment: the Patient and the types that name a patient. */
export const PATIENT_TYPES = ['Patient', ...Object.keys(PATIENT_ELEMENT)];

export function parseExportTypes(level: 'system' | 'patient', typeParam: string | undefined): string[] {
  const allowed = level === 'system' ? REST_TYPES : PATIENT_TYPES;
  if (!typeParam) return allowed;
  const types = typeParam.split(',').map((t) => t.trim());
  const unknown = types.filter((t) => !allowed.includes(t));
  if (unknown.length)
    throw new WeijianError(
      'fhir.export-type',
      `_type ${unknown.join(', ')} cannot be exported here (allowed: ${allowed.join(', ')})`,
      { field: '_type' },
      400,
    );
  return allowed.filter((t) => types.includes(t));
}

export async function startExport(
  database: Database,
  scope: FhirScope,
  actor: string,
  types: string[],
  request: string,
): Promise<ExportJob> {
  const job: ExportJob = {
    id: randomUUID(),
    actor,
    state: 'running',
    progress: 'starting',
    request,
    transactionTime: new Date().toISOString(),
    dir: await mkdtemp(path.join(tmpdir(), 'weijian-fhir-export-')),
    output: [],
  };
  jobs.set(job.id, job);
  void run(database, scope, job, types).finally(() => {
    setTimeout(() => void dropJob(job.id), KEEP_MS).unref();
  });
  return job;
}

async function run(database: Database, scope: FhirScope, job: ExportJob, types: string[]): Promise<void> {
  const sql = readSql(database);
  try {
    for (const [n, type] of types.entries()) {
      let cursor: string | undefined;
      let stream: WriteStream | null = null;
      let count = 0;
      do {
        if (job.state === 'cancelled') return;
        const page = await searchStore(sql, scope.county, {
          type,
          params: [],
          count: PAGE,
          cursor,
          within: scope.within,
          strict: true,
        });
        for (const resource of page.resources) {
          stream ??= createWriteStream(path.join(job.dir, `${type}.ndjson`));
          if (!stream.write(`${JSON.stringify(resource)}\n`)) await once(stream, 'drain');
          count++;
        }
        cursor = page.next ?? undefined;
        job.progress = `${type} ${count} (${n + 1}/${types.length} types)`;
      } while (cursor);
      if (stream) {
        await new Promise((resolve) => stream!.end(resolve));
        job.output.push({ type, file: `${type}.ndjson`, count });
      }
    }
    job.state = 'done';
  } catch (error) {
    job.state = 'failed';
    job.error = (error as Error).message;
  }
}

/** The job, only for the account that started it (anyone else: as if it did not exist). */
export function jobOf(id: string, actor: string): ExportJob {
  const job = jobs.get(id);
  if (!job || job.actor !== actor || job.state === 'cancelled')
    throw new WeijianError('fhir.export-not-found', `no export job ${id}`, {}, 404);
  return job;
}

export async function dropJob(id: string): Promise<void> {
  const job = jobs.get(id);
  if (!job) return;
  if (job.state === 'running') job.state = 'cancelled';
  jobs.delete(id);
  await rm(job.dir, { recursive: true, force: true });
}

export function manifestOf(job: ExportJob, base: string) {
  return {
    transactionTime: job.transactionTime,
    request: job.request,
    requiresAccessToken: true,
    output: job.output.map((o) => ({
      type: o.type,
      url: `${base}/$export-file/${job.id}/${o.file}`,
      count: o.count,
    })),
    error: [],
  };
}
