import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_PERMISSIONS } from '../../access/permissions.js';
import { csrfTokenOf } from '../../access/secrets.js';
import { endSession } from '../../access/sessions.js';
import { changeOwnPassword, signIn } from '../../access/sign-in.js';
import { userById, viewOf } from '../../access/users.js';
import { WeijianError } from '../../domain/errors.js';
import type { Db } from '../../store/db.js';
import { principal, SESSION_COOKIE, sessionCookieOptions } from '../auth.js';
import { problemSchema } from '../schemas/plan.js';
import { userSchema } from '../schemas/access.js';

const signedInSchema = z.object({
  user: userSchema,
  permissions: z.array(z.string()),
  csrfToken: z
    .string()
    .nullable()
    .describe('send as `x-csrf-token` on POST/PUT/PATCH/DELETE with the session cookie'),
});

export const authRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/sign-in',
      {
        config: { permission: 'public', audit: 'auth.sign-in' },
        schema: {
          tags: ['auth'],
          summary: '登录 Sign in: sets an HttpOnly session cookie and returns the CSRF token',
          body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
          response: { 200: signedInSchema, 400: problemSchema, 401: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        request.auditEvent.actor = `user:${username}`;
        const { user, sessionId } = await signIn(db, username, password, request.ip);
        reply.setCookie(SESSION_COOKIE, sessionId, sessionCookieOptions);
        return {
          user: viewOf(user),
          permissions: [...ROLE_PERMISSIONS[user.role]],
          csrfToken: csrfTokenOf(sessionId),
        };
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
        config: { permission: 'signed-in', audit: 'auth.sign-out' },
        schema: { tags: ['auth'], summary: '退出 Sign out (ends the session)', response: { 204: z.null() } },
      },
      async (request, reply) => {
        const sessionId = request.cookies[SESSION_COOKIE];
        if (sessionId) await endSession(db, sessionId);
        return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send(null);
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { permission: 'signed-in', audit: 'auth.password-change' },
        schema: {
          tags: ['auth'],
          summary:
            '修改密码 Change one’s own password (the current one is required); ends one’s other sessions',
          body: z.object({
            currentPassword: z.string().min(1).max(200),
            newPassword: z.string().min(1).max(200),
          }),
          response: { 204: z.null(), 400: problemSchema, 401: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        const me = principal(request);
        if (me.userId === null) throw new WeijianError('auth.required', 'sign in first', {}, 401);
        request.auditEvent = { resourceType: 'user', resourceId: String(me.userId) };
        await changeOwnPassword(db, me.userId, {
          ...request.body,
          ip: request.ip,
          keepSession: me.via === 'session' ? request.cookies[SESSION_COOKIE] : undefined,
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { permission: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary: '当前用户 The signed-in user, permissions and (for a session) the CSRF token',
          response: { 200: signedInSchema, 401: problemSchema },
        },
      },
      async (request) => {
        const me = principal(request);
        const user = me.userId === null ? undefined : await userById(db, me.userId);
        if (!user) throw new WeijianError('auth.required', 'sign in first', {}, 401);
        const sessionId = me.via === 'session' ? request.cookies[SESSION_COOKIE] : undefined;
        return {
          user: viewOf(user),
          permissions: [...ROLE_PERMISSIONS[user.role]],
          csrfToken: sessionId ? csrfTokenOf(sessionId) : null,
        };
      },
    );
  };
