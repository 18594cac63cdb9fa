import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../store/db.js';
import { findDuplicateCandidates, listCandidates, mergeResidents, rejectCandidate } from '../../store/mpi.js';
import { MATCH_STATUSES } from '../../store/schema/index.js';
import { problemSchema } from '../schemas/plan.js';

/*
 * Duplicate review of the master patient index. Lists carry masked identifiers only. No user is known
 * yet (access/ is to come): decisions are recorded as made by `api`.
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

const errors = { 400: problemSchema, 404: problemSchema, 409: problemSchema };
const actor = 'api';

export const residentMpiRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/residents/duplicates',
      {
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
          },
        },
      },
      async (request) => {
        const { county: code, ...query } = request.query;
        return listCandidates(db, code, query);
      },
    );

    app.post(
      '/api/residents/duplicates/find',
      {
        schema: {
          tags: ['residents'],
          summary: '查找重复 Run the match rules over a county and record new candidate pairs',
          body: z.object({ county }),
          response: { 200: z.object({ created: z.number() }), 400: problemSchema },
        },
      },
      async (request) => ({ created: await findDuplicateCandidates(db, request.body.county) }),
    );

    app.post(
      '/api/residents/merge',
      {
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
        return mergeResidents(db, code, survivorId, mergedId, { reason, actor });
      },
    );

    app.post(
      '/api/residents/duplicates/reject',
      {
        schema: {
          tags: ['residents'],
          summary: '非同一人 Mark a candidate pair as two different people',
          body: z.object({ county, residentId, otherResidentId: residentId }),
          response: { 200: z.object({ status: z.literal('rejected') }), ...errors },
        },
      },
      async (request) => {
        const { county: code, residentId: a, otherResidentId: b } = request.body;
        await rejectCandidate(db, code, a, b, { actor });
        return { status: 'rejected' as const };
      },
    );
  };
