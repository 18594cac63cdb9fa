import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importPlans, previewPlans, type PlanFile } from '../../app/import-plans.js';
import { WeijianError } from '../../domain/errors.js';
import type { Db } from '../../store/db.js';
import { getPlan, listPlans } from '../../store/plan-repository.js';
import {
  importResultSchema,
  planListEntrySchema,
  planSchema,
  planSummarySchema,
  problemSchema,
} from '../schemas/plan.js';

/** Upload limit of one plan document; the decoder has its own, stricter limit for plain text. */
export const planUploadLimit = 30 * 1024 * 1024;

const uploadProblems = { 400: problemSchema, 413: problemSchema, 415: problemSchema };

/** The plan documents of a multipart upload (field `file`, one or more). */
async function planFiles(request: FastifyRequest): Promise<PlanFile[]> {
  if (!request.isMultipart()) {
    throw new WeijianError(
      'request.not-multipart',
      'send the plan documents as multipart/form-data',
      {},
      415,
    );
  }
  const files: PlanFile[] = [];
  for await (const part of request.files({ limits: { fileSize: planUploadLimit, files: 10 } })) {
    const bytes = await part.toBuffer();
    files.push({ name: part.filename || part.fieldname, bytes });
  }
  if (!files.length) throw new WeijianError('request.no-file', 'no file in the upload (field `file`)');
  return files;
}

export const planRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans',
      {
        config: { permission: 'plans:read' },
        schema: {
          tags: ['plans'],
          summary: '列出规划 List imported plans',
          response: { 200: z.object({ plans: z.array(planListEntrySchema) }) },
        },
      },
      async () => ({ plans: await listPlans(db) }),
    );

    app.get(
      '/api/plans/:id',
      {
        config: { permission: 'plans:read' },
        schema: {
          tags: ['plans'],
          summary: '规划详情 A plan with its indicator table, tasks and projects',
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: { 200: planSchema, 404: problemSchema },
        },
      },
      async (request) => {
        const plan = await getPlan(db, request.params.id);
        if (!plan) throw new WeijianError('plan.not-found', `no plan with id ${request.params.id}`, {}, 404);
        return plan;
      },
    );

    app.post(
      '/api/plans/import',
      {
        config: { permission: 'plans:write', audit: 'plans.import' },
        schema: {
          tags: ['plans'],
          summary:
            '导入规划 Import plan documents (multipart, field `file`, one or more; .txt in UTF-8/GBK or .docx)',
          consumes: ['multipart/form-data'],
          response: { 200: importResultSchema, ...uploadProblems },
        },
      },
      async (request) => {
        const files = await planFiles(request);
        const imported = await importPlans(db, files);
        request.auditEvent = { resourceType: 'plan', resourceId: imported.map((p) => p.id).join(',') };
        return {
          plans: imported.map((p, i) => ({
            id: p.id,
            created: p.created,
            title: p.plan.title,
            region: p.plan.region,
            fileName: files[i]!.name,
            summary: p.summary,
          })),
        };
      },
    );

    app.post(
      '/api/plans/preview',
      {
        config: { permission: 'plans:write', audit: 'plans.preview' },
        schema: {
          tags: ['plans'],
          summary:
            '预览规划 Read plan documents as the import would and store nothing (multipart, field `file`): the parsed tables, warnings, and the stored plan an import would update',
          consumes: ['multipart/form-data'],
          response: {
            200: z.object({
              plans: z.array(
                z.object({
                  fileName: z.string(),
                  existingId: z.number().nullable(),
                  summary: planSummarySchema,
                  plan: planSchema.omit({ id: true, createdAt: true, updatedAt: true }),
                }),
              ),
            }),
            ...uploadProblems,
          },
        },
      },
      async (request) => {
        const files = await planFiles(request);
        const previewed = await previewPlans(db, files);
        return { plans: previewed.map((p, i) => ({ fileName: files[i]!.name, ...p })) };
      },
    );
  };
