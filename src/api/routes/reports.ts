import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REPORT_FORMATS, REPORT_KINDS } from '../../monitoring/report/model.js';
import { CONTENT_TYPES, renderReport } from '../../monitoring/report/render.js';
import type { Db } from '../../store/db.js';

export const reportRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans/:id/report',
      {
        config: { permission: 'plans:read' },
        schema: {
          tags: ['monitoring'],
          summary:
            '监测评估报告 Annual, mid-term or final report as xlsx, pdf or html (same as `weijian report`)',
          params: z.object({ id: z.coerce.number().int().positive() }),
          querystring: z.object({
            kind: z.enum(REPORT_KINDS).default('annual'),
            format: z.enum(REPORT_FORMATS).default('html'),
            year: z.coerce.number().int().min(2000).max(2100).optional(),
          }),
          produces: Object.values(CONTENT_TYPES),
        },
      },
      async (request, reply) => {
        const report = await renderReport(db, request.params.id, request.query);
        return reply
          .type(report.contentType)
          .header(
            'content-disposition',
            `${report.contentType.startsWith('text/html') ? 'inline' : 'attachment'}; filename="${report.fileName}"`,
          )
          .send(report.body);
      },
    );
  };
