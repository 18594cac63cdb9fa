import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { countyCode, countyCodeCheck } from './columns.js';

/**
 * The version and time of the last write of a resource through the FHIR REST API (`/fhir`): its
 * `meta.versionId`, `meta.lastUpdated`, ETag and `_lastUpdated` search. The records tables hold no history,
 * so only the current version is known; a record written by a file import or the generator has no row here
 * (version 1, no lastUpdated). `resource_id` is the FHIR id as served (`123`, `f45`, `T001`).
 */
export const fhirResourceVersions = pgTable(
  'fhir_resource_versions',
  {
    countyCode: countyCode(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id').notNull(),
    versionId: integer('version_id').notNull(),
    lastUpdated: timestamp('last_updated', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.resourceType, t.resourceId] }),
    countyCodeCheck('fhir_resource_versions', t.countyCode),
    index('fhir_resource_versions_updated_idx').on(t.countyCode, t.resourceType, t.lastUpdated),
  ],
);
