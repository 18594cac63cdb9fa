import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
}

/** Which project folders each layer may import (ARCHITECTURE.md: dependencies point one way). */
const allowed: Record<string, string[]> = {
  domain: ['domain'],
  ingest: ['domain', 'ingest'],
  store: ['domain', 'store'],
  fhir: ['domain', 'fhir'],
  app: ['domain', 'ingest', 'store', 'fhir', 'engine', 'app'],
  engine: ['domain', 'store', 'engine'],
  access: ['domain', 'store', 'access'],
  monitoring: ['domain', 'store', 'monitoring'],
};

describe('layering', () => {
  for (const [layer, may] of Object.entries(allowed)) {
    it(`${layer} imports only ${may.join(', ')}`, () => {
      const offending: string[] = [];
      for (const file of sourceFiles(path.join(srcDir, layer))) {
        for (const spec of importsOf(file)) {
          if (layer === 'domain' && spec.startsWith('node:'))
            offending.push(`${file}: ${spec} (I/O in domain)`);
          if (!spec.startsWith('.')) continue;
          const target = path.relative(srcDir, path.resolve(path.dirname(file), spec)).split(path.sep)[0]!;
          if (!may.includes(target)) offending.push(`${path.relative(srcDir, file)} → ${spec}`);
        }
      }
      expect(offending).toEqual([]);
    });
  }
});
