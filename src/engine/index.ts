export {
  countiesOnRecord,
  readIndicators,
  regionCodeOf,
  type BasisChoice,
  type IndicatorValueView,
  type ReadOptions,
} from './read.js';
export {
  rebuildIndicators,
  recomputeValues,
  refreshAfterBatch,
  refreshUnlessBusy,
  type RefreshReport,
  type Touched,
} from './refresh.js';
export { INDICATOR_YEARS } from './years.js';
