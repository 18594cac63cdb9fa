import { setFlagsFromString } from 'node:v8';

/**
 * For `weijian import`. An import holds two batches (~45 MB live at 200 000 resources) but allocates fast,
 * and V8 then lets its heap grow to about four times the live set between full collections (~200 MB).
 * Growing it by half instead kept the import's peak RSS ~100 MB lower for a few per cent more time
 * (docs/fhir-mapping.md). A process-wide V8 setting, so a command chooses it, not the library it calls.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=50');
}
