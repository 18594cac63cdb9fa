import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WeijianError } from '../../domain/errors.js';
import {
  TEMPLATE_KINDS,
  templateFileName,
  templateKindOf,
  templateWorkbook,
} from '../../ingest/tabular/template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/templates/:kind.xlsx',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags: ['templates'],
        summary: `下载导入模板 Download an Excel import template (${TEMPLATE_KINDS.join(', ')}; or 机构, 床位, …)`,
        params: z.object({ kind: z.string().max(64) }),
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const kind = templateKindOf(request.params.kind);
      if (!kind) {
        throw new WeijianError(
          'template.unknown-kind',
          `no template "${request.params.kind}"; templates: ${TEMPLATE_KINDS.join(', ')}`,
          {},
          404,
        );
      }
      const name = templateFileName(kind);
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="weijian-template-${kind}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(await templateWorkbook(kind));
    },
  );
};
