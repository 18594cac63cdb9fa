import { describe, expect, it } from 'vitest';
import { fromFhirComposition, toFhirHealthRecord } from './composition.js';
import { CS, EXT, SID } from './systems.js';

const ctx = { today: '2025-06-30', defaultSource: 'file:x.ndjson' };
const record = {
  resourceType: 'Composition',
  id: 'hr1',
  meta: { source: 'bphs:320612' },
  identifier: { system: SID.recordNumber, value: '32061200000000042' },
  status: 'final',
  type: { coding: [{ system: CS.documentType, code: 'health-record' }] },
  subject: { reference: 'Patient/p1' },
  date: '2024-05-06T10:00:00+08:00',
  author: [{ reference: 'PractitionerRole/d3' }, { display: '王医生' }],
  title: '居民健康档案',
  custodian: { reference: 'Organization/T001' },
  event: [{ period: { start: '2021-02-03' } }],
  extension: [{ url: EXT.lastServiceOn, valueDate: '2024-05-01' }],
  section: [
    {
      code: { coding: [{ system: CS.recordSection, code: 'personal-basic-information' }] },
      text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' },
      extension: [
        { url: EXT.recordedItem, valueCode: 'name' },
        { url: EXT.recordedItem, valueCode: 'id-number' },
        { url: EXT.recordedItem, valueCode: 'phone' },
      ],
    },
  ],
};
const withChanges = (changes: Record<string, unknown>) => ({ ...record, ...changes });

describe('Composition ↔ health_records', () => {
  it('keeps the header, the doctor, the custodian and the items of the basic-information sheet', () => {
    expect(fromFhirComposition(record, ctx)).toEqual({
      table: 'health_records',
      patient: { system: 'source:bphs:320612', value: 'p1' },
      recordNumber: '32061200000000042',
      facilityCode: 'T001',
      doctor: { system: 'bphs:320612', id: 'd3' },
      createdOn: '2021-02-03',
      lastUpdatedOn: '2024-05-06',
      lastServiceOn: '2024-05-01',
      closedOn: null,
      items: ['id-number', 'name', 'phone'],
      notBeforeBirth: { date: '2021-02-03', field: 'Composition.event[0].period.start' },
    });
  });

  it('takes the facility from an Organization author when there is no custodian', () => {
    const r = fromFhirComposition(
      withChanges({ custodian: undefined, author: [{ reference: 'Organization/T002' }] }),
      ctx,
    );
    expect([r.facilityCode, r.doctor]).toEqual(['T002', null]);
  });

  it('exports what it imports', () => {
    const row = {
      ...fromFhirComposition(
        withChanges({ event: [{ period: { start: '2021-02-03', end: '2024-06-01' } }] }),
        ctx,
      ),
      id: 7,
      patientId: 12,
      patient: { rid: '320612199001011234' },
      doctorId: 3,
      doctorSource: { system: 'bphs:320612', id: 'd3' },
    };
    const fhir = toFhirHealthRecord(row);
    expect(fhir.author).toEqual([
      {
        reference: 'PractitionerRole/3',
        identifier: { system: 'urn:weijian:source:bphs:320612', value: 'd3' },
      },
    ]);
    expect(fhir.section?.[0]?.text?.div).toContain('身份证号、姓名、联系电话');
    const back = fromFhirComposition(fhir, ctx);
    expect(back).toEqual({
      ...row,
      id: undefined,
      patientId: undefined,
      doctorId: undefined,
      doctorSource: undefined,
      patient: { rid: '320612199001011234' },
    } as unknown as typeof back);
  });

  it('rejects with the FHIRPath of what is wrong', () => {
    const fails = (changes: Record<string, unknown>) => {
      try {
        fromFhirComposition(withChanges(changes), ctx);
      } catch (error) {
        return [(error as { code: string }).code, (error as { place: { field: string } }).place.field];
      }
      return null;
    };
    expect(fails({ type: { coding: [{ system: CS.documentType, code: 'discharge' }] } })).toEqual([
      'fhir.code',
      'Composition.type',
    ]);
    expect(fails({ event: undefined })).toEqual(['fhir.required', 'Composition.event[0].period.start']);
    expect(fails({ event: [{ period: { start: '2026-01-01' } }] })).toEqual([
      'fhir.date-future',
      'Composition.event[0].period.start',
    ]);
    expect(fails({ event: [{ period: { start: '2021-02-03', end: '2020-01-01' } }] })).toEqual([
      'fhir.date-order',
      'Composition.event[0].period.end',
    ]);
    expect(fails({ date: '2020-01-01' })).toEqual(['fhir.date-order', 'Composition.date']);
    expect(fails({ author: [] })).toEqual(['fhir.invalid', 'Composition.author']);
    expect(fails({ subject: undefined })).toEqual(['fhir.required', 'Composition.subject']);
    expect(fails({ status: 'entered-in-error' })).toEqual(['fhir.status', 'Composition.status']);
    expect(
      fails({
        section: [
          {
            code: { coding: [{ system: CS.recordSection, code: 'personal-basic-information' }] },
            extension: [{ url: EXT.recordedItem, valueCode: 'blood-type' }],
          },
        ],
      }),
    ).toEqual(['fhir.code', 'Composition.section[0].extension[0].valueCode']);
    // R4 Composition.identifier is one Identifier, not a list.
    expect(fails({ identifier: [{ system: SID.recordNumber, value: '1' }] })).toEqual([
      'fhir.invalid',
      'Composition.identifier',
    ]);
  });
});
