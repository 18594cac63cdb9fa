import { describe, expect, it } from 'vitest';
import { countyResources } from '../testing/fhir-county.js';
import { fromFhir } from './index.js';

const ctx = { today: '2025-06-30', defaultSource: 'file:x.ndjson' };

describe('fromFhir', () => {
  it('maps every resource of the test county to its table', () => {
    const tables = new Map<string, number>();
    for (const resource of countyResources(2000)) {
      const { table } = fromFhir(resource, ctx);
      tables.set(table, (tables.get(table) ?? 0) + 1);
    }
    expect([...tables.keys()].sort()).toEqual([
      'child_health_checks', 'chronic_disease_follow_ups', 'chronic_disease_registrations', 'deaths', 'encounters', 'facilities',
      'family_doctor_contracts', 'health_checkups', 'health_records', 'immunization_due_doses', 'immunizations',
      'live_births', 'notifiable_disease_reports', 'practitioners', 'pregnancies', 'prenatal_visits', 'referrals',
      'regions', 'residents', 'staff',
    ]); // prettier-ignore
  });

  it('names unsupported and malformed resources', () => {
    expect(() => fromFhir({ resourceType: 'Medication' }, ctx)).toThrow(/Medication is not imported/);
    expect(() => fromFhir([], ctx)).toThrow(/JSON object/);
    expect(() => fromFhir({}, ctx)).toThrow(/resourceType/);
  });
});
