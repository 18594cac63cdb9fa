import { describe, expect, it } from 'vitest';
import { targetGrammarTarget } from '../../testing/fuzz-targets.js';
import { fuzz } from '../../testing/fuzz.js';

/** A fixed-seed share of `npm run fuzz` (scripts/fuzz.ts): no crash, no input over the bound, only WeijianError. */
describe('parseTarget under fuzzing', () => {
  it('survives 2 000 generated and mutated inputs', async () => {
    const report = await fuzz(targetGrammarTarget(), { n: 2000, seed: 20261126 });
    expect(report.failures).toEqual([]);
    expect(report.inputs).toBe(2000);
  }, 300_000);
});
