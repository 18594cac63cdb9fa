// `npm run bench -- NAME [args…]`: runs bench/NAME.ts and prints its figures as one JSON object.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A benchmark: returns the figures it measured (numbers with their units in the key names). */
export type Bench = (args: string[]) => Promise<Record<string, unknown>>;

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'main.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3));

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(
    `usage: npm run bench -- NAME [args]; NAME is one of: ${available.join(', ') || '(none yet)'}`,
  );
  process.exit(2);
}
const bench = (await import(`./${name}.ts`)) as { default: Bench };
const started = new Date().toISOString();
const figures = await bench.default(args);
console.log(JSON.stringify({ bench: name, started, node: process.version, ...figures }, null, 2));
