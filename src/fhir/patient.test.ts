import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../domain/identity/resident-id.js';
import { WeijianError } from '../domain/errors.js';
import { fromFhirPatient, toFhirPatient } from './patient.js';
import { EXT, SID } from './systems.js';

const ctx = { today: '2025-06-30', defaultSource: 'file:x.ndjson' };
const rid = makeResidentId('320612', '1980-02-29', 13);
const patient = {
  resourceType: 'Patient',
  id: 'p1',
  meta: { source: 'his:320612' },
  identifier: [
    { system: SID.residentId, value: rid },
    { system: SID.insurance, value: 'INS1' },
  ],
  name: [{ family: '张', given: ['三'] }],
  gender: 'male',
  birthDate: '1980-02-29',
  address: [{ text: '某村1号', extension: [{ url: EXT.regionCode, valueCode: '320612100201' }] }],
};

function rejection(resource: unknown): { field?: string; code: string } {
  try {
    fromFhirPatient(resource, ctx);
  } catch (error) {
    if (error instanceof WeijianError) return { field: error.place.field, code: error.code };
  }
  throw new Error('not rejected');
}

describe('Patient ↔ residents', () => {
  it('maps the ID number, identifiers, name and residence', () => {
    expect(fromFhirPatient(patient, ctx)).toMatchObject({
      source: { system: 'his:320612', id: 'p1' },
      residentIdNumber: rid,
      name: '张三',
      sex: 'male',
      villageCode: '320612100201',
      residenceCountyCode: '320612',
      resident: true,
      identifiers: [
        { system: 'insurance', value: 'INS1' },
        { system: 'source:his:320612', value: 'p1' },
      ],
    });
  });

  it('rejects at the element: a wrong check digit, a future birth date, a bad date, a missing name', () => {
    const wrong = rid.slice(0, 17) + (rid[17] === '1' ? '2' : '1');
    expect(rejection({ ...patient, identifier: [{ system: SID.residentId, value: wrong }] })).toEqual({
      field: 'Patient.identifier[0].value',
      code: 'fhir.resident-id.check-digit',
    });
    expect(rejection({ ...patient, birthDate: '2031-01-01' })).toEqual({
      field: 'Patient.birthDate',
      code: 'fhir.date-future',
    });
    expect(rejection({ ...patient, birthDate: '1980-02-30' })).toEqual({
      field: 'Patient.birthDate',
      code: 'fhir.invalid',
    });
    expect(rejection({ ...patient, name: undefined })).toEqual({
      field: 'Patient.name',
      code: 'fhir.required',
    });
    expect(rejection({ ...patient, identifier: [{ system: SID.insurance, value: 3 }] })).toEqual({
      field: 'Patient.identifier[0].value',
      code: 'fhir.invalid',
    });
  });

  it('takes birth date and sex from the ID number when the resource has none', () => {
    const { birthDate, gender, ...bare } = patient;
    void birthDate;
    void gender;
    expect(fromFhirPatient(bare, ctx)).toMatchObject({ birthDate: '1980-02-29', sex: 'male' });
  });

  it('writes back what it reads', () => {
    const record = fromFhirPatient(patient, ctx);
    expect(fromFhirPatient(toFhirPatient({ ...record, id: 7 }), ctx)).toEqual(record);
  });
});
