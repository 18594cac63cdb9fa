import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopedCandidates, scopedFindDuplicates, scopedMerge, scopedReject } from '../../access/residents.js';
import type { Db } from '../../store/db.js';
import { MATCH_STATUSES } from '../../store/schema/index.js';
import { principal } from '../auth.js';
import { problemSchema } from '../schemas/plan.js';

/*
 * Duplicate review of the master patient index. Lists carry masked identifiers only and only residents in
 * the caller's data scope (access/residents.ts); decisions are recorded as made by the signed-in user.
 */

const county = z
  .string()
  .regex(/^\d{6}$/, 'a 6-digit county code')
  .describe('县区代码 GB/T 2260 county code');
const residentId = z.coerce.number().int().positive();

const candidateResident = z.object({
  id: z.number(),
  name: z.string().describe('masked, 张*'),
  sex: z.string(),
  birthDate: z.string().nullable(),
  idNumber: z.string().nullable().describe('masked, 3206**********1234'),
  phone: z.string().nullable().describe('masked, 138****5678'),
  village: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
  deathDate: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  records: z.record(z.string(), z.number()).describe('rows per table referencing the resident'),
});

const candidate = z.object({
  resident: candidateResident,
  other: candidateResident,
  rule: z.string().describe('id-number, demographics, demographics-town, or manual'),
  strength: z.enum(['certain', 'probable', 'possible']).nullable(),
  score: z.number().nullable(),
  status: z.enum(MATCH_STATUSES),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
});

const mergeResult = z.object({
  survivorId: z.number(),
  mergedId: z.number(),
  rule: z.string(),
  filled: z.array(z.string()),
  moved: z.record(z.string(), z.number()),
  dropped: z.array(z.object({ table: z.string(), key: z.string(), note: z.string() })),
  reason: z.string(),
  actor: z.string(),
});

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const residentMpiRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/residents/duplicates',
      {
        config: { permission: 'records:read', audit: 'residents.duplicates.list' },
        schema: {
          tags: ['residents'],
          summary: '疑似重复居民 Candidate duplicate pairs of a county, strongest first (masked)',
          querystring: z.object({
            county,
            status: z.enum(MATCH_STATUSES).default('pending'),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: {
            200: z.object({ total: z.number(), candidates: z.array(candidate) }),
            400: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const { county: code, ...query } = request.query;
        const list = await scopedCandidates(db, principal(request), code, query);
        const ids = list.candidates.flatMap((c) => [c.resident.id, c.other.id]);
        request.auditEvent = { resourceType: 'resident', countyCode: code, details: { residentIds: ids } };
        return list;
      },
    );

    app.post(
      '/api/residents/duplicates/find',
      {
        config: { permission: 'records:write', audit: 'residents.duplicates.find' },
        schema: {
          tags: ['residents'],
          summary: '查找重复 Run the match rules over a county and record new candidate pairs',
          body: z.object({ county }),
          response: { 200: z.object({ created: z.number() }), ...errors },
        },
      },
      async (request) => {
        request.auditEvent = { countyCode: request.body.county };
        const created = await scopedFindDuplicates(db, principal(request), request.body.county);
        request.auditEvent.details = { created };
        return { created };
      },
    );

    app.post(
      '/api/residents/merge',
      {
        config: { permission: 'records:write', audit: 'residents.merge' },
        schema: {
          tags: ['residents'],
          summary: '合并居民 Merge one resident into another (one transaction; refused across counties, …)',
          body: z.object({
            county,
            survivorId: residentId,
            mergedId: residentId,
            reason: z.string().trim().min(1).max(2000),
          }),
          response: { 200: mergeResult, ...errors },
        },
      },
      async (request) => {
        const { county: code, survivorId, mergedId, reason } = request.body;
        request.auditEvent = {
          resourceType: 'resident',
          resourceId: String(mergedId),
          countyCode: code,
          reason,
          details: { survivorId, mergedId },
        };
        return scopedMerge(db, principal(request), code, survivorId, mergedId, reason);
      },
    );

    app.post(
      '/api/residents/duplicates/reject',
      {
        config: { permission: 'records:write', audit: 'residents.duplicates.reject' },
        schema: {
          tags: ['residents'],
          summary: '非同一人 Mark a candidate pair as two different people',
          body: z.object({ county, residentId, otherResidentId: residentId }),
          response: { 200: z.object({ status: z.literal('rejected') }), ...errors },
        },
      },
      async (request) => {
        const { county: code, residentId: a, otherResidentId: b } = request.body;
        request.auditEvent = { resourceType: 'resident', countyCode: code, details: { residentIds: [a, b] } };
        await scopedReject(db, principal(request), code, a, b);
        return { status: 'rejected' as const };
      },
    );
  };
