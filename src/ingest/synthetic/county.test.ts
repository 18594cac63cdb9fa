import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidResidentId } from '../../domain/identity/resident-id.js';
import { generateCounty, type GenerateOptions } from './county.js';
import { RowBuffer } from './row-buffer.js';
import type { TableName } from './tables.js';

const options: GenerateOptions = {
  countyCode: '320612',
  residents: 1500,
  seed: 7,
  firstYear: 2020,
  lastYear: 2025,
};

/** Generates a county in memory and returns a hash and the rows per table. */
function generate(o: GenerateOptions) {
  const buffer = new RowBuffer();
  const hashes = new Map<TableName, ReturnType<typeof createHash>>();
  const lines = new Map<TableName, string[]>();
  const take = () => {
    for (const chunk of buffer.take()) {
      if (!hashes.has(chunk.table)) hashes.set(chunk.table, createHash('sha256'));
      for (const block of chunk.data) hashes.get(chunk.table)!.update(block);
      const text = Buffer.concat(chunk.data).toString('utf8');
      lines.set(chunk.table, [...(lines.get(chunk.table) ?? []), ...text.split('\n').slice(0, -1)]);
    }
  };
  const generator = generateCounty(o, buffer);
  while (!generator.next().done) take();
  take();
  return { hashes: new Map([...hashes].map(([t, h]) => [t, h.digest('hex')])), lines };
}

describe('generateCounty', () => {
  const first = generate(options);

  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    expect(generate(options).hashes).toEqual(first.hashes);
    const other = generate({ ...options, seed: 8 }).hashes;
    expect(other.get('residents')).not.toBe(first.hashes.get('residents'));
    expect(other.get('encounters')).not.toBe(first.hashes.get('encounters'));
    // The county's real divisions do not depend on the seed.
    expect(other.get('regions')).toBe(first.hashes.get('regions'));
  });

  it('fills every table', () => {
    expect([...first.hashes.keys()].sort()).toEqual([...first.lines.keys()].sort());
    expect(first.lines.size).toBe(25);
  });

  it('gives every resident a valid, unique ID number of the county (or of the province for migrants)', () => {
    const numbers = first.lines
      .get('residents')!
      .map((l) => l.split('\t')[2]!)
      .filter((n) => n !== '\\N');
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(isValidResidentId(n, '2026-01-01')).toBe(true);
    const own = numbers.filter((n) => n.startsWith('320612')).length;
    expect(own / numbers.length).toBeGreaterThan(0.85);
    expect(numbers.every((n) => n.startsWith('32'))).toBe(true);
  });

  it('starts ids at the bases it is given', () => {
    const buffer = new RowBuffer();
    const generator = generateCounty(
      { ...options, residents: 10, idBases: { residents: 1000, encounters: 50 } },
      buffer,
    );
    let step = generator.next();
    while (!step.done) step = generator.next();
    const ids = step.value.last();
    expect(ids.get('residents')).toBeGreaterThanOrEqual(1009);
    const firstEncounter = buffer.take().find((c) => c.table === 'encounters')!;
    expect(Buffer.concat(firstEncounter.data).toString().split('\t')[1]).toBe('50');
  });
});
