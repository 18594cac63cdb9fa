import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { compareIndicator } from '../../monitoring/compare.js';
import type { Db } from '../../store/db.js';
import { problemSchema } from '../schemas/plan.js';

export const compareRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/compare',
      {
        config: { permission: 'plans:read' },
        schema: {
          tags: ['monitoring'],
          summary: '跨规划对比 One indicator across every loaded plan: baseline, target, latest actual',
          querystring: z.object({
            indicator: z.string().min(1).describe('catalog id, e.g. health-literacy-level'),
          }),
          response: {
            200: z.looseObject({
              indicator: z.looseObject({ id: z.string() }),
              entries: z.array(z.looseObject({})),
            }),
            404: problemSchema,
          },
        },
      },
      async (request) => compareIndicator(db, request.query.indicator),
    );
  };
