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
import type { Database } from '../store/db.js';
import { registerProblemHandler } from './problem.js';
import { planRoutes, planUploadLimit } from './routes/plans.js';

export interface AppOptions {
  logger?: boolean;
}

/** The HTTP API over one database. Routes are Zod-typed; the OpenAPI document is generated from them. */
export async function buildApp(database: Database, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);

  await app.register(multipart, { limits: { fileSize: planUploadLimit, files: 10 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Weijian 卫健 API',
        description: 'County health information platform: plans, indicators, records.',
        version: '0.1.0',
      },
      tags: [{ name: 'plans', description: '规划 Plans' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  app.get(
    '/api/health',
    {
      schema: {
        summary: '健康检查 Liveness and storage kind',
        response: { 200: z.object({ status: z.literal('ok'), storage: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => ({ status: 'ok' as const, storage: database.kind }),
  );
  await app.register(planRoutes(database.db));
  return app;
}
