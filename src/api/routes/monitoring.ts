import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../store/db.js';
import { assessmentRoutes } from './assessment.js';
import { compareRoutes } from './compare.js';
import { manualValueRoutes } from './manual-values.js';
import { planItemRoutes } from './plan-items.js';
import { reportRoutes } from './reports.js';

/** The plan monitoring resources, registered together so server.ts needs one line. */
export const monitoringRoutes =
  (db: Db): FastifyPluginAsync =>
  async (app) => {
    await app.register(assessmentRoutes(db));
    await app.register(manualValueRoutes(db));
    await app.register(compareRoutes(db));
    await app.register(planItemRoutes(db));
    await app.register(reportRoutes(db));
  };
