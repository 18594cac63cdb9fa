import { Card, Empty, Flex, Select, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { getComparison, type ComparisonEntry } from '../api/comparison';
import { getPlan, listPlans } from '../api/plans';
import { useLoad } from '../api/use-load';
import { EChart } from '../components/charts/echart';
import { comparisonOption, comparisonTrendOption } from '../components/charts/comparison-option';
import { NatureTag } from '../components/nature-tag';
import { PageLoading } from '../components/page-loading';
import { pick } from '../format/bilingual';
import { comparedRegions, indicatorChoices, regionTrends } from '../format/comparison';
import { yearsBetween } from '../format/years';
import { formatWithUnit } from '../format/value-with-unit';
import { useI18n } from '../i18n/context';

// The indicators to choose from are those the loaded plans print (each plan read once per visit).
const loadChoices = async () =>
  indicatorChoices(await Promise.all((await listPlans()).map((p) => getPlan(p.id))));

/** View 4: one indicator across every loaded plan — each region's baseline, target and latest actual. */
export default function ComparePage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const { data: choices } = useLoad('choices', loadChoices);
  const indicatorId = params.get('indicator') ?? choices?.[0]?.indicatorId ?? null;
  const { data: comparison, loading } = useLoad(indicatorId, getComparison);
  const regions = useMemo(() => comparison && comparedRegions(comparison.entries), [comparison]);
  const option = useMemo(
    () =>
      regions &&
      comparisonOption(regions, {
        baseline: t('compare.series.baseline'),
        target: t('compare.series.target'),
        latest: t('compare.series.latest'),
      }),
    [regions, t],
  );
  const trendOption = useMemo(() => {
    const trends = comparison && regionTrends(comparison.entries);
    if (!trends?.length) return null;
    const years = trends.flatMap((r) => r.points.map((p) => p.year));
    return comparisonTrendOption(trends, yearsBetween(Math.min(2020, ...years), Math.max(2025, ...years)));
  }, [comparison]);
  if (choices?.length === 0) return <Empty description={t('compare.none')} />;
  const name = comparison && (lang === 'en' ? comparison.indicator.nameEn : comparison.indicator.nameZh);

  return (
    <Flex vertical gap={16} data-testid="compare" data-ready={comparison ? 'true' : undefined}>
      <Select<string>
        data-testid="indicator-select"
        aria-label={t('compare.indicator')}
        placeholder={t('compare.indicator')}
        style={{ width: 420, maxWidth: '100%' }}
        loading={!choices}
        showSearch
        optionFilterProp="label"
        value={indicatorId ?? undefined}
        onChange={(id) => setParams({ indicator: id })}
        options={choices?.map((c) => ({
          value: c.indicatorId,
          label: `${c.name}（${t('compare.plans', { count: c.plans })}）`,
        }))}
      />
      {loading && <PageLoading />}
      {comparison && (
        <>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="compare-title">
            {t('compare.title', {
              name: name!,
              count: new Set(comparison.entries.map((e) => e.planId)).size,
            })}
            <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 8 }}>
              {comparison.indicator.id} · {comparison.indicator.unit}
            </Typography.Text>
          </Typography.Title>
          <Card size="small" title={t('compare.chart')}>
            {option && <EChart option={option} height={320} testId="compare-chart" ariaLabel={name} />}
          </Card>
          {trendOption && (
            <Card size="small" title={t('compare.trend')}>
              <EChart option={trendOption} height={280} testId="compare-trend" ariaLabel={name} />
            </Card>
          )}
          <div data-testid="compare-table">
            <Table<ComparisonEntry>
              size="small"
              bordered
              rowKey={(e) => `${e.planId}/${e.position}`}
              pagination={false}
              scroll={{ x: 1000 }}
              dataSource={comparison.entries}
              columns={[
                { title: t('compare.col.region'), key: 'region', render: (_, e) => e.region.name },
                {
                  title: t('compare.col.name'),
                  key: 'name',
                  render: (_, e) => <Link to={`/plans/${e.planId}/indicators/${e.position}`}>{e.name}</Link>,
                },
                { title: t('compare.col.unit'), dataIndex: 'unit', width: 70 },
                {
                  title: t('compare.col.nature'),
                  key: 'nature',
                  width: 84,
                  render: (_, e) => <NatureTag nature={e.nature} />,
                },
                { title: t('compare.col.baseline'), key: 'baseline', render: (_, e) => e.baseline?.text },
                { title: t('compare.col.target'), key: 'target', render: (_, e) => e.target.text },
                {
                  title: t('compare.col.meaning'),
                  key: 'meaning',
                  render: (_, e) => pick(e.target.description, lang),
                },
                {
                  title: t('compare.col.latest'),
                  key: 'latest',
                  render: (_, e) =>
                    e.latest &&
                    t('compare.latest', {
                      value: formatWithUnit(e.latest.value, e.unit),
                      year: e.latest.year,
                      source: t(`compare.source.${e.latest.source}`),
                    }),
                },
                {
                  title: t('compare.col.plan'),
                  key: 'plan',
                  render: (_, e) => <Link to={`/plans/${e.planId}`}>{e.planTitle}</Link>,
                },
              ]}
            />
          </div>
        </>
      )}
    </Flex>
  );
}
