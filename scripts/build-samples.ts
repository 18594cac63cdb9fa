// Regenerates samples/plans/*.json from the seed plans in ../shared/seeds: the structured facts only
// (names, units, baselines, targets, natures, headings and line spans), never the plans' prose.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { samplePlansDir } from '../src/app/sample-data.js';
import { parsePlan } from '../src/ingest/plan/parse-plan.js';
import { seedFiles, seedPath } from '../src/testing/seeds.js';

mkdirSync(samplePlansDir, { recursive: true });
for (const [name, file] of Object.entries(seedFiles)) {
  const plan = await parsePlan(readFileSync(seedPath(name as keyof typeof seedFiles)), file);
  const out = path.join(samplePlansDir, `${name}.json`);
  writeFileSync(out, `${JSON.stringify(plan, null, 2)}\n`);
  console.log(`${out}: ${plan.indicators.length} rows, ${plan.reviewIndicators.length} review rows`);
}
