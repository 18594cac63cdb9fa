import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderDefinitionsTable } from './docs.js';

const file = fileURLToPath(new URL('../../../../docs/indicators.md', import.meta.url));
const START = '<!-- definitions:start (generated from src/domain/indicators/definitions) -->';
const END = '<!-- definitions:end -->';

/** `WEIJIAN_WRITE_DOCS=1 npx vitest run src/domain/indicators/definitions` rewrites the table. */
describe('docs/indicators.md', () => {
  it('lists every definition as the code declares it', () => {
    const text = readFileSync(file, 'utf8');
    const [before, rest] = text.split(START);
    const after = rest!.split(END)[1];
    const expected = `${before}${START}\n${renderDefinitionsTable()}\n${END}${after}`;
    if (process.env.WEIJIAN_WRITE_DOCS) writeFileSync(file, expected);
    expect(text).toBe(expected);
  });
});
