import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportFhir, onlyCounty } from '../../app/export-records.js';
import { importRecordFiles, type RecordFile } from '../../app/import-records.js';
import { refreshQueued, type CountyRefresh } from '../../app/refresh-queued.js';
import { hasDone } from '../../access/audit.js';
import { requireCountyOf } from '../../access/residents.js';
import { WeijianError } from '../../domain/errors.js';
import type { Database } from '../../store/db.js';
import { principal } from '../auth.js';
import { problemSchema } from '../schemas/plan.js';

/** Bulk record files are large: uploads stream to disk, up to this size each. */
export const recordUploadLimit = 2 * 1024 * 1024 * 1024;

const rejectSchema = z.object({
  file: z.string().optional(),
  line: z.number().optional(),
  entry: z.number().optional(),
  field: z.string().optional(),
  code: z.string(),
  reason: z.string(),
});
const reportSchema = z.object({
  file: z.string(),
  format: z.string(),
  read: z.number(),
  written: z.number(),
  rejected: z.array(rejectSchema),
  byType: z.record(z.string(), z.number()),
});
const refreshSchema = z.object({
  county: z.string(),
  personYears: z.number(),
  visits: z.number(),
  definitions: z.number(),
  milliseconds: z.number(),
});
const manifestSchema = z.object({
  transactionTime: z.string(),
  request: z.string(),
  requiresAccessToken: z.boolean(),
  output: z.array(z.object({ type: z.string(), url: z.string(), count: z.number() })),
  error: z.array(z.object({ type: z.string(), url: z.string() })),
});

/**
 * The import is committed when this runs: a refresh that fails is logged and left to the server's
 * refresher, which the response's hook asks for (server.ts); the queue keeps the work.
 */
async function refreshAfterImport(database: Database, log: { error: (o: object, m: string) => void }) {
  try {
    return (await refreshQueued(database.db)).refreshed;
  } catch (error) {
    log.error({ err: error }, 'indicator refresh after the import failed');
    return [];
  }
}

const summary = ({ county, report }: CountyRefresh) => ({
  county,
  personYears: report.personYears,
  visits: report.visits,
  definitions: report.definitions,
  milliseconds: report.milliseconds,
});

/**
 * Record exchange: `POST /api/import` (multipart, FHIR R4 NDJSON/Bundles or xlsx/csv) and
 * `GET /api/export/fhir?county=` — for now a synchronous kick-off that answers with the Bulk Data manifest
 * once the files are written; the files are then served from `/api/export/fhir/{job}/{Type}.ndjson`.
 */
export const exchangeRoutes =
  (database: Database, exportRoot = path.join(tmpdir(), 'weijian-exports')): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/import',
      {
        config: { permission: 'records:write', audit: 'records.import' },
        schema: {
          tags: ['records'],
          summary:
            '导入记录 Import record files (multipart field `file`, one or more: .ndjson/.json FHIR R4, .xlsx/.csv); ' +
            'fields `skipInvalid` (true: import the valid records) and `county`. The indicators of the counties ' +
            'written are refreshed before the answer (`indicators`)',
          consumes: ['multipart/form-data'],
          response: {
            200: z.object({ reports: z.array(reportSchema), indicators: z.array(refreshSchema) }),
            400: problemSchema,
            403: problemSchema,
            404: problemSchema,
            415: problemSchema,
          },
        },
      },
      async (request) => {
        if (!request.isMultipart()) {
          throw new WeijianError('request.not-multipart', 'send the files as multipart/form-data', {}, 415);
        }
        const dir = await mkdtemp(path.join(tmpdir(), 'weijian-import-'));
        try {
          const files: RecordFile[] = [];
          const fields: Record<string, string> = {};
          for await (const part of request.parts({ limits: { fileSize: recordUploadLimit, files: 50 } })) {
            if (part.type === 'field') {
              fields[part.fieldname] = String(part.value);
              continue;
            }
            const name = path.basename(part.filename || `${part.fieldname}.ndjson`);
            const target = path.join(dir, `${files.length}-${name}`);
            await pipeline(part.file, createWriteStream(target));
            if (part.file.truncated)
              throw new WeijianError(
                'file.too-large',
                `over ${recordUploadLimit} bytes`,
                { file: name },
                413,
              );
            files.push({ name, path: target });
          }
          if (!files.length)
            throw new WeijianError('request.no-file', 'no file in the upload (field `file`)');
          requireCountyOf(principal(request), fields.county || undefined);
          request.auditEvent = { resourceType: 'records', countyCode: fields.county || undefined };
          const reports = await importRecordFiles(database, files, {
            skipInvalid: fields.skipInvalid === 'true',
            countyCode: fields.county || undefined,
            // The rejects are in the response; the file is only scratch.
            rejectsPath: path.join(dir, 'rejects.ndjson'),
            // A large import runs for minutes: its progress after each batch, in counts only.
            onProgress: (p) =>
              request.log.info(
                {
                  importProgress: {
                    resources: p.resources,
                    bytesRead: p.bytesRead,
                    bytesTotal: p.bytesTotal,
                  },
                },
                'import progress',
              ),
          });
          const indicators = await refreshAfterImport(database, request.log);
          request.auditEvent.details = {
            files: reports.map((r) => ({
              format: r.format,
              written: r.written,
              rejected: r.rejected.length,
            })),
          };
          // Other counties' queues are refreshed too; a user scoped to one county sees its own alone.
          const shown = indicators.filter((r) => !fields.county || r.county === fields.county);
          return { reports, indicators: shown.map(summary) };
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );

    app.get(
      '/api/export/fhir',
      {
        config: { permission: 'records:export', audit: 'records.export' },
        schema: {
          tags: ['records'],
          summary: '导出 FHIR Export a county as FHIR R4 NDJSON (Bulk Data manifest once written)',
          querystring: z.object({
            county: z
              .string()
              .regex(/^\d{6}$/)
              .optional(),
          }),
          response: { 200: manifestSchema, 400: problemSchema, 403: problemSchema, 404: problemSchema },
        },
      },
      async (request) => {
        requireCountyOf(principal(request), request.query.county);
        const county = request.query.county ?? (await onlyCounty(database));
        const job = randomUUID();
        // The audit row of the export is also the key to its files: only its author may fetch them.
        request.auditEvent = { resourceType: 'export', resourceId: job, countyCode: county };
        const dir = path.join(exportRoot, job);
        await mkdir(dir, { recursive: true });
        const manifest = await exportFhir(database, county, dir, { request: request.url });
        return {
          ...manifest,
          output: manifest.output.map((o) => ({ ...o, url: `/api/export/fhir/${job}/${o.url}` })),
        };
      },
    );

    app.get(
      '/api/export/fhir/:job/:file',
      {
        config: { permission: 'records:export', audit: 'records.export.download' },
        schema: {
          tags: ['records'],
          summary: '导出文件 One NDJSON file of an export',
          params: z.object({ job: z.uuid(), file: z.string().regex(/^[A-Za-z]+\.ndjson$/) }),
          response: { 200: z.unknown().describe('application/fhir+ndjson'), 404: problemSchema },
        },
      },
      async (request, reply) => {
        request.auditEvent = { resourceType: 'export', resourceId: request.params.job };
        const file = path.join(exportRoot, request.params.job, request.params.file);
        const mine = await hasDone(
          database.db,
          principal(request).actor,
          'records.export',
          request.params.job,
        );
        const exists =
          mine &&
          (await stat(file)
            .then((s) => s.isFile())
            .catch(() => false));
        if (!exists) throw new WeijianError('export.not-found', 'no such export file', {}, 404);
        return reply.type('application/fhir+ndjson').send(createReadStream(file));
      },
    );
  };
