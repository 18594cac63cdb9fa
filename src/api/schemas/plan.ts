import { z } from 'zod';

/** Response schemas of the plan routes: the OpenAPI document is generated from these. */
export const targetSchema = z
  .looseObject({
    text: z.string(),
    kind: z
      .string()
      .describe(
        'bound, exact, approx, range, ratio, relative, points, benchmark, proportional, notSet, qualitative',
      ),
  })
  .describe('Target as printed (`text`) and as parsed (`kind` and its fields, see src/domain/plan/types.ts)');

const printedValue = z.object({
  text: z.string(),
  value: z.number().nullable(),
  year: z.number().nullable(),
});

export const planRowSchema = z.object({
  domain: z.string().nullable(),
  seq: z.string().nullable(),
  marks: z.array(z.string()),
  name: z.string(),
  indicatorId: z.string().nullable(),
  unmappedReason: z.string().nullable(),
  unit: z.string().nullable(),
  baseline: printedValue.nullable(),
  target: targetSchema,
  nature: z.enum(['expected', 'binding', 'guiding']).nullable(),
  parent: z.number().nullable(),
  sourceLines: z.tuple([z.number(), z.number()]),
  warnings: z.array(z.string()),
});

const planItemSchema = z.object({
  number: z.string(),
  heading: z.string(),
  chapter: z.string().nullable(),
  lines: z.tuple([z.number(), z.number()]),
  items: z.array(z.string()),
});

const region = z.object({ code: z.string().nullable(), name: z.string() });
const period = z.object({ start: z.number(), end: z.number() });

export const planSchema = z.object({
  id: z.number(),
  title: z.string(),
  region,
  period,
  issuedOn: z.string().nullable(),
  indicators: z.array(planRowSchema),
  reviewIndicators: z.array(planRowSchema),
  tableNotes: z.array(z.string()),
  outline: z.array(
    z.object({
      level: z.number(),
      number: z.string(),
      heading: z.string(),
      lines: z.tuple([z.number(), z.number()]),
    }),
  ),
  tasks: z.array(planItemSchema),
  projects: z.array(planItemSchema),
  warnings: z.array(z.string()),
  source: z.object({ fileName: z.string(), encoding: z.string(), sha256: z.string(), lineCount: z.number() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const planListEntrySchema = z.object({
  id: z.number(),
  title: z.string(),
  region,
  period,
  issuedOn: z.string().nullable(),
  indicatorCount: z.number(),
  mappedCount: z.number(),
  updatedAt: z.string(),
});

export const planSummarySchema = z.object({
  rows: z.number(),
  reviewRows: z.number(),
  mapped: z.number(),
  unmapped: z.array(z.object({ seq: z.string().nullable(), name: z.string(), reason: z.string() })),
  qualitative: z.number(),
  targetKinds: z.record(z.string(), z.number()),
  tasks: z.number(),
  projects: z.number(),
  warnings: z.array(z.string()),
});

export const importResultSchema = z.object({
  plans: z.array(
    z.object({
      id: z.number(),
      created: z.boolean(),
      title: z.string(),
      region,
      fileName: z.string(),
      summary: planSummarySchema,
    }),
  ),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  code: z.string(),
  place: z
    .object({
      file: z.string().optional(),
      line: z.number().optional(),
      entry: z.number().optional(),
      field: z.string().optional(),
    })
    .optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
