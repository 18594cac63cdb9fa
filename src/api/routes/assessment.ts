import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { monitorPlan } from '../../monitoring/plan-monitoring.js';
import type { Db } from '../../store/db.js';
import { problemSchema } from '../schemas/plan.js';

const planId = z.object({ id: z.coerce.number().int().positive() });

export const assessmentRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans/:id/assessment',
      {
        config: { permission: 'plans:read' },
        schema: {
          tags: ['monitoring'],
          summary:
            '规划评估 Assessment of every row in a year: expected, actual (computed or manual, both shown), gap, projection, status',
          params: planId,
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
          response: {
            200: z
              .looseObject({ year: z.number(), rows: z.array(z.looseObject({ position: z.number() })) })
              .describe(
                'rows in plan order; counts, binding {total, offTrack}, singledOut (positions), rule',
              ),
            404: problemSchema,
          },
        },
      },
      async (request) => monitorPlan(db, request.params.id, request.query.year),
    );
  };
