import type { Composition } from '@medplum/fhirtypes';
import { z } from 'zod';
import {
  codeableConcept,
  codeOf,
  dayOf,
  ext,
  extension,
  facilityRef,
  fail,
  fhirDate,
  fhirDateTime,
  identifier,
  notBefore,
  notInFuture,
  parseResource,
  reference,
  residentRef,
  resourceBase,
  sourceRef,
  type MapContext,
} from './common.js';
import { concept } from './observation.js';
import { organizationReference } from './organization.js';
import { residentReference } from './patient.js';
import { practitionerRoleReference } from './practitioner-role.js';
import {
  HEALTH_RECORD_ITEMS,
  type HealthRecordItem,
  type HealthRecordRecord,
  type ResidentRef,
  type SourceKey,
} from './records.js';
import { CS, EXT, SID, SOURCE_PREFIX } from './systems.js';

/**
 * Composition ↔ health_records: the resident's electronic health record (居民电子健康档案) as the
 * document it is — one per resident, authored by the responsible doctor, kept by the managing facility
 * (custodian), open from creation to closing (event.period), last edited on `date`. The store keeps the
 * record's header and which items its personal basic-information sheet (个人基本信息表) holds — what
 * decides a "standardized" record — so the Composition has one section, that sheet, listing the items
 * recorded (recorded-item extensions, a narrative for people). docs/fhir-mapping.md says why not a
 * DocumentReference or an Observation set.
 */
export const HEALTH_RECORD_TYPE = 'health-record';
export const BASIC_INFORMATION = 'personal-basic-information';

const ITEM_NAMES: Record<HealthRecordItem, string> = {
  'id-number': '身份证号',
  name: '姓名',
  sex: '性别',
  'birth-date': '出生日期',
  address: '现住址',
  phone: '联系电话',
  'responsible-doctor': '责任医生',
};

const schema = z.looseObject({
  resourceType: z.literal('Composition'),
  ...resourceBase,
  // R4 Composition.identifier is a single Identifier (0..1), not a list.
  identifier: identifier.optional(),
  status: z.enum(['preliminary', 'final', 'amended', 'entered-in-error']),
  type: codeableConcept,
  subject: reference,
  date: fhirDateTime,
  author: z.array(reference).min(1),
  title: z.string().min(1),
  custodian: reference.optional(),
  event: z
    .array(
      z.looseObject({
        period: z.looseObject({ start: fhirDate.optional(), end: fhirDate.optional() }).optional(),
      }),
    )
    .optional(),
  section: z
    .array(z.looseObject({ code: codeableConcept.optional(), extension: z.array(extension).optional() }))
    .optional(),
});

export function fromFhirComposition(resource: unknown, ctx: MapContext): HealthRecordRecord {
  const r = parseResource(schema, resource, 'Composition');
  if (codeOf(r.type, CS.documentType) !== HEALTH_RECORD_TYPE)
    return fail('code', 'Composition.type', `expected ${HEALTH_RECORD_TYPE} from ${CS.documentType}`);
  if (r.status === 'entered-in-error')
    return fail('status', 'Composition.status', 'a record entered in error is not imported');
  // Literal references (`Patient/x`) are ids in the Composition's own source system.
  const source: SourceKey = { system: r.meta?.source ?? ctx.defaultSource, id: r.id ?? '' };
  const period = r.event?.[0]?.period;
  const createdOn = period?.start ?? null;
  if (!createdOn)
    return fail(
      'required',
      'Composition.event[0].period.start',
      'the date the record was created is required',
    );
  const closedOn = period?.end ?? null;
  const lastUpdatedOn = dayOf(r.date);
  const lastServiceOn = ext(r.extension, EXT.lastServiceOn)?.valueDate ?? null;
  notInFuture(createdOn, 'Composition.event[0].period.start', ctx);
  notInFuture(lastUpdatedOn, 'Composition.date', ctx);
  notBefore(closedOn, createdOn, 'Composition.event[0].period.end', 'the creation date');
  notBefore(lastUpdatedOn, createdOn, 'Composition.date', 'the creation date');

  let doctor: SourceKey | null = null;
  let authorFacility: string | null = null;
  r.author.forEach((author, i) => {
    const field = `Composition.author[${i}]`;
    if (author.reference?.includes('Organization/') || author.identifier?.system === SID.facilityCode)
      authorFacility ??= facilityRef(author, field);
    else if (author.reference || author.identifier?.system?.startsWith(SOURCE_PREFIX))
      doctor ??= sourceRef(author, 'PractitionerRole', field, source);
    // An author with a display only (a person outside the platform) names no row.
  });
  const facilityCode = r.custodian ? facilityRef(r.custodian, 'Composition.custodian') : authorFacility;

  const items = new Set<HealthRecordItem>();
  r.section?.forEach((section, s) => {
    if (codeOf(section.code, CS.recordSection) !== BASIC_INFORMATION) return;
    section.extension?.forEach((e, x) => {
      if (e.url !== EXT.recordedItem) return;
      const item = e.valueCode as HealthRecordItem | undefined;
      if (!item || !HEALTH_RECORD_ITEMS.includes(item))
        fail(
          'code',
          `Composition.section[${s}].extension[${x}].valueCode`,
          `expected one of ${HEALTH_RECORD_ITEMS.join(', ')}`,
        );
      items.add(item!);
    });
  });
  return {
    table: 'health_records',
    patient: residentRef(r.subject, 'Composition.subject', source),
    recordNumber: r.identifier?.system === SID.recordNumber ? (r.identifier.value ?? null) : null,
    facilityCode,
    doctor,
    createdOn,
    lastUpdatedOn,
    lastServiceOn,
    closedOn,
    items: HEALTH_RECORD_ITEMS.filter((i) => items.has(i)),
    notBeforeBirth: { date: createdOn, field: 'Composition.event[0].period.start' },
  };
}

export function toFhirHealthRecord(
  row: HealthRecordRecord & {
    id: number;
    patientId: number;
    patient: ResidentRef;
    doctorId: number | null;
    doctorSource: SourceKey | null;
  },
): Composition {
  const names = row.items.map((i) => ITEM_NAMES[i]).join('、') || '无';
  const doctor =
    row.doctorId !== null && row.doctorSource
      ? practitionerRoleReference(row.doctorId, row.doctorSource)
      : null;
  const custodian = row.facilityCode ? organizationReference(row.facilityCode) : null;
  return {
    resourceType: 'Composition',
    id: String(row.id),
    ...(row.recordNumber ? { identifier: { system: SID.recordNumber, value: row.recordNumber } } : {}),
    status: 'final',
    type: concept(CS.documentType, HEALTH_RECORD_TYPE, '居民健康档案 resident health record'),
    subject: residentReference(row.patientId, row.patient),
    date: row.lastUpdatedOn ?? row.createdOn,
    // Composition.author is required: the doctor, else the facility, else who is unknown.
    author: [doctor ?? custodian ?? { display: '未知 unknown' }],
    title: '居民健康档案',
    ...(custodian ? { custodian } : {}),
    event: [{ period: { start: row.createdOn, ...(row.closedOn ? { end: row.closedOn } : {}) } }],
    ...(row.lastServiceOn ? { extension: [{ url: EXT.lastServiceOn, valueDate: row.lastServiceOn }] } : {}),
    section: [
      {
        title: '个人基本信息表',
        code: concept(CS.recordSection, BASIC_INFORMATION, '个人基本信息表 personal basic information'),
        text: {
          status: 'generated',
          div: `<div xmlns="http://www.w3.org/1999/xhtml">个人基本信息表已填：${names}</div>`,
        },
        extension: row.items.map((item) => ({ url: EXT.recordedItem, valueCode: item })),
      },
    ],
  };
}
