import { describe, expect, it } from 'vitest';
import { fhirTarget } from '../../testing/fuzz-targets.js';
import { fuzz } from '../../testing/fuzz.js';

/** A fixed-seed share of `npm run fuzz` (scripts/fuzz.ts): no crash, no input over the bound, only WeijianError. */
describe('the FHIR importer under fuzzing', () => {
  it('survives 2 000 generated and mutated inputs', async () => {
    const report = await fuzz(fhirTarget(), { n: 2000, seed: 20261126 });
    expect(report.failures).toEqual([]);
    expect(report.inputs).toBe(2000);
  }, 300_000);
});
