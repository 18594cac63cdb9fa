import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { paramsOf } from '../../fhir/store/rest-search.js';
import { REST_TYPES } from '../../fhir/store/rest-tables.js';
import { INCLUDES, REVINCLUDES } from './includes.js';

/*
 * The CapabilityStatement is generated from the declarations the routes use (REST_TYPES, the search
 * parameter declarations, the include pairs), so what it advertises is what the server does.
 */

/** Types whose records hold no history: `read`, not `vread`; versions count the writes through this API. */
const INTERACTIONS = ['read', 'search-type', 'create', 'update'] as const;

export function capabilityStatement(base: string, date: string): CapabilityStatement {
  const resource: CapabilityStatementRestResource[] = REST_TYPES.map((type) => ({
    type: type as CapabilityStatementRestResource['type'],
    profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
    interaction: INTERACTIONS.map((code) => ({ code })),
    versioning: 'versioned',
    readHistory: false,
    updateCreate: false,
    conditionalCreate: true,
    conditionalUpdate: false,
    conditionalDelete: 'not-supported',
    referencePolicy: ['literal', 'logical', 'resolves', 'local'],
    searchInclude: INCLUDES.filter((i) => i.from === type).map((i) => `${i.from}:${i.param}`),
    searchRevInclude: REVINCLUDES.filter((i) => i.to === type).map((i) => `${i.from}:${i.param}`),
    searchParam: paramsOf(type).map((p) => ({
      name: p.name,
      definition: `http://hl7.org/fhir/SearchParameter/${p.name.startsWith('_') ? `Resource${p.name.replace('_', '-')}` : `${type}-${p.name}`}`,
      type: p.type,
      documentation: p.documentation,
    })),
    ...(type === 'Patient'
      ? {
          operation: [
            {
              name: 'export',
              definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export',
            },
          ],
        }
      : {}),
  }));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'Weijian 卫健',
    kind: 'instance',
    instantiates: ['http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data'],
    software: { name: 'Weijian', version: '0.1.0' },
    implementation: { description: 'Weijian county health information platform — FHIR R4 API', url: base },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Authenticated by a session cookie (with x-csrf-token on writes) or Authorization: Bearer wj_… (an API token); every result is limited to the data scope of the account.',
        security: {
          cors: false,
          description: 'Bearer API tokens (weijian token create) or a signed-in session; scoped and audited.',
        },
        resource,
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        operation: [
          { name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export' },
        ],
      },
    ],
  };
}
