import type { FastifyRequest } from 'fastify';
import type { Actor } from '../monitoring/workflow.js';
import { principal } from './auth.js';

/** The monitoring services' actor from the signed-in principal: audited name and its role. */
export function actorOf(request: FastifyRequest): Actor {
  const p = principal(request);
  return { id: p.actor, roles: [p.role] };
}
