import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { WeijianError } from '../domain/errors.js';

/** RFC 9457 problem details: the one shape of every API error. Never a stack trace. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  place?: WeijianError['place'];
  errors?: { path: string; message: string }[];
}

export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: loggable(error) }, 'internal error');
    return reply.status(problem.status).type('application/problem+json').send(problem);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .type('application/problem+json')
      .send(problemOf(404, 'not-found', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
}

function toProblem(error: FastifyError): Problem {
  if (error instanceof WeijianError) {
    return { ...problemOf(error.status, error.code, error.describe()), place: error.place };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return {
      ...problemOf(400, 'request.invalid', error.message),
      errors: error.validation.map((v) => ({ path: v.instancePath || '/', message: v.message ?? 'invalid' })),
    };
  }
  const status = error.statusCode ?? 500;
  if (status < 500) return problemOf(status, error.code?.toLowerCase() ?? 'request.invalid', error.message);
  return problemOf(500, 'internal', 'internal error; the server log has the details');
}

export function problemOf(status: number, code: string, detail: string): Problem {
  return { type: `urn:weijian:problem:${code}`, title: titles[status] ?? 'Error', status, detail, code };
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/**
 * What of an unexpected error goes in the log: its type, codes and stack frames — not its message, nor the
 * database's `detail` or a failed query's parameters, which may quote a name or an ID number.
 */
function loggable(error: FastifyError): Record<string, unknown> {
  const { code, constraint, table } = error as FastifyError & { constraint?: string; table?: string };
  const cause = (error as { cause?: { code?: string; constraint?: string } }).cause;
  return {
    type: error.name,
    code: code ?? cause?.code,
    constraint: constraint ?? cause?.constraint,
    table,
    stack: error.stack
      ?.split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n'),
  };
}
