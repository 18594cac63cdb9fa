import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codePrefix } from '../../domain/region/code.js';
import { regionTree } from '../../domain/region/tree.js';
import type { Db } from '../../store/db.js';
import { listRegions } from '../../store/region-repository.js';
import { principal } from '../auth.js';

const village = z.object({ code: z.string(), name: z.string() });
const town = z.object({
  code: z.string(),
  name: z.string(),
  covered: z.boolean().describe('the whole town is in the caller’s scope (false: only some villages)'),
  villages: z.array(village),
});
const county = z.object({
  countyCode: z.string().describe('6-digit GB/T 2260 code'),
  code: z.string().describe('12-digit statistical code'),
  name: z.string(),
  covered: z.boolean(),
  towns: z.array(town),
});

export const regionRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/regions',
      {
        // Names and codes of divisions are public statistics, read by every role that reads indicators.
        config: { permission: 'indicators:read' },
        schema: {
          tags: ['indicators'],
          summary:
            '行政区划 The stored counties with their towns and villages, cut to the caller’s data scope',
          response: { 200: z.object({ counties: z.array(county) }) },
        },
      },
      async (request) => {
        const { regionCode } = principal(request).scope;
        const prefix = regionCode === null ? null : codePrefix(regionCode);
        // Only the counties the scope can reach are read; the tree then cuts within them.
        const rows = await listRegions(db, prefix === null ? null : prefix.slice(0, 6));
        return { counties: regionTree(rows, regionCode) };
      },
    );
  };
