import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WeijianError } from '../../domain/errors.js';
import { importManualValues, manualTemplate } from '../../monitoring/manual-excel.js';
import {
  createManualValue,
  editManualValue,
  listManualValues,
  manualValueHistory,
  subjectOf,
  transitionManualValue,
} from '../../monitoring/manual-values.js';
import type { Db } from '../../store/db.js';
import { MANUAL_VALUE_ACTIONS, MANUAL_VALUE_STATUSES } from '../../store/schema/monitoring.js';
import { actorOf } from '../actor.js';
import { problemSchema } from '../schemas/plan.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const planId = z.object({ id: z.coerce.number().int().positive() });
const valueId = z.object({ id: z.coerce.number().int().positive() });
const reasonBody = z.object({ reason: z.string().max(2000).nullable().optional() });
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

const manualValue = z.object({
  id: z.number(),
  regionCode: z.string(),
  rowKey: z.string().describe('catalog id, or `name:` + the normalised printed name of an unmapped row'),
  indicatorId: z.string().nullable(),
  year: z.number(),
  value: z.number(),
  status: z.enum(MANUAL_VALUE_STATUSES),
  returnReason: z.string().nullable(),
  source: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

export const manualValueRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans/:id/manual-values',
      {
        config: { permission: 'plans:read' },
        schema: {
          tags: ['monitoring'],
          summary: '手工填报值 Hand-entered values of the plan’s rows, every status',
          params: planId,
          response: { 200: z.object({ values: z.array(manualValue) }), 404: problemSchema },
        },
      },
      async (request) => ({ values: await listManualValues(db, request.params.id) }),
    );

    app.post(
      '/api/plans/:id/manual-values',
      {
        config: { permission: 'plans:write', audit: 'monitoring.manual-value.create' },
        schema: {
          tags: ['monitoring'],
          summary: '新增填报 A new draft value for a row (position in the main table) and year',
          params: planId,
          body: z.object({
            position: z.number().int().min(0),
            year: z.number().int(),
            value: z.number(),
            source: z.string().max(2000).nullable().optional(),
          }),
          response: { 201: manualValue, ...problems },
        },
      },
      async (request, reply) => {
        const { position, ...input } = request.body;
        const subject = await subjectOf(db, request.params.id, position);
        const created = await createManualValue(db, actorOf(request), subject, input);
        request.auditEvent = { resourceType: 'manual-value', resourceId: String(created.id) };
        return reply.status(201).send(created);
      },
    );

    app.put(
      '/api/manual-values/:id',
      {
        config: { permission: 'plans:write', audit: 'monitoring.manual-value.edit' },
        schema: {
          tags: ['monitoring'],
          summary: '修改填报 A new figure; an approved value only by an admin, with a reason',
          params: valueId,
          body: z.object({
            value: z.number(),
            source: z.string().max(2000).nullable().optional(),
            reason: z.string().max(2000).nullable().optional(),
          }),
          response: { 200: manualValue, ...problems },
        },
      },
      async (request) => {
        request.auditEvent = { resourceType: 'manual-value', resourceId: String(request.params.id) };
        return editManualValue(db, actorOf(request), request.params.id, request.body);
      },
    );

    for (const action of ['submit', 'approve', 'return'] as const) {
      app.post(
        `/api/manual-values/:id/${action}`,
        {
          config: { permission: 'plans:write', audit: `monitoring.manual-value.${action}` },
          schema: {
            tags: ['monitoring'],
            summary: {
              submit: '提交审核 Submit a draft or returned value',
              approve: '审核通过 Approve a submitted value (approver or admin)',
              return: '退回 Return a submitted value with the reason (approver or admin)',
            }[action],
            params: valueId,
            body: reasonBody.nullish(),
            response: { 200: manualValue, ...problems },
          },
        },
        async (request) => {
          request.auditEvent = { resourceType: 'manual-value', resourceId: String(request.params.id) };
          return transitionManualValue(
            db,
            actorOf(request),
            request.params.id,
            action,
            request.body?.reason ?? null,
          );
        },
      );
    }

    app.get(
      '/api/manual-values/:id/history',
      {
        config: { permission: 'plans:read' },
        schema: {
          tags: ['monitoring'],
          summary:
            '修改记录 The audit trail of one value: who, when, action, old and new value and status, why',
          params: valueId,
          response: {
            200: z.object({
              events: z.array(
                z.object({
                  id: z.number(),
                  at: z.string(),
                  actor: z.string(),
                  action: z.enum(MANUAL_VALUE_ACTIONS),
                  oldValue: z.number().nullable(),
                  newValue: z.number().nullable(),
                  oldStatus: z.enum(MANUAL_VALUE_STATUSES).nullable(),
                  newStatus: z.enum(MANUAL_VALUE_STATUSES),
                  reason: z.string().nullable(),
                }),
              ),
            }),
            404: problemSchema,
          },
        },
      },
      async (request) => ({ events: await manualValueHistory(db, request.params.id) }),
    );

    app.get(
      '/api/plans/:id/manual-values/template.xlsx',
      {
        config: { permission: 'plans:read' },
        schema: {
          tags: ['monitoring'],
          summary: '填报模板 Excel template: the plan’s rows, one column per year, existing values filled in',
          params: planId,
          produces: [XLSX],
        },
      },
      async (request, reply) => {
        const { fileName, body } = await manualTemplate(db, request.params.id);
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .send(body);
      },
    );

    app.post(
      '/api/plans/:id/manual-values/import',
      {
        config: { permission: 'plans:write', audit: 'monitoring.manual-value.import' },
        schema: {
          tags: ['monitoring'],
          summary: '导入填报 Import the filled template (multipart, field `file`): drafts created or edited',
          params: planId,
          consumes: ['multipart/form-data'],
          response: {
            200: z.object({
              created: z.number(),
              updated: z.number(),
              unchanged: z.number(),
              rejected: z.array(
                z.object({
                  line: z.number(),
                  year: z.number().nullable(),
                  code: z.string(),
                  message: z.string(),
                }),
              ),
            }),
            ...problems,
          },
        },
      },
      async (request) => {
        const file = request.isMultipart() ? await request.file() : undefined;
        if (!file)
          throw new WeijianError('request.no-file', 'send the workbook as multipart field `file`', {}, 400);
        const bytes = await file.toBuffer();
        request.auditEvent = { resourceType: 'plan', resourceId: String(request.params.id) };
        return importManualValues(db, actorOf(request), request.params.id, bytes, file.filename);
      },
    );
  };
