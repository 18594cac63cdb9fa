import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOOKUP_ACTIONS, readTimeline, residentEvent } from '../../access/resident-lookup.js';
import type { Db } from '../../store/db.js';
import { principal } from '../auth.js';
import { problemSchema } from '../schemas/plan.js';
import { residentParams } from './residents-search.js';

/*
 * A resident's timeline: every record of the person, newest first, one entry per dated event. A record
 * read: audited with the number of entries shown.
 */

const facility = z
  .object({ id: z.number().nullable(), name: z.string().nullable() })
  .describe('a facility of the county (id) or elsewhere (name only)');
const date = z.string().describe('YYYY-MM-DD');
const entry = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ kind: z.literal(kind), date, id: z.number(), facility: facility.nullable(), ...shape });

const timelineEntry = z.discriminatedUnion('kind', [
  entry('health-record', { lastServiceOn: date.nullable(), closedOn: date.nullable() }),
  entry('encounter', {
    class: z.string().describe('outpatient, emergency, inpatient'),
    endDate: date.nullable(),
    department: z.string().nullable(),
    diagnoses: z.array(z.object({ code: z.string().describe('ICD-10'), name: z.string().nullable() })),
    totalCost: z.number().nullable().describe('yuan'),
    outOfPocket: z.number().nullable(),
    lengthOfStay: z.number().nullable(),
  }),
  entry('chronic-registration', {
    disease: z.string(),
    closedOn: date.nullable(),
    closeReason: z.string().nullable(),
  }),
  entry('follow-up', {
    disease: z.string(),
    faceToFace: z.boolean(),
    systolic: z.number().nullable().describe('mmHg'),
    diastolic: z.number().nullable(),
    fastingGlucose: z.number().nullable().describe('mmol/L'),
    controlled: z.boolean().nullable(),
  }),
  entry('check-up', {
    programme: z.string(),
    lifestyleAssessment: z.boolean(),
    physicalExamination: z.boolean(),
    auxiliaryTests: z.boolean(),
    healthGuidance: z.boolean(),
    formComplete: z.boolean(),
  }),
  entry('immunization', { vaccineCode: z.string(), doseNumber: z.number() }),
  entry('contract', {
    endOn: date,
    cancelledOn: date.nullable(),
    teamName: z.string().nullable(),
    priorityGroups: z.array(z.string()),
    renewsContractId: z.number().nullable(),
  }),
  entry('referral', {
    direction: z.enum(['up', 'down']),
    status: z.string(),
    receivedOn: date.nullable(),
    toFacility: facility,
  }),
  entry('pregnancy', { registrationWeek: z.number().nullable(), deliveryDate: date.nullable() }),
  entry('prenatal-visit', { gestationalWeek: z.number().nullable() }),
  entry('delivery', { hospitalDelivery: z.boolean().nullable(), postpartumVisitOn: date.nullable() }),
  entry('child-check', { eyeScreening: z.boolean() }),
  entry('death', {}),
]);

export const residentTimelineRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/residents/:county/:id/timeline',
      {
        config: { permission: 'records:read', audit: LOOKUP_ACTIONS.timeline },
        schema: {
          tags: ['residents'],
          summary:
            '健康时间线 A resident’s encounters, follow-ups, check-ups, immunizations, contracts, referrals, maternal and child care, newest first',
          params: residentParams,
          response: {
            200: z.object({ county: z.string(), residentId: z.number(), entries: z.array(timelineEntry) }),
            400: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const { county, id } = request.params;
        request.auditEvent = residentEvent(county, id);
        const timeline = await readTimeline(db, principal(request), county, id);
        request.auditEvent = residentEvent(county, id, timeline);
        return timeline;
      },
    );
  };
