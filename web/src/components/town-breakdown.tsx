import { Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { getIndicatorValues } from '../api/indicator-values';
import type { RegionCounty } from '../api/region-tree';
import { useLoad } from '../api/use-load';
import { useI18n } from '../i18n/context';
import { EChart } from './charts/echart';
import { sortTowns, townBarsHeight, townBarsOption, type TownValue } from './charts/town-bars-option';
import { PageLoading } from './page-loading';

interface TownQuery {
  towns: { code: string; name: string }[];
  indicatorId: string;
  year: number;
}

// One request per town (the API reads one region at a time); they run side by side.
async function loadTownValues(key: string): Promise<TownValue[]> {
  const { towns, indicatorId, year } = JSON.parse(key) as TownQuery;
  return Promise.all(
    towns.map(async (town) => {
      const [value] = await getIndicatorValues({
        region: town.code,
        years: [year],
        indicators: [indicatorId],
      });
      return { name: town.name, value: value?.value ?? null };
    }),
  );
}

interface Props {
  county: RegionCounty;
  indicatorId: string;
  year: number;
  countyValue: number | null;
}

/** The indicator in each town of the county in one year, as sorted bars with the county's value as a line. */
export function TownBreakdown({ county, indicatorId, year, countyValue }: Props) {
  const { t } = useI18n();
  const key = JSON.stringify({
    towns: county.towns.map(({ code, name }) => ({ code, name })),
    indicatorId,
    year,
  } satisfies TownQuery);
  const { data } = useLoad(key, loadTownValues);
  const sorted = useMemo(() => data && sortTowns(data), [data]);
  const option = useMemo(
    () => sorted && townBarsOption(sorted.ranked, { label: t('overview.countyTag'), value: countyValue }),
    [sorted, countyValue, t],
  );
  if (!sorted || !option) return <PageLoading />;
  if (sorted.ranked.length === 0) return <Empty description={t('detail.townsNone')} />;
  return (
    <div data-testid="town-breakdown" data-towns={sorted.ranked.map((r) => `${r.name}=${r.value}`).join(';')}>
      <EChart option={option} height={townBarsHeight(sorted.ranked.length)} testId="town-chart" />
      {sorted.missing.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('detail.townsMissing', { towns: sorted.missing.join('、') })}
        </Typography.Text>
      )}
    </div>
  );
}
