/**
 * `npm run fuzz -- --n 100000 [--seed 1] [--target parseTarget]`: the full fuzz run of the four parsers of
 * outside input (the `*.fuzz.test.ts` run a fixed-seed 2 000 of each in `npm test`). Prints one JSON report
 * per target; exits 1 on any crash or input over its time bound.
 */
import { parseArgs } from 'node:util';
import { Random } from '../src/ingest/synthetic/random.js';
import { fuzz, type FuzzTarget } from '../src/testing/fuzz.js';
import { fhirTarget, planTarget, tabularTarget, targetGrammarTarget } from '../src/testing/fuzz-targets.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    target: { type: 'string' },
  },
});
const n = Number(values.n);
const seed = Number(values.seed);
const makers: Record<string, () => FuzzTarget | Promise<FuzzTarget>> = {
  parseTarget: targetGrammarTarget,
  parsePlan: planTarget,
  fhir: fhirTarget,
  tabular: () => tabularTarget(new Random(seed)),
};
let failed = false;
for (const [name, make] of Object.entries(makers)) {
  if (values.target && values.target !== name) continue;
  const started = performance.now();
  const report = await fuzz(await make(), { n, seed });
  failed ||= report.failures.length > 0;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { failures, ...figures } = report;
  console.log(
    JSON.stringify({
      ...figures,
      meanMs: +(report.totalMs / report.inputs).toFixed(2),
      maxMs: +report.maxMs.toFixed(1),
      totalMs: undefined,
      seconds,
      failures: failures.slice(0, 20),
      failureCount: failures.length,
    }),
  );
}
process.exitCode = failed ? 1 : 0;
