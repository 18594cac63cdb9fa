import { z } from 'zod';
import { ROLES } from '../../access/permissions.js';

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  role: z.enum(ROLES),
  regionCode: z.string().nullable().describe('data scope: region subtree (null: all regions)'),
  facilityId: z.number().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  actorRole: z.string().nullable(),
  action: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  countyCode: z.string().nullable(),
  ip: z.string().nullable(),
  reason: z.string().nullable(),
  outcome: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
