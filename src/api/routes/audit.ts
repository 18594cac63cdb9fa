import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { searchAudit } from '../../access/audit.js';
import type { Db } from '../../store/db.js';
import { auditEntrySchema } from '../schemas/access.js';
import { problemSchema } from '../schemas/plan.js';

export const auditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit',
      {
        config: { permission: 'audit:read', audit: 'audit.search' },
        schema: {
          tags: ['audit'],
          summary: '审计日志 Search the audit log, newest first',
          querystring: z.object({
            actor: z.string().max(200).optional(),
            action: z.string().max(200).optional(),
            county: z
              .string()
              .regex(/^\d{6}$/)
              .optional(),
            since: z.iso.datetime({ offset: true }).optional(),
            until: z.iso.datetime({ offset: true }).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.object({ entries: z.array(auditEntrySchema) }), 400: problemSchema },
        },
      },
      async (request) => {
        const { county, since, until, ...query } = request.query;
        request.auditEvent = { details: { query: request.query } };
        const entries = await searchAudit(db, {
          ...query,
          countyCode: county,
          since: since ? new Date(since) : undefined,
          until: until ? new Date(until) : undefined,
        });
        return { entries };
      },
    );
  };
