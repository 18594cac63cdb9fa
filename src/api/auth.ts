import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { writeAudit, type AuditEvent } from '../access/audit.js';
import { PERMISSIONS, type Permission } from '../access/permissions.js';
import { authorize, type Principal } from '../access/principal.js';
import { csrfTokenOf, sameSecret } from '../access/secrets.js';
import { SESSION_LIFETIME_MS, sessionPrincipal, tokenPrincipal } from '../access/sessions.js';
import { WeijianError } from '../domain/errors.js';
import type { Db } from '../store/db.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route (the onRoute hook below refuses a route without it). */
    permission?: Permission;
    /** The audit action; required on writes and on routes that touch personal data or accounts. */
    audit?: string;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** What the handler adds to the audit row: county, resource, reason, ids and counts (no personal data). */
    auditEvent: Partial<AuditEvent> & { actor?: string };
  }
}

export const SESSION_COOKIE = 'wj_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Reading these is itself audited. */
const AUDITED_PERMISSIONS: Permission[] = [
  'records:read',
  'records:write',
  'records:export',
  'residents:reveal',
  'audit:read',
  'users:manage',
];

/**
 * Routes that plugins register without our config: the Swagger UI's pages and the web app's static files.
 * They carry no data; every other route, and everything under /api or /fhir, must declare its permission.
 */
const undeclaredPublic = (url: string) => url.startsWith('/api/docs') || !/^\/(api|fhir)(\/|$)/.test(url);

export interface RouteDeclaration {
  method: string;
  url: string;
  permission: Permission;
  audit: string | null;
}

const declarations = new WeakMap<FastifyInstance, RouteDeclaration[]>();

/** Every route of the app with what it declared (the access matrix test walks them all). */
export const declaredRoutes = (app: FastifyInstance): readonly RouteDeclaration[] =>
  declarations.get(app) ?? [];

export async function registerAuth(app: FastifyInstance, db: Db): Promise<void> {
  const table: RouteDeclaration[] = [];
  declarations.set(app, table);
  await app.register(cookie);
  app.decorateRequest('principal', null);
  app.decorateRequest('auditEvent', null as never);

  app.addHook('onRoute', (route: RouteOptions) => {
    const permission = route.config?.permission;
    const methods = [route.method].flat();
    if (!permission) {
      if (undeclaredPublic(route.url)) {
        route.config = { ...route.config, permission: 'public' };
        for (const method of methods)
          table.push({ method, url: route.url, permission: 'public', audit: null });
        return;
      }
      throw new Error(
        `${methods.join(',')} ${route.url}: declare config.permission (src/access/permissions.ts)`,
      );
    }
    if (!PERMISSIONS.includes(permission)) throw new Error(`${route.url}: unknown permission ${permission}`);
    const needsAudit = methods.some((m) => !SAFE_METHODS.has(m)) || AUDITED_PERMISSIONS.includes(permission);
    if (needsAudit && !route.config?.audit)
      throw new Error(`${methods.join(',')} ${route.url}: declare config.audit`);
    for (const method of methods)
      table.push({ method, url: route.url, permission, audit: route.config?.audit ?? null });
  });

  app.addHook('onRequest', async (request, reply) => {
    request.auditEvent = {};
    const permission = request.routeOptions.config.permission;
    // No permission only on the not-found handler, which answers 404 whoever asks.
    if (!permission || permission === 'public') return;
    request.principal = await authenticate(db, request);
    authorize(request.principal, permission);
    // What a signed-in user reads may be personal: no browser or proxy keeps a copy.
    reply.header('cache-control', 'no-store');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const action = request.routeOptions.config.audit;
    if (!action) return payload;
    const { actor, details, ...event } = request.auditEvent ?? {};
    const status = reply.statusCode;
    await writeAudit(
      db,
      {
        actor: actor ?? request.principal?.actor ?? 'anonymous',
        role: request.principal?.role ?? null,
        ip: request.ip,
      },
      {
        ...event,
        action,
        outcome: status < 400 ? 'ok' : status === 401 || status === 403 ? 'denied' : 'failed',
        details: {
          status,
          ...(request.principal?.tokenId === undefined ? {} : { token: request.principal.tokenId }),
          ...details,
        },
      },
    );
    return payload;
  });
}

/** Bearer API token, else the session cookie (with the CSRF token on unsafe methods); null when neither. */
async function authenticate(db: Db, request: FastifyRequest): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header) {
    const token = /^Bearer (\S+)$/i.exec(header)?.[1];
    const principal = token ? await tokenPrincipal(db, token) : null;
    if (!principal)
      throw new WeijianError('auth.invalid-token', 'the API token is unknown or revoked', {}, 401);
    return principal;
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (!sessionId) return null;
  const principal = await sessionPrincipal(db, sessionId);
  if (!principal)
    throw new WeijianError('auth.session-expired', 'the session has ended; sign in again', {}, 401);
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, csrfTokenOf(sessionId))) {
      throw new WeijianError('auth.csrf', 'missing or wrong x-csrf-token header', {}, 403);
    }
  }
  return principal;
}

export const sessionCookieOptions = {
  httpOnly: true,
  sameSite: 'strict',
  secure: 'auto',
  path: '/',
  maxAge: SESSION_LIFETIME_MS / 1000,
} as const;

/** The principal of a route that is not public (set by the onRequest hook). */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw new WeijianError('auth.required', 'sign in first', {}, 401);
  return request.principal;
}
