import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mustSuppress, SMALL_CELL } from '../../access/small-cell.js';
import { readIndicators } from '../../engine/index.js';
import type { Db } from '../../store/db.js';
import { principal } from '../auth.js';
import { problemSchema } from '../schemas/plan.js';

const valueSchema = z.object({
  indicatorId: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  unit: z.string(),
  level: z.string(),
  region: z.object({ code: z.string(), name: z.string().nullable() }),
  facility: z.object({ id: z.number(), name: z.string().nullable() }).nullable(),
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  period: z.object({ basis: z.enum(['calendar', 'mch']), from: z.string(), to: z.string() }),
  value: z.number().nullable(),
  numerator: z.number().nullable().describe('null when suppressed (small-cell rule)'),
  denominator: z.number().nullable(),
  suppressed: z
    .boolean()
    .optional()
    .describe(`true: a count of ${SMALL_CELL.min}–${SMALL_CELL.max} in a region beyond the caller's scope`),
  multiplier: z.number().nullable(),
  display: z.string(),
  populationBasis: z.string(),
  definition: z.object({
    version: z.number().int(),
    current: z.boolean(),
    method: z.enum(['ratio', 'life-expectancy', 'premature-ncd-mortality']),
    rule: z.string(),
    numerator: z.string().nullable(),
    denominator: z.string().nullable(),
    productRule: z.string().nullable(),
    proxy: z.string().nullable(),
    parameters: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
  computedAt: z.string(),
  provenance: z.record(z.string(), z.unknown()),
});

/** A comma-separated query parameter. */
const list = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

export const indicatorRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/indicators',
      {
        config: { permission: 'indicators:read' },
        schema: {
          tags: ['indicators'],
          summary:
            '指标值 Computed indicator values of a region (or a facility) with numerator, denominator and rule',
          querystring: z.object({
            region: z.string().regex(/^(\d{6}|\d{12})$/, 'a 6-digit county or 12-digit region code'),
            year: z
              .string()
              .regex(/^\d{4}(,\d{4})*$/, 'years, comma-separated')
              .transform((s) => s.split(',').map(Number))
              .refine((ys) => ys.every((y) => y >= 2020 && y <= 2025), 'years 2020–2025')
              .optional(),
            indicator: list.optional(),
            facility: z.coerce.number().int().positive().optional(),
            quarters: z.enum(['true', 'false']).optional(),
            basis: z.enum(['default', 'calendar', 'mch', 'all']).optional(),
          }),
          response: { 200: z.object({ values: z.array(valueSchema) }), 400: problemSchema },
        },
      },
      async (request) => {
        const q = request.query;
        const values = await readIndicators(db, {
          region: q.region,
          years: q.year,
          indicatorIds: q.indicator,
          facilityId: q.facility,
          quarters: q.quarters === 'true',
          basis: q.basis,
        });
        const { scope } = principal(request);
        return {
          values: values.map((v) =>
            mustSuppress(scope, v)
              ? { ...v, value: null, numerator: null, denominator: null, display: '—', suppressed: true }
              : v,
          ),
        };
      },
    );
  };
