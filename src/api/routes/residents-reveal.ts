import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { revealResident } from '../../access/residents.js';
import type { Db } from '../../store/db.js';
import { principal } from '../auth.js';
import { problemSchema } from '../schemas/plan.js';

export const residentRevealRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/residents/:county/:id/reveal',
      {
        config: { permission: 'residents:reveal', audit: 'residents.reveal' },
        schema: {
          tags: ['residents'],
          summary:
            '查看完整信息 Reveal a resident’s full name, ID number, phone and address (audited, with a reason)',
          params: z.object({ county: z.string().regex(/^\d{6}$/), id: z.coerce.number().int().positive() }),
          body: z.object({
            reason: z.string().trim().min(2).max(500).describe('why the full values are needed'),
          }),
          response: {
            200: z.object({
              id: z.number(),
              name: z.string(),
              idNumber: z.string().nullable(),
              phone: z.string().nullable(),
              address: z.string().nullable(),
            }),
            400: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const { county, id } = request.params;
        request.auditEvent = {
          resourceType: 'resident',
          resourceId: String(id),
          countyCode: county,
          reason: request.body.reason,
        };
        return revealResident(db, principal(request), county, id);
      },
    );
  };
