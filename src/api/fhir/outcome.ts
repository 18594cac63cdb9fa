import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { WeijianError } from '../../domain/errors.js';
import { WriteRejected } from '../../fhir/store/rest-write.js';

/*
 * Every FHIR error is an OperationOutcome (R4 §3.1.0.4): `code` from the IssueType value set, `expression`
 * the element (FHIRPath) that is wrong, `diagnostics` Weijian's error code. Never a stack trace.
 */

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** IssueType (http://hl7.org/fhir/issue-type) by HTTP status, refined by Weijian's code. */
function issueType(status: number, code: string): OperationOutcomeIssue['code'] {
  if (code.includes('duplicate')) return 'duplicate';
  if (
    code.includes('unknown-reference') ||
    code.includes('unknown-patient') ||
    code.includes('unknown-facility')
  )
    return 'not-found';
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 412) return 'multiple-matches';
  if (status === 413) return 'too-costly';
  if (status === 422) return 'business-rule';
  if (status >= 500) return 'exception';
  if (code.includes('json')) return 'structure';
  if (code.includes('search')) return 'not-supported';
  return 'invalid';
}

export function outcomeOf(
  status: number,
  issues: { code: string; field?: string; message: string }[],
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: status >= 500 ? 'fatal' : 'error',
      code: issueType(status, i.code),
      diagnostics: `${i.code}: ${i.message}`,
      details: { text: i.message },
      ...(i.field ? { expression: [i.field] } : {}),
    })),
  };
}

export function errorOutcome(error: FastifyError | Error): { status: number; outcome: OperationOutcome } {
  if (error instanceof WriteRejected)
    return { status: error.status, outcome: outcomeOf(error.status, error.issues) };
  if (error instanceof WeijianError)
    return {
      status: error.status,
      outcome: outcomeOf(error.status, [
        { code: error.code, field: error.place.field, message: error.message },
      ]),
    };
  const status = (error as FastifyError).statusCode ?? 500;
  if (status === 413)
    return {
      status,
      outcome: outcomeOf(413, [
        { code: 'request.too-large', message: 'the body is over the size limit of this endpoint' },
      ]),
    };
  if (status === 415)
    return {
      status,
      outcome: outcomeOf(415, [
        { code: 'request.media-type', message: 'send application/fhir+json (or application/json)' },
      ]),
    };
  if (status < 500)
    return {
      status,
      outcome: outcomeOf(status, [
        { code: (error as FastifyError).code?.toLowerCase() ?? 'request.invalid', message: error.message },
      ]),
    };
  return {
    status: 500,
    outcome: outcomeOf(500, [
      { code: 'internal', message: 'internal error; the server log has the details' },
    ]),
  };
}

export function sendOutcome(reply: FastifyReply, status: number, outcome: OperationOutcome) {
  return reply.status(status).type(FHIR_JSON).send(outcome);
}

/** The FHIR plugin's own error and not-found handlers (encapsulated: the rest of the API keeps problem JSON). */
export function registerOutcomeHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, outcome } = errorOutcome(error);
    if (status >= 500)
      request.log.error(
        {
          err: {
            type: error.name,
            stack: error.stack
              ?.split('\n')
              .filter((l) => /^\s+at /.test(l))
              .join('\n'),
          },
        },
        'internal error',
      );
    return sendOutcome(reply, status, outcome);
  });
}
