/**
 * The overview's reads, by key, and their warm-up: right after the session check the start page's whole chain
 * (regions and plans, then the default region's assessment and key figures) starts, instead of waiting for the
 * layout and the page to render first. The page's loaders take what was started (api/warm.ts).
 */
import { getDetailedAssessment } from '../api/assessment-detail';
import { getIndicatorValues } from '../api/indicator-values';
import { listPlans } from '../api/plans';
import { getRegionTree } from '../api/region-tree';
import { warmed, warmUp } from '../api/warm';
import { defaultRegion, KEY_FIGURES, regionChoices } from '../format/overview';
import { defaultAssessmentYear, yearsBetween } from '../format/years';

/** The first year the platform's records cover (the demo county and the engine: 2020–2025). */
export const FIRST_DATA_YEAR = 2020;
export const NO_PLAN_PERIOD = { start: 2021, end: 2025 };

// useLoad keys are compared by identity: the parameters travel as one string.
export const loadRegions = () => warmed('regions', getRegionTree);
export const loadPlans = () => warmed('plans', listPlans);
export const loadAssessment = (key: string) =>
  warmed(`assessment:${key}`, () => {
    const [planId, year] = key.split('/').map(Number);
    return getDetailedAssessment({ planId: planId!, year: year! });
  });
/** Key `region/from/to`: the key figures of a region over those years. */
export const loadFigures = (key: string) =>
  warmed(`figures:${key}`, () => {
    const [region, from, to] = key.split('/');
    return getIndicatorValues({
      region: region!,
      years: yearsBetween(Number(from), Number(to)),
      indicators: KEY_FIGURES,
    });
  });

/** Starts the default overview's reads for a user of `scope` (what the page would ask for with no address). */
export function warmUpOverview(scope: string | null): void {
  const regions = warmUp('regions', getRegionTree);
  const plans = warmUp('plans', listPlans);
  Promise.all([regions, plans]).then(
    ([counties, planList]) => {
      const region = defaultRegion(regionChoices(counties, planList, scope), planList);
      if (!region) return;
      const plan = planList.find((p) => p.region.code === region.countyCode);
      const year = defaultAssessmentYear(plan?.period ?? NO_PLAN_PERIOD);
      if (plan) {
        const key = `${plan.id}/${year}`;
        void warmUp(`assessment:${key}`, () => getDetailedAssessment({ planId: plan.id, year }));
      }
      if (region.onRecord) {
        const key = `${region.code}/${FIRST_DATA_YEAR}/${year}`;
        void warmUp(`figures:${key}`, () =>
          getIndicatorValues({
            region: region.code,
            years: yearsBetween(FIRST_DATA_YEAR, year),
            indicators: KEY_FIGURES,
          }),
        );
      }
    },
    () => {},
  );
}
