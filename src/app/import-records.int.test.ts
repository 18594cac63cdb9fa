import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/db.js';
import { backends } from '../testing/databases.js';
import { COUNTY, countyResources, residentRecords } from '../testing/fhir-county.js';
import { importRecordFiles } from './import-records.js';

const dir = mkdtempSync(path.join(tmpdir(), 'weijian-import-'));
const today = '2025-06-30';

function ndjson(name: string, resources: Iterable<unknown>): { name: string; path: string } {
  const file = path.join(dir, name);
  writeFileSync(file, [...resources].map((r) => JSON.stringify(r)).join('\n') + '\n');
  return { name, path: file };
}

async function count(database: Database, table: string): Promise<number> {
  const result = await query(database, `select count(*)::int as n from ${table}`);
  return result[0]!.n as number;
}

async function query(
  database: Database,
  text: string,
  params: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  if (database.driver.kind === 'pglite')
    return (await database.driver.client.query(text, params)).rows as Record<string, unknown>[];
  return (await database.driver.pool.query(text, params)).rows;
}

for (const backend of backends) {
  describe(`FHIR import (${backend.name})`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await backend.open();
    });
    afterAll(() => database.close());

    it('imports a county and is idempotent', async () => {
      const file = ndjson('county.ndjson', countyResources(60));
      const [report] = await importRecordFiles(database, [file], {
        skipInvalid: false,
        today,
        batchSize: 100,
      });
      expect(report!.rejected).toEqual([]);
      expect(report!.written).toBe(report!.read);
      const counts = async () => ({
        residents: await count(database, 'residents'),
        encounters: await count(database, 'encounters'),
        diagnoses: await count(database, 'encounter_diagnoses'),
        staff: await count(database, 'staff'),
        followUps: await count(database, 'chronic_disease_follow_ups'),
        contracts: await count(database, 'family_doctor_contracts'),
        identifiers: await count(database, 'resident_identifiers'),
      });
      const first = await counts();
      expect(first).toMatchObject({
        residents: 60,
        encounters: 180,
        diagnoses: 180,
        staff: 8,
        contracts: 60,
      });
      expect(first.identifiers).toBe(120);
      await importRecordFiles(database, [file], { skipInvalid: false, today, batchSize: 100 });
      expect(await counts()).toEqual(first);
      const renewed = await query(
        database,
        'select count(*)::int as n from family_doctor_contracts where renews_contract_id is not null',
      );
      expect(renewed[0]!.n).toBe(30);
    });

    it('upserts health records, prenatal visits and due doses by their keys and rejects unknown pregnancies', async () => {
      // Residents 700–759 include young women with pregnancies, 960–999 young children with doses due.
      const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
      const county = [...range(700, 760), ...range(960, 1000)].flatMap((i) => [...residentRecords(i)]);
      const [base] = await importRecordFiles(database, [ndjson('more.ndjson', county)], {
        skipInvalid: false,
        today,
      });
      expect(base!.rejected).toEqual([]);
      const of = (type: string, test: (r: Record<string, unknown>) => boolean = () => true) =>
        county.filter((r) => r.resourceType === type && test(r as never)) as unknown as Record<
          string,
          unknown
        >[];
      const code = (r: Record<string, unknown>) => (r.code as { coding: { code: string }[] }).coding[0]!.code;
      const pregnancies = of('EpisodeOfCare', (r) => String(r.id).startsWith('g')).length;
      const children = of('ImmunizationRecommendation').length;
      expect(pregnancies).toBeGreaterThan(0);
      expect(await count(database, 'health_records')).toBe(160);
      expect(await count(database, 'prenatal_visits')).toBe(2 * pregnancies);
      expect(await count(database, 'live_births')).toBe(pregnancies);
      expect(await count(database, 'immunization_due_doses')).toBe(2 * children);

      const record = structuredClone(of('Composition')[0]!);
      record.date = '2025-01-02';
      (record.section as { extension: { valueCode: string }[] }[])[0]!.extension = [
        { url: 'https://weijian.org/fhir/StructureDefinition/recorded-item', valueCode: 'name' },
      ] as never;
      const visit = of('Observation', (r) => code(r) === 'prenatal-visit')[0]!;
      const week = (value: number) => ({
        ...structuredClone(visit),
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '49051-6' }] },
            valueQuantity: { value, unit: 'wk' },
          },
        ],
      });
      const due = structuredClone(of('ImmunizationRecommendation')[0]!);
      const doses = due.recommendation as { doseNumberPositiveInt: number }[];
      due.recommendation = [{ ...doses[0]!, doseNumberPositiveInt: 4 }];
      const birth = structuredClone(of('Observation', (r) => code(r) === 'live-birth')[0]!);
      birth.id = 'b-elsewhere';
      birth.extension = [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare',
          valueReference: { reference: 'EpisodeOfCare/nope' },
        },
      ];
      const lost = { ...week(30), id: 'pv-lost', extension: birth.extension };
      const file = ndjson('maternal.ndjson', [record, week(15), week(17), due, birth, lost]);
      const [report] = await importRecordFiles(database, [file], { skipInvalid: true, today });
      // Rejects come table by table (prenatal visits before live births): sorted by line here.
      expect(report!.rejected.map((r) => [r.line, r.field, r.code]).sort()).toEqual([
        [5, 'Observation.extension', 'fhir.unknown-reference'],
        [6, 'Observation.extension', 'fhir.unknown-reference'],
      ]);
      expect(report!.byType).toEqual({ Composition: 1, Observation: 2, ImmunizationRecommendation: 1 });
      expect(await count(database, 'health_records')).toBe(160);
      const [updated] = await query(
        database,
        `select h.last_updated_on::text as updated, h.has_name, h.has_phone from health_records h
           join resident_identifiers i on i.resident_id = h.resident_id and i.system = 'source:his:320612' and i.value = $1`,
        [(record.subject as { reference: string }).reference.slice('Patient/'.length)],
      );
      expect(updated).toEqual({ updated: '2025-01-02', has_name: true, has_phone: false });
      // Two versions of one visit (same pregnancy and day) in a batch: the later one is kept.
      expect(await count(database, 'prenatal_visits')).toBe(2 * pregnancies);
      const weeks = await query(
        database,
        "select gestational_week as w from prenatal_visits where visited_on = '2023-03-01'",
      );
      expect(weeks.filter((w) => w.w === 17)).toHaveLength(1);
      // A dose added to a resident's list leaves the doses already due in place.
      expect(await count(database, 'immunization_due_doses')).toBe(2 * children + 1);
    });

    it('rejects a file with errors whole, or imports the valid records with --skip-invalid', async () => {
      const patients = [...countyResources(70)]
        .filter((r) => r.resourceType === 'Patient')
        .slice(60) as unknown as Record<string, unknown>[];
      const badCheck = structuredClone(patients[0]!);
      const id = (badCheck.identifier as { value: string }[])[0]!;
      id.value = id.value.slice(0, 17) + (id.value[17] === '0' ? '1' : '0');
      const future = { ...structuredClone(patients[1]!), birthDate: '2030-01-01' };
      const encounterBeforeBirth = {
        resourceType: 'Encounter', id: 'early', meta: { source: 'his:320612' }, status: 'finished',
        class: { code: 'AMB' }, subject: { reference: `Patient/${patients[2]!.id as string}` },
        serviceProvider: { reference: 'Organization/H001' }, period: { start: '1930-01-01' },
      }; // prettier-ignore
      const referral = {
        resourceType: 'ServiceRequest', id: 'nowhere', meta: { source: 'his:320612' }, status: 'active', intent: 'order',
        subject: { reference: `Patient/${patients[2]!.id as string}` }, category: [{ coding: [{ system: 'https://weijian.org/fhir/CodeSystem/referral-direction', code: 'up' }] }],
        authoredOn: '2024-01-01', performer: [{ reference: 'Organization/NOPE' }],
      }; // prettier-ignore
      const lines = [
        ...patients.slice(2).map((p) => JSON.stringify(p)),
        JSON.stringify(badCheck),
        '{"resourceType": "Patient",',
        JSON.stringify(future),
        JSON.stringify(encounterBeforeBirth),
        JSON.stringify(referral),
      ];
      const file = path.join(dir, 'bad.ndjson');
      writeFileSync(file, lines.join('\n') + '\n');
      const before = await count(database, 'residents');

      const [strict] = await importRecordFiles(database, [{ name: 'bad.ndjson', path: file }], {
        skipInvalid: false,
        today,
      });
      expect(strict!.written).toBe(0);
      expect(await count(database, 'residents')).toBe(before);
      expect(strict!.rejected.map((r) => [r.line, r.field, r.code])).toEqual([
        [9, 'Patient.identifier[0].value', 'fhir.resident-id.check-digit'],
        [10, undefined, 'fhir.json'],
        [11, 'Patient.birthDate', 'fhir.date-future'],
        [12, 'Encounter.period.start', 'fhir.before-birth'],
        [13, 'ServiceRequest.performer[0]', 'fhir.unknown-facility'],
      ]);

      const [lenient] = await importRecordFiles(database, [{ name: 'bad.ndjson', path: file }], {
        skipInvalid: true,
        today,
      });
      expect(lenient!.written).toBe(8);
      expect(await count(database, 'residents')).toBe(before + 8);
      const rejects = readFileSync(`${file}.rejects.ndjson`, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { line: number; resource?: unknown });
      expect(rejects.map((r) => r.line)).toEqual([9, 10, 11, 12, 13]);
      expect(rejects[0]!.resource).toMatchObject({ resourceType: 'Patient' });
    });

    it('reads a transaction Bundle with urn:uuid references', async () => {
      const bundle = {
        resourceType: 'Bundle', type: 'transaction',
        entry: [
          { fullUrl: 'urn:uuid:enc-1', resource: { resourceType: 'Encounter', meta: { source: 'his:b' }, status: 'finished', class: { code: 'AMB' }, subject: { reference: 'urn:uuid:pat-1' }, serviceProvider: { reference: 'Organization/H001' }, period: { start: '2024-05-01' } }, request: { method: 'POST', url: 'Encounter' } },
          { fullUrl: 'urn:uuid:pat-1', resource: { resourceType: 'Patient', meta: { source: 'his:b' }, name: [{ text: '王五' }], gender: 'male', birthDate: '1980-01-02' }, request: { method: 'POST', url: 'Patient' } },
          { fullUrl: 'urn:uuid:x', resource: { resourceType: 'Patient', name: 'not an array' }, request: { method: 'POST', url: 'Patient' } },
        ],
      }; // prettier-ignore
      const file = path.join(dir, 'bundle.json');
      writeFileSync(file, JSON.stringify(bundle));
      const [report] = await importRecordFiles(database, [{ name: 'bundle.json', path: file }], {
        skipInvalid: true,
        today,
        countyCode: COUNTY,
      });
      expect(report!.rejected.map((r) => [r.entry, r.field])).toEqual([[2, 'Patient.name']]);
      expect(report!.byType).toEqual({ Patient: 1, Encounter: 1 });
      const rows = await query(
        database,
        "select r.name from encounters e join residents r on r.id = e.resident_id where e.source_system = 'his:b'",
      );
      expect(rows).toEqual([{ name: '王五' }]);
    });
  });
}
