import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { WeijianError } from '../../domain/errors.js';
import { readStore, searchStore } from '../../fhir/store/rest-search.js';
import { REST_TYPES } from '../../fhir/store/rest-tables.js';
import {
  writeResources,
  type WriteContext,
  type WriteEntry,
  type WriteOutcome,
} from '../../fhir/store/rest-write.js';
import type { Database } from '../../store/db.js';
import { principal } from '../auth.js';
import { dropJob, jobOf, manifestOf, parseExportTypes, startExport } from './bulk-export.js';
import { capabilityStatement } from './capability.js';
import { inTransaction, localToday, readSql, scopeOf } from './context.js';
import { included, parseIncludes } from './includes.js';
import { FHIR_JSON, outcomeOf, registerOutcomeHandler, sendOutcome } from './outcome.js';
import { baseOf, countOf, filtersOf, isStrict, parsePairs, queryPairs } from './query.js';
import { runBundle } from './transaction.js';
import { requireValid } from './validate.js';

/** A single resource in a create or update; bundles may be larger (a 1 000-resource transaction is ~2 MB). */
export const FHIR_RESOURCE_LIMIT = 1024 * 1024;
export const FHIR_BUNDLE_LIMIT = 64 * 1024 * 1024;

const started = new Date().toISOString();

/**
 * The FHIR R4 REST API at `/fhir` (docs/fhir-rest.md): metadata, read, search, create, update, transaction
 * and batch, Bulk Data export. Authenticated, scoped and audited like the rest of the API; errors are
 * OperationOutcomes.
 */
/** Registered with the prefix `/fhir` (its own not-found and error handlers answer OperationOutcomes). */
export const fhirRoutes = (database: Database) => async (app: FastifyInstance) => {
  registerOutcomeHandler(app);
  app.addContentTypeParser(
    ['application/fhir+json', 'application/json+fhir'],
    { parseAs: 'string', bodyLimit: FHIR_BUNDLE_LIMIT },
    (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch (error) {
        done(
          new WeijianError('fhir.json', `the body is not valid JSON: ${(error as Error).message}`, {}, 400),
          undefined,
        );
      }
    },
  );
  app.setNotFoundHandler((request, reply) =>
    sendOutcome(
      reply,
      404,
      outcomeOf(404, [
        { code: 'not-found', message: `no FHIR interaction ${request.method} ${request.url.split('?')[0]}` },
      ]),
    ),
  );

  const knownType = (type: string) => {
    if (!REST_TYPES.includes(type))
      throw new WeijianError(
        'fhir.unsupported-type',
        `${type} is not a resource type served here (supported: ${REST_TYPES.join(', ')})`,
        { field: 'type' },
        404,
      );
  };
  const writeContext = async (request: FastifyRequest): Promise<WriteContext> => ({
    ...(await scopeOf(database, request)),
    today: localToday(),
    parseQuery: (_type, query) => filtersOf(parsePairs(query)),
  });
  const sendResource = (reply: FastifyReply, status: number, resource: Resource) => {
    const version = resource.meta?.versionId;
    if (version) reply.header('etag', `W/"${version}"`);
    if (resource.meta?.lastUpdated)
      reply.header('last-modified', new Date(resource.meta.lastUpdated).toUTCString());
    return reply.status(status).type(FHIR_JSON).send(resource);
  };

  app.get('/metadata', { config: { permission: 'public' } }, async (request, reply) =>
    reply.type(FHIR_JSON).send(capabilityStatement(baseOf(request), started)),
  );

  // ------------------------------------------------------------ read and search
  app.get<{ Params: { type: string } }>(
    '/:type',
    { config: { permission: 'records:read', audit: 'fhir.search' } },
    async (request, reply) => {
      const { type } = request.params;
      knownType(type);
      const scope = await scopeOf(database, request);
      const pairs = queryPairs(request);
      const strict = isStrict(request);
      const { inc, rev, unknown } = parseIncludes(
        type,
        pairs.filter(([k]) => k === '_include').map(([, v]) => v),
        pairs.filter(([k]) => k === '_revinclude').map(([, v]) => v),
      );
      if (unknown.length && strict)
        throw new WeijianError(
          'fhir.search-parameter',
          `not supported: ${unknown.join(', ')}`,
          { field: unknown[0]!.split('=')[0] },
          400,
        );
      const sql = readSql(database);
      const count = countOf(pairs);
      const cursor = pairs.find(([k]) => k === '_cursor')?.[1];
      const page = await searchStore(sql, scope.county, {
        type,
        params: filtersOf(pairs),
        count,
        cursor,
        within: scope.within,
        strict,
      });
      const extra = await included(sql, scope, page.resources, inc, rev);
      const base = baseOf(request);
      const self = new URLSearchParams([
        ...page.applied,
        ['_count', String(count)],
        ...inc.map((i) => ['_include', `${i.from}:${i.param}`] as [string, string]),
        ...rev.map((i) => ['_revinclude', `${i.from}:${i.param}`] as [string, string]),
      ]);
      const link = [
        { relation: 'self', url: `${base}/${type}?${self}${cursor ? `&_cursor=${cursor}` : ''}` },
      ];
      if (page.next) link.push({ relation: 'next', url: `${base}/${type}?${self}&_cursor=${page.next}` });
      request.auditEvent = {
        resourceType: type,
        countyCode: scope.county,
        details: {
          matches: page.resources.length,
          included: extra.length,
          params: page.applied.map(([k]) => k),
        },
      };
      const bundle: Bundle = {
        resourceType: 'Bundle',
        type: 'searchset',
        link,
        entry: [
          ...page.resources.map((resource) => ({
            fullUrl: `${base}/${type}/${resource.id}`,
            resource,
            search: { mode: 'match' as const },
          })),
          ...extra.map((resource) => ({
            fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
            resource,
            search: { mode: 'include' as const },
          })),
        ],
      };
      return reply.type(FHIR_JSON).send(bundle);
    },
  );

  app.get<{ Params: { type: string; id: string } }>(
    '/:type/:id',
    { config: { permission: 'records:read', audit: 'fhir.read' } },
    async (request, reply) => {
      const { type, id } = request.params;
      knownType(type);
      const scope = await scopeOf(database, request);
      request.auditEvent = { resourceType: type, resourceId: id, countyCode: scope.county };
      const resource = await readStore(readSql(database), scope.county, type, id, scope.within);
      // Out of scope answers like unknown: existence does not leak.
      if (!resource)
        throw new WeijianError('fhir.not-found', `${type}/${id} is not known`, { field: `${type}.id` }, 404);
      return sendResource(reply, 200, resource);
    },
  );

  // ------------------------------------------------------------ create and update
  const writeOne = async (request: FastifyRequest, reply: FastifyReply, entry: WriteEntry) => {
    const ctx = await writeContext(request);
    const type = entry.resource.resourceType;
    // `Prefer: return=minimal` asks for the headers only: the stored resource is not read back.
    const minimal = /return=minimal/.test(String(request.headers.prefer ?? ''));
    const { outcome, resource } = await inTransaction(database, async (sql) => {
      const [o] = await writeResources(sql, ctx, [entry]);
      return {
        outcome: o!,
        resource: minimal ? null : await readStore(sql, ctx.county, type, o!.id, ctx.within),
      };
    });
    request.auditEvent = {
      resourceType: type,
      resourceId: outcome.id,
      countyCode: ctx.county,
      details: { status: outcome.status },
    };
    setLocation(reply, baseOf(request), outcome);
    if (minimal) return reply.status(outcome.status).send();
    return sendResource(reply, outcome.status, resource!);
  };

  const body = (request: FastifyRequest, type: string): WriteEntry['resource'] => {
    const resource = request.body as Record<string, unknown> | undefined;
    if (!resource || typeof resource !== 'object' || Array.isArray(resource))
      throw new WeijianError('fhir.structure', 'the body must be a FHIR resource (a JSON object)', {}, 400);
    if (resource.resourceType !== type)
      throw new WeijianError(
        'fhir.wrong-type',
        `this endpoint takes a ${type}, the body is a ${String(resource.resourceType ?? 'resource without resourceType')}`,
        { field: 'resourceType' },
        400,
      );
    requireValid(resource);
    return resource as WriteEntry['resource'];
  };

  app.post<{ Params: { type: string } }>(
    '/:type',
    { config: { permission: 'records:write', audit: 'fhir.create' }, bodyLimit: FHIR_RESOURCE_LIMIT },
    async (request, reply) => {
      const { type } = request.params;
      knownType(type);
      const ifNoneExist = request.headers['if-none-exist'];
      return writeOne(request, reply, {
        index: null,
        method: 'POST',
        resource: body(request, type),
        ...(typeof ifNoneExist === 'string' ? { ifNoneExist: ifNoneExist.replace(/^[A-Za-z]+\?/, '') } : {}),
      });
    },
  );

  app.put<{ Params: { type: string; id: string } }>(
    '/:type/:id',
    { config: { permission: 'records:write', audit: 'fhir.update' }, bodyLimit: FHIR_RESOURCE_LIMIT },
    async (request, reply) => {
      const { type, id } = request.params;
      knownType(type);
      const resource = body(request, type);
      if (resource.id !== undefined && resource.id !== id)
        throw new WeijianError(
          'fhir.id-mismatch',
          `the resource id ${String(resource.id)} differs from the URL's ${id}`,
          { field: `${type}.id` },
          400,
        );
      return writeOne(request, reply, { index: null, method: 'PUT', resource, targetId: id });
    },
  );

  // ------------------------------------------------------------ transaction and batch
  {
    app.post(
      '/',
      { config: { permission: 'records:write', audit: 'fhir.transaction' }, bodyLimit: FHIR_BUNDLE_LIMIT },
      async (request, reply) => {
        const ctx = await writeContext(request);
        const type = (request.body as { type?: unknown } | null)?.type;
        request.auditEvent = { resourceType: 'Bundle', countyCode: ctx.county, details: { type } };
        const { bundle, counts } = await runBundle(database, ctx, request.body);
        request.auditEvent.details = { type, written: counts };
        return reply.type(FHIR_JSON).send(bundle);
      },
    );
  }

  // ------------------------------------------------------------ Bulk Data export
  const kickOff = (level: 'system' | 'patient') => async (request: FastifyRequest, reply: FastifyReply) => {
    const scope = await scopeOf(database, request);
    const pairs = queryPairs(request);
    const param = (name: string) => pairs.find(([k]) => k === name)?.[1];
    const format = param('_outputFormat');
    if (format && !['application/fhir+ndjson', 'application/ndjson', 'ndjson'].includes(format))
      throw new WeijianError(
        'fhir.export-format',
        `_outputFormat ${format} is not offered (application/fhir+ndjson)`,
        { field: '_outputFormat' },
        400,
      );
    if (param('_since'))
      throw new WeijianError(
        'fhir.export-since',
        '_since is not supported: the store keeps no change time for records loaded by file import',
        { field: '_since' },
        400,
      );
    const types = parseExportTypes(level, param('_type'));
    const base = baseOf(request);
    const job = await startExport(
      database,
      scope,
      principal(request).actor,
      types,
      `${base}${request.url.replace(/^\/fhir/, '')}`,
    );
    request.auditEvent = {
      resourceType: 'export',
      resourceId: job.id,
      countyCode: scope.county,
      details: { level, types, within: scope.within },
    };
    return reply
      .status(202)
      .header('content-location', `${base}/$export-status/${job.id}`)
      .type(FHIR_JSON)
      .send(outcomeOf(200, []));
  };
  for (const method of ['GET', 'POST'] as const) {
    app.route({
      method,
      url: '/$export',
      config: { permission: 'records:export', audit: 'fhir.export' },
      handler: kickOff('system'),
    });
    app.route({
      method,
      url: '/Patient/$export',
      config: { permission: 'records:export', audit: 'fhir.export' },
      handler: kickOff('patient'),
    });
  }
  app.get<{ Params: { job: string } }>(
    '/$export-status/:job',
    { config: { permission: 'records:export', audit: 'fhir.export.status' } },
    async (request, reply) => {
      const job = jobOf(request.params.job, principal(request).actor);
      request.auditEvent = { resourceType: 'export', resourceId: job.id };
      if (job.state === 'running')
        return reply.status(202).header('x-progress', job.progress).header('retry-after', '1').send();
      if (job.state === 'failed')
        return sendOutcome(
          reply,
          500,
          outcomeOf(500, [
            { code: 'fhir.export-failed', message: 'the export failed; the server log has the details' },
          ]),
        );
      return reply
        .status(200)
        .type('application/json')
        .send(manifestOf(job, baseOf(request)));
    },
  );
  app.delete<{ Params: { job: string } }>(
    '/$export-status/:job',
    { config: { permission: 'records:export', audit: 'fhir.export.cancel' } },
    async (request, reply) => {
      const job = jobOf(request.params.job, principal(request).actor);
      request.auditEvent = { resourceType: 'export', resourceId: job.id };
      await dropJob(job.id);
      return reply.status(202).send();
    },
  );
  app.get<{ Params: { job: string; file: string } }>(
    '/$export-file/:job/:file',
    { config: { permission: 'records:export', audit: 'fhir.export.download' } },
    async (request, reply) => {
      const job = jobOf(request.params.job, principal(request).actor);
      const output = job.output.find((o) => o.file === request.params.file);
      if (!output)
        throw new WeijianError(
          'fhir.export-not-found',
          `no file ${request.params.file} in export ${job.id}`,
          {},
          404,
        );
      request.auditEvent = {
        resourceType: 'export',
        resourceId: job.id,
        details: { type: output.type, count: output.count },
      };
      return reply.type('application/fhir+ndjson').send(createReadStream(path.join(job.dir, output.file)));
    },
  );
};

function setLocation(reply: FastifyReply, base: string, o: WriteOutcome) {
  reply.header('location', `${base}/${o.type}/${o.id}/_history/${o.versionId}`);
  reply.header('content-location', `${base}/${o.type}/${o.id}/_history/${o.versionId}`);
}
