import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../access/permissions.js';
import { createUser, listUsers } from '../../access/users.js';
import type { Db } from '../../store/db.js';
import { problemSchema } from '../schemas/plan.js';
import { userSchema } from '../schemas/access.js';

export const userRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/users',
      {
        config: { permission: 'users:manage', audit: 'users.list' },
        schema: {
          tags: ['users'],
          summary: '用户 Accounts with role and data scope',
          response: { 200: z.object({ users: z.array(userSchema) }) },
        },
      },
      async () => ({ users: await listUsers(db) }),
    );

    app.post(
      '/api/users',
      {
        config: { permission: 'users:manage', audit: 'users.create' },
        schema: {
          tags: ['users'],
          summary: '新建用户 Create an account',
          body: z.object({
            username: z.string().min(2).max(64),
            password: z.string().min(1).max(200),
            role: z.enum(ROLES),
            regionCode: z
              .string()
              .regex(/^(\d{6}|\d{9}|\d{12})$/)
              .nullable()
              .default(null),
            facilityId: z.number().int().positive().nullable().default(null),
          }),
          response: { 201: userSchema, 400: problemSchema, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const user = await createUser(db, request.body);
        request.auditEvent = {
          resourceType: 'user',
          resourceId: String(user.id),
          details: { role: user.role },
        };
        return reply.status(201).send(user);
      },
    );
  };
