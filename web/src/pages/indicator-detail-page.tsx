import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Flex, Grid, Row, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { getDetailedAssessment } from '../api/assessment-detail';
import { getIndicatorValues } from '../api/indicator-values';
import { getRegionTree } from '../api/region-tree';
import { useLoad } from '../api/use-load';
import { AssessmentStatusTag } from '../components/assessment-status-tag';
import { EChart } from '../components/charts/echart';
import { trendOption } from '../components/charts/trend-option';
import { IndicatorProvenance } from '../components/indicator-provenance';
import { ManualHistory } from '../components/manual-history';
import { NatureTag } from '../components/nature-tag';
import { PageLoading } from '../components/page-loading';
import { TownBreakdown } from '../components/town-breakdown';
import { pick } from '../format/bilingual';
import { trendInputOf } from '../format/indicator-detail';
import { formatValue } from '../format/numbers';
import { formatWithUnit, withUnit } from '../format/value-with-unit';
import { defaultAssessmentYear, yearsBetween } from '../format/years';
import { useI18n } from '../i18n/context';

const PERIOD_GUESS = { start: 2021, end: 2025 };

const loadAssessment = (key: string) => {
  const [planId, year] = key.split('/').map(Number);
  return getDetailedAssessment({ planId: planId!, year: year! });
};
const loadValues = (key: string) => {
  const [region, indicator, from, to] = key.split('/');
  return getIndicatorValues({
    region: region!,
    years: yearsBetween(Number(from), Number(to)),
    indicators: [indicator!],
  });
};
const loadRegions = () => getRegionTree();

/**
 * View 3: one row of a plan — its actuals with the target, the expected path and the projection; where the
 * figures come from; the indicator in each town; the hand-entered values' history.
 */
export default function IndicatorDetailPage() {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const { planId, position } = useParams();
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('year'));
  // The period is known once the assessment is in; plans are 2021–2025, and the answer corrects a guess.
  const year = yearParam >= 2000 ? yearParam : defaultAssessmentYear(PERIOD_GUESS);
  const { data: assessment } = useLoad(`${Number(planId)}/${year}`, loadAssessment);
  const row = assessment?.rows.find((r) => r.position === Number(position));
  const period = assessment?.plan.period ?? PERIOD_GUESS;
  const countyCode = assessment?.plan.region.code ?? null;
  const { data: values } = useLoad(
    row?.computable && row.indicatorId && countyCode
      ? `${countyCode}/${row.indicatorId}/${period.start - 1}/${period.end}`
      : null,
    loadValues,
  );
  const { data: counties } = useLoad(row?.computable ? 'regions' : null, loadRegions);
  const county = counties?.find((c) => c.countyCode === countyCode);

  const labels = useMemo(
    () => ({
      actual: t('detail.series.actual'),
      pending: t('detail.series.pending'),
      expected: t('detail.series.expected'),
      projection: t('detail.series.projection'),
      target: t('detail.series.target'),
    }),
    [t],
  );
  // The target's line or band is labelled with what it accepts (`80左右` for life expectancy: ≥ 79 (80 ± 1)).
  const option = useMemo(
    () =>
      row &&
      trendOption(
        { ...trendInputOf(row, period), targetText: pick(row.assessment.target.description, lang) },
        labels,
      ),
    [row, period, labels, lang],
  );

  if (!assessment) return <PageLoading />;
  if (!row) return <Alert type="error" showIcon title={t('detail.notFound', { position: position ?? '' })} />;
  const a = row.assessment;
  const unit = row.unit;
  const breakdownYear = a.actual?.year ?? year;
  const hasManual = row.actuals.some((x) => x.manual);
  return (
    <Flex
      vertical
      gap={16}
      data-testid="indicator-detail"
      data-ready={values || !row.computable ? 'true' : undefined}
    >
      <Flex wrap gap={8} align="center">
        <Link to={`/plans/${assessment.plan.id}`}>
          <ArrowLeftOutlined /> {t('detail.back')}
        </Link>
        <div style={{ flex: 1 }} />
        <Select<number>
          data-testid="year-select"
          aria-label={t('overview.year')}
          style={{ width: 110 }}
          value={year}
          onChange={(y) => setParams({ year: String(y) })}
          options={yearsBetween(period.start, period.end).map((y) => ({ value: y, label: String(y) }))}
        />
      </Flex>
      <div>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="indicator-title">
            {row.name}
          </Typography.Title>
          <NatureTag nature={a.nature} />
          <AssessmentStatusTag status={a.status} />
        </Flex>
        <Typography.Text type="secondary">
          {t('detail.meta', { plan: assessment.plan.title, seq: row.seq ?? '—', unit: unit ?? '—' })}
        </Typography.Text>
      </div>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        data-testid="indicator-figures"
        items={[
          {
            key: 'baseline',
            label: t('detail.baseline', { year: row.baseline?.year ?? period.start - 1 }),
            children: row.baseline ? withUnitText(row.baseline.text, unit) : '—',
          },
          {
            key: 'target',
            label: t('detail.target', { year: period.end }),
            children: (
              <span data-testid="detail-target">
                {a.target.text}
                <Typography.Text type="secondary"> · {pick(a.target.description, lang)}</Typography.Text>
              </span>
            ),
          },
          {
            key: 'actual',
            label: t('detail.actual', { year: a.actual?.year ?? year }),
            children: (
              <span data-testid="detail-actual">{a.actual ? formatWithUnit(a.actual.value, unit) : '—'}</span>
            ),
          },
          { key: 'expected', label: t('detail.expected'), children: formatWithUnit(a.expected, unit) || '—' },
          { key: 'gap', label: t('detail.gap'), children: formatValue(a.gap) || '—' },
          {
            key: 'projection',
            label: t('detail.projection', { year: a.projection.year }),
            children: (
              <span data-testid="detail-projection">{formatWithUnit(a.projection.value, unit) || '—'}</span>
            ),
          },
          {
            key: 'reason',
            label: t('detail.reason'),
            span: 'filled',
            children: (
              <span data-testid="detail-reason">
                {pick(a.reason, lang)}
                {a.projection.note && (
                  <Typography.Text type="secondary"> {pick(a.projection.note, lang)}</Typography.Text>
                )}
              </span>
            ),
          },
        ]}
      />
      <Card size="small" title={t('detail.chart')}>
        {option && (
          <EChart option={option} height={screens.md ? 340 : 260} testId="trend-chart" ariaLabel={row.name} />
        )}
        {row.actuals.some((x) => x.chosen?.source === 'manual') && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('detail.manualPoints')}
          </Typography.Text>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card size="small" title={t('detail.provenance')} style={{ height: '100%' }}>
            {row.computable && !values ? (
              <PageLoading />
            ) : (
              <IndicatorProvenance row={row} values={values ?? []} />
            )}
          </Card>
        </Col>
        {row.computable && row.indicatorId && county && (
          <Col xs={24}>
            <Card size="small" title={t('detail.towns', { year: breakdownYear })} style={{ height: '100%' }}>
              <TownBreakdown
                county={county}
                indicatorId={row.indicatorId}
                year={breakdownYear}
                countyValue={values?.find((v) => v.year === breakdownYear)?.value ?? null}
              />
            </Card>
          </Col>
        )}
      </Row>
      {(!row.computable || hasManual) && (
        <Card size="small" title={t('detail.history')}>
          <ManualHistory actuals={row.actuals} unit={unit} />
        </Card>
      )}
    </Flex>
  );
}

/** A printed baseline (`1.59`, `≥ 95%`) with the row's unit when it prints none. */
const withUnitText = (text: string, unit: string | null) => (/\d$/.test(text) ? withUnit(text, unit) : text);
