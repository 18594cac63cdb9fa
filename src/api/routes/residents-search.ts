import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  LOOKUP_ACTIONS,
  readResident,
  residentEvent,
  searchEvent,
  searchResidentsInScope,
} from '../../access/resident-lookup.js';
import { MAX_QUERY } from '../../domain/identity/resident-query.js';
import type { Db } from '../../store/db.js';
import { principal } from '../auth.js';
import { problemSchema } from '../schemas/plan.js';

/*
 * Resident lookup for authorised staff (docs/access-control.md): search and one resident, masked, in the
 * caller's data scope only; each read is audited with the ids shown.
 */

export const countyParam = z
  .string()
  .regex(/^\d{6}$/, 'a 6-digit county code')
  .describe('县区代码 GB/T 2260 county code');
export const residentParams = z.object({ county: countyParam, id: z.coerce.number().int().positive() });

const place = z.object({ code: z.string(), name: z.string() }).nullable();
export const residentSummary = z.object({
  county: z.string(),
  id: z.number().describe('platform id'),
  name: z.string().describe('masked, 张*'),
  sex: z.string(),
  birthDate: z.string().nullable(),
  idNumber: z.string().nullable().describe('masked, 3206**********1234'),
  phone: z.string().nullable().describe('masked, 138****5678'),
  village: place,
  town: place,
  deathDate: z.string().nullable(),
});

const residentDetail = residentSummary.extend({
  resident: z.boolean().describe('常住 lives in the county'),
  registered: z.boolean().describe('户籍 household registration in the county'),
  mergedIntoId: z.number().nullable().describe('a duplicate merged into this resident'),
  hasAddress: z.boolean().describe('an address is on file (shown on reveal)'),
});

export const residentSearchRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/residents',
      {
        config: { permission: 'records:read', audit: LOOKUP_ACTIONS.search },
        schema: {
          tags: ['residents'],
          summary:
            '居民查询 Search residents in your data scope by name (start), ID number (full or last digits), platform id or phone (masked, paged)',
          querystring: z.object({
            county: countyParam,
            q: z
              .string()
              .max(MAX_QUERY * 4)
              .optional()
              .describe('name start, ID number or its last ≥ 4 digits, platform id, phone'),
            town: z.string().optional().describe('9-digit town code'),
            page: z.coerce.number().int().min(1).max(10_000).default(1),
            pageSize: z.coerce.number().int().min(1).max(100).default(20),
          }),
          response: {
            200: z.object({
              county: z.string(),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
              match: z.array(z.string()).describe('the fields the search was read as'),
              residents: z.array(residentSummary),
            }),
            400: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const { county, ...search } = request.query;
        request.auditEvent = searchEvent(county);
        const result = await searchResidentsInScope(db, principal(request), county, search);
        request.auditEvent = searchEvent(county, result);
        return result;
      },
    );

    app.get(
      '/api/residents/:county/:id',
      {
        config: { permission: 'records:read', audit: LOOKUP_ACTIONS.read },
        schema: {
          tags: ['residents'],
          summary: '居民信息 One resident in your data scope (masked; 404 when out of scope)',
          params: residentParams,
          response: { 200: residentDetail, 400: problemSchema, 404: problemSchema },
        },
      },
      async (request) => {
        const { county, id } = request.params;
        request.auditEvent = residentEvent(county, id);
        return readResident(db, principal(request), county, id);
      },
    );
  };
