import { z } from 'zod';
import { WeijianError } from '../domain/errors.js';
import type { ResidentRef, SourceKey } from './records.js';
import { RESIDENT_IDENTIFIER_SYSTEMS, SID, SOURCE_PREFIX } from './systems.js';

/** What a mapping needs besides the resource: the clock (kept out so tests are pure) and the default source. */
export interface MapContext {
  /** YYYY-MM-DD. */
  today: string;
  /** source_system of resources with neither a source identifier nor meta.source (e.g. `file:x.ndjson`). */
  defaultSource: string;
}

/** A rejection of one element: `field` is a FHIRPath-like path, e.g. `Patient.identifier[0].value`. */
export function invalid(code: string, field: string, message: string): WeijianError {
  return new WeijianError(`fhir.${code}`, message, { field });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?$/;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** FHIR `date`, but to the day: the store keeps days, so `2024` or `2024-03` is refused rather than guessed. */
export const fhirDate = z
  .string()
  .refine(isCalendarDate, { message: 'expected a calendar date YYYY-MM-DD (the store keeps full dates)' });

/** FHIR `dateTime` with at least a day; a time needs its zone (FHIR rule). */
export const fhirDateTime = z.string().refine((t) => DATE_TIME.test(t) && isCalendarDate(t.slice(0, 10)), {
  message: 'expected a dateTime YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with a zone',
});

/** The day of a date or dateTime as written (the local date of the event). */
export const dayOf = (dateTime: string): string => dateTime.slice(0, 10);

const text = z.string().min(1);
export const coding = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
export const codeableConcept = z.looseObject({
  coding: z.array(coding).optional(),
  text: z.string().optional(),
});
export const identifier = z.looseObject({ system: z.string().optional(), value: z.string().optional() });
export const reference = z.looseObject({
  reference: z.string().optional(),
  identifier: identifier.optional(),
  display: z.string().optional(),
});
export const period = z.looseObject({ start: fhirDateTime.optional(), end: fhirDateTime.optional() });
export const extension = z.looseObject({
  url: text,
  valueBoolean: z.boolean().optional(),
  valueCode: z.string().optional(),
  valueString: z.string().optional(),
  valueDate: fhirDate.optional(),
  valueInteger: z.number().int().optional(),
  valueDecimal: z.number().optional(),
  valueReference: reference.optional(),
});
export type Extension = z.infer<typeof extension>;

/** Elements every resource may carry; the rest of a resource's schema adds what its mapping reads. */
export const resourceBase = {
  id: z
    .string()
    .regex(/^[A-Za-z0-9\-.]{1,64}$/, 'expected a FHIR id: 1–64 letters, digits, "-" or "."')
    .optional(),
  meta: z.looseObject({ source: z.string().optional() }).optional(),
  identifier: z.array(identifier).optional(),
  extension: z.array(extension).optional(),
};

/** Parses with a Zod schema; the first problem becomes a WeijianError at its FHIRPath. */
export function parseResource<T>(schema: z.ZodType<T>, resource: unknown, type: string): T {
  const result = schema.safeParse(resource);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
  const code = issue.code === 'invalid_type' && issue.message.includes('undefined') ? 'required' : 'invalid';
  const message = code === 'required' ? 'required element missing' : issue.message;
  return fail(code, fhirPath(type, issue.path), `${message}${more}`);
}

function fail(code: string, field: string, message: string): never {
  throw invalid(code, field, message);
}

/** `['identifier', 0, 'value']` → `Patient.identifier[0].value`. */
export function fhirPath(type: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((p, s) => (typeof s === 'number' ? `${p}[${s}]` : `${p}.${String(s)}`), type);
}

export function ext(extensions: Extension[] | undefined, url: string): Extension | undefined {
  return extensions?.find((e) => e.url === url);
}

export function codeOf(
  concept: z.infer<typeof codeableConcept> | undefined,
  system: string,
): string | undefined {
  return concept?.coding?.find((c) => c.system === system)?.code;
}

/**
 * The natural key of an imported resource: its `urn:weijian:source:<system>` identifier when it has one
 * (what Weijian's export writes), else `meta.source` (or the default) with the resource id.
 */
export function sourceKey(
  resource: { id?: string; meta?: { source?: string }; identifier?: z.infer<typeof identifier>[] },
  type: string,
  ctx: MapContext,
): SourceKey {
  const own = resource.identifier?.find((i) => i.system?.startsWith(SOURCE_PREFIX) && i.value);
  if (own) return { system: own.system!.slice(SOURCE_PREFIX.length), id: own.value! };
  if (!resource.id)
    fail('required', `${type}.id`, 'an id (or a source identifier) is needed to import idempotently');
  return { system: resource.meta?.source ?? ctx.defaultSource, id: resource.id };
}

export function sourceIdentifier(key: SourceKey) {
  return { system: `${SOURCE_PREFIX}${key.system}`, value: key.id };
}

type Ref = z.infer<typeof reference>;

/** The id of a literal reference `Type/id` (or a full URL ending so); undefined for other types. */
function literalId(ref: Ref, type: string, field: string): string | undefined {
  if (!ref.reference) return undefined;
  const m = /(?:^|\/)([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref.reference);
  if (!m) return fail('reference', `${field}.reference`, `cannot read reference "${ref.reference}"`);
  if (m[1] !== type)
    return fail('reference', `${field}.reference`, `expected a reference to ${type}, got ${m[1]}`);
  return m[2]!;
}

/**
 * A Patient reference: its identifier when present (resident ID number, insurance, passport, source id),
 * else `Patient/<id>` — the patient's id in the same source system as the referring resource.
 */
export function residentRef(ref: Ref, field: string, source: SourceKey): ResidentRef {
  const id = ref.identifier;
  if (id?.system && id.value) {
    if (id.system === SID.residentId) return { rid: id.value.trim().toUpperCase() };
    return { system: residentIdentifierSystem(id.system), value: id.value };
  }
  const literal = literalId(ref, 'Patient', field);
  if (!literal) return fail('reference', field, 'expected a Patient reference or identifier');
  return { system: `source:${source.system}`, value: literal };
}

/** resident_identifiers.system for an Identifier.system URI (known names, source ids, else the URI). */
export function residentIdentifierSystem(uri: string): string {
  if (uri.startsWith(SOURCE_PREFIX)) return `source:${uri.slice(SOURCE_PREFIX.length)}`;
  const named = Object.entries(RESIDENT_IDENTIFIER_SYSTEMS).find(([, u]) => u === uri);
  return named ? named[0] : uri;
}

/** An Organization reference: the facility code identifier, else `Organization/<code>`. */
export function facilityRef(ref: Ref, field: string): string {
  if (ref.identifier?.system === SID.facilityCode && ref.identifier.value) return ref.identifier.value;
  const literal = literalId(ref, 'Organization', field);
  if (!literal) return fail('reference', field, 'expected an Organization reference or facility code');
  return literal;
}

/** A reference to an imported record (PractitionerRole, EpisodeOfCare, CarePlan) by its source key. */
export function sourceRef(ref: Ref, type: string, field: string, source: SourceKey): SourceKey {
  const id = ref.identifier;
  if (id?.system?.startsWith(SOURCE_PREFIX) && id.value) {
    return { system: id.system.slice(SOURCE_PREFIX.length), id: id.value };
  }
  const literal = literalId(ref, type, field);
  if (!literal) return fail('reference', field, `expected a ${type} reference or source identifier`);
  return { system: source.system, id: literal };
}

/** The optional `encounter` of a record: the Encounter's source key (its identifier, else `Encounter/<id>`). */
export function encounterRef(ref: Ref | undefined, field: string, source: SourceKey): SourceKey | null {
  return ref ? sourceRef(ref, 'Encounter', field, source) : null;
}

export function notInFuture(date: string | null, field: string, ctx: MapContext): void {
  if (date && date > ctx.today)
    fail('date-future', field, `${date} is in the future (today is ${ctx.today})`);
}

export function notBefore(later: string | null, earlier: string | null, field: string, what: string): void {
  if (later && earlier && later < earlier) fail('date-order', field, `${later} is before ${what} ${earlier}`);
}

/** FHIR `gender` ↔ the store's sex: `other` has no statistics category and is kept as unknown. */
export const genderSchema = z.enum(['male', 'female', 'other', 'unknown']);
export const sexOf = (gender: string | undefined): string =>
  gender === 'male' || gender === 'female' ? gender : 'unknown';

/**
 * A HumanName without `text` as the store keeps names: family first; Chinese names without a space
 * (张 + 伟 = 张伟), other names with spaces (García José), so a search can still tell the words apart.
 */
export function joinName(family: string | undefined, given: string[] | undefined): string {
  const parts = [family ?? '', ...(given ?? [])].map((p) => p.trim()).filter((p) => p);
  return parts.join(parts.every((p) => /^[\p{Script=Han}·]+$/u.test(p)) ? '' : ' ');
}

/** Yuan amounts as numeric(12,2) text. */
export const money = (value: number | undefined): string | null =>
  value === undefined ? null : value.toFixed(2);

export { fail };
