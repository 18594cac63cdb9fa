import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { refresherFor, type IndicatorRefresher } from '../app/indicator-refresher.js';
import type { Database } from '../store/db.js';
import { registerAuth } from './auth.js';
import { requestForLog } from './log-redaction.js';
import { fhirRoutes } from './fhir/routes.js';
import { registerProblemHandler } from './problem.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { exchangeRoutes } from './routes/exchange.js';
import { indicatorRoutes } from './routes/indicators.js';
import { planRoutes, planUploadLimit } from './routes/plans.js';
import { regionRoutes } from './routes/regions.js';
import { templateRoutes } from './routes/templates.js';
import { residentMpiRoutes } from './routes/residents-mpi.js';
import { residentRevealRoutes } from './routes/residents-reveal.js';
import { residentSearchRoutes } from './routes/residents-search.js';
import { residentTimelineRoutes } from './routes/residents-timeline.js';
import { userRoutes } from './routes/users.js';
import { monitoringRoutes } from './routes/monitoring.js';
import { registerWebApp } from './web-app.js';

export interface AppOptions {
  /** true: log to stdout; a stream: log there (tests read it to prove no personal data is logged). */
  logger?: boolean | { stream: NodeJS.WritableStream };
  /** Refreshes the indicators after writes of records (default: one over `database`, stopped with the app). */
  refresher?: IndicatorRefresher;
  /** Also refresh, in the background, what was queued before the app started (a server's start). */
  refreshQueuedAtStart?: boolean;
}

/**
 * Requests are logged as method, URL and status only (Fastify's serializers: no bodies, no headers); the
 * credentials are redacted should a header ever be logged.
 */
const redact = {
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["x-csrf-token"]',
    'res.headers["set-cookie"]',
  ],
  censor: '[redacted]',
};
/** URLs are logged with the values of personal query parameters (a resident search) hidden. */
const serializers = { req: requestForLog };

/** The HTTP API over one database. Routes are Zod-typed; the OpenAPI document is generated from them. */
export async function buildApp(database: Database, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === true
        ? { redact, serializers }
        : options.logger
          ? { redact, serializers, stream: options.logger.stream }
          : false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);
  await registerAuth(app, database.db);
  const refresher =
    options.refresher ??
    refresherFor(database.db, {
      onError: (error) => app.log.error({ err: error }, 'indicator refresh failed'),
    });
  app.addHook('onClose', () => refresher.stop());
  if (options.refreshQueuedAtStart) refresher.request();
  // Every route that writes records queues indicator work (the tables' triggers): it is refreshed a moment
  // after the write, once for a burst of writes.
  app.addHook('onResponse', async (request, reply) => {
    if (request.routeOptions.config.permission === 'records:write' && reply.statusCode < 400) {
      refresher.request();
    }
  });

  await app.register(multipart, { limits: { fileSize: planUploadLimit, files: 10 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Weijian 卫健 API',
        description: 'County health information platform: plans, indicators, records.',
        version: '0.1.0',
      },
      tags: [{ name: 'plans', description: '规划 Plans' }],
      // docs/access-control.md: an API token, or the session cookie with x-csrf-token on writes.
      components: {
        securitySchemes: {
          token: { type: 'http', scheme: 'bearer', description: 'wj_… (weijian token create)' },
          session: { type: 'apiKey', in: 'cookie', name: 'wj_session' },
        },
      },
      security: [{ token: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, () =>
    app.swagger(),
  );

  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: {
        summary: '健康检查 Liveness and storage kind',
        response: { 200: z.object({ status: z.literal('ok'), storage: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => ({ status: 'ok' as const, storage: database.kind }),
  );
  await app.register(authRoutes(database.db));
  await app.register(userRoutes(database.db));
  await app.register(auditRoutes(database.db));
  await app.register(planRoutes(database.db));
  await app.register(indicatorRoutes(database.db));
  await app.register(regionRoutes(database.db));
  await app.register(exchangeRoutes(database));
  await app.register(templateRoutes);
  await app.register(residentMpiRoutes(database.db));
  await app.register(residentRevealRoutes(database.db));
  await app.register(residentSearchRoutes(database.db));
  await app.register(residentTimelineRoutes(database.db));
  await app.register(monitoringRoutes(database.db));
  await app.register(fhirRoutes(database), { prefix: '/fhir' });
  await registerWebApp(app);
  return app;
}
