import { describe, expect, it } from 'vitest';
import { Random } from '../synthetic/random.js';
import { tabularTarget } from '../../testing/fuzz-targets.js';
import { fuzz } from '../../testing/fuzz.js';

/** A fixed-seed share of `npm run fuzz` (scripts/fuzz.ts): no crash, no input over the bound, only WeijianError. */
describe('the Excel/CSV reader under fuzzing', () => {
  it('survives 2 000 generated and mutated inputs', async () => {
    const report = await fuzz(await tabularTarget(new Random(7)), { n: 2000, seed: 20261126 });
    expect(report.failures).toEqual([]);
    expect(report.inputs).toBe(2000);
  }, 300_000);
});
