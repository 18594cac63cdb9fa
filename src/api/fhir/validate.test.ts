import { availableParallelism } from 'node:os';
import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { patientBundle } from '../../testing/fhir-synthea.js';
import { r4Issues, r4IssuesMany, startValidationPool } from './validate.js';

describe('R4 validation of a Bundle', () => {
  it('answers the same on the worker threads as on this thread, problems at their entries', async () => {
    const resources: Resource[] = [];
    for (let seed = 1; resources.length < 240; seed++)
      resources.push(...(patientBundle({ seed }).entry ?? []).map((e) => e.resource!));
    // Two broken resources, one in the share kept here and one in a worker's share.
    (resources[3] as { birthDate?: string }).birthDate = '1970-02-30x';
    (resources[230] as { status?: unknown }).status = 42;
    const items = resources.map((resource, i) => ({ resource, base: `Bundle.entry[${i}].resource` }));
    const inline = items.map((i) => r4Issues(i.resource, i.base));
    const started = await startValidationPool();
    const pooled = await r4IssuesMany(items);
    expect(pooled).toEqual(inline);
    const broken = pooled.flatMap((issues, i) => (issues.length ? [i] : []));
    expect(broken).toEqual([3, 230]);
    expect(pooled[230]![0]!.field).toMatch(/^Bundle\.entry\[230\]\.resource\.status/);
    // A machine with one core has no spare one: validation stays on this thread, with the same answers.
    expect(started).toBe(availableParallelism() > 1);
  }, 60_000);
});
