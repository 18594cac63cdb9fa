import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listPlanItems, updatePlanItem } from '../../monitoring/plan-items.js';
import { ITEM_STATUSES } from '../../store/schema/monitoring.js';
import type { Db } from '../../store/db.js';
import { actorOf } from '../actor.js';
import { problemSchema } from '../schemas/plan.js';

const item = z.looseObject({ kind: z.enum(['task', 'project']), position: z.number(), heading: z.string() });

export const planItemRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans/:id/items',
      {
        config: { permission: 'plans:read' },
        schema: {
          tags: ['monitoring'],
          summary: '任务清单 Key tasks and projects with responsible department and yearly progress',
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: { 200: z.object({ items: z.array(item) }), 404: problemSchema },
        },
      },
      async (request) => ({ items: await listPlanItems(db, request.params.id) }),
    );

    app.put(
      '/api/plans/:id/items/:kind/:position',
      {
        config: { permission: 'plans:write', audit: 'plans.item-update' },
        schema: {
          tags: ['monitoring'],
          summary: '更新任务 Set the responsible department (null clears) and yearly status/notes',
          params: z.object({
            id: z.coerce.number().int().positive(),
            kind: z.enum(['task', 'project']),
            position: z.coerce.number().int().min(0),
          }),
          body: z.object({
            department: z.string().max(200).nullable().optional(),
            progress: z
              .array(
                z.object({
                  year: z.number().int(),
                  status: z.enum(ITEM_STATUSES),
                  note: z.string().max(2000).nullable().optional(),
                }),
              )
              .optional(),
          }),
          response: {
            200: item,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const { id, kind, position } = request.params;
        request.auditEvent = { resourceType: 'plan-item', resourceId: `${id}/${kind}/${position}` };
        return updatePlanItem(db, actorOf(request), id, kind, position, request.body);
      },
    );
  };
