import { Alert, Card, Col, Empty, Flex, Row, Select, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useLoad } from '../api/use-load';
import { useAuth } from '../auth/auth-context';
import { AttentionTable } from '../components/attention-table';
import { KeyFigureCard } from '../components/key-figure-card';
import { PageLoading } from '../components/page-loading';
import { RegionTreeSelect } from '../components/region-tree-select';
import { StatusSummary } from '../components/status-summary';
import { defaultRegion, findRegion, keyFigures, regionChoices, type RegionChoice } from '../format/overview';
import { defaultAssessmentYear, yearsBetween } from '../format/years';
import { useI18n } from '../i18n/context';
import {
  FIRST_DATA_YEAR,
  loadAssessment,
  loadFigures,
  loadPlans,
  loadRegions,
  NO_PLAN_PERIOD,
} from './overview-data';

/**
 * View 1, the start page: a region (county or town) at a glance. A county with a plan shows the plan's status
 * counts, its rows with binding ones off track first, and the key figures with their trends beside the plan's
 * targets and statuses. A town has no plan of its own: it shows its computed key figures with the county's
 * value and the county plan's target beside each, for reference, unassessed.
 */
export default function OverviewPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const [params, setParams] = useSearchParams();
  const { data: counties } = useLoad('regions', loadRegions);
  const { data: plans } = useLoad('plans', loadPlans);
  const choices = useMemo(
    () => counties && plans && regionChoices(counties, plans, session?.user.regionCode ?? null),
    [counties, plans, session],
  );
  const region: RegionChoice | undefined =
    choices && plans && (findRegion(choices, params.get('region')) ?? defaultRegion(choices, plans));
  const plan = region && plans?.find((p) => p.region.code === region.countyCode);
  const period = plan?.period ?? NO_PLAN_PERIOD;
  const yearParam = Number(params.get('year'));
  const year =
    yearParam >= period.start && yearParam <= period.end ? yearParam : defaultAssessmentYear(period);
  const { data: assessment } = useLoad(plan ? `${plan.id}/${year}` : null, loadAssessment);
  const { data: values } = useLoad(
    region?.onRecord ? `${region.code}/${FIRST_DATA_YEAR}/${year}` : null,
    loadFigures,
  );
  const county = region && choices?.find((c) => c.countyCode === region.countyCode);
  const { data: countyValues } = useLoad(
    region?.level === 'town' && county ? `${county.code}/${year}/${year}` : null,
    loadFigures,
  );
  const figures = useMemo(
    () => values && keyFigures(values, yearsBetween(FIRST_DATA_YEAR, year)),
    [values, year],
  );

  const choose = (next: { region?: string; year?: number }) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next.region) updated.set('region', next.region);
      if (next.year) updated.set('year', String(next.year));
      return updated;
    });

  if (choices && choices.length === 0) return <Empty description={t('overview.noRegions')} />;
  const isTown = region?.level === 'town';
  const ready =
    !!region && (!plan || !!assessment) && (!region.onRecord || !!figures) && (!isTown || !!countyValues);
  const planRowOf = (indicatorId: string) => {
    const row = assessment?.rows.find((r) => r.indicatorId === indicatorId);
    return row && assessment && { planId: assessment.plan.id, row, targetText: row.assessment.target.text };
  };

  return (
    <Flex vertical gap={16} data-testid="overview" data-ready={ready ? 'true' : undefined}>
      <Flex wrap gap={8} align="center">
        <RegionTreeSelect
          choices={choices}
          value={region?.code}
          onChange={(code) => choose({ region: code })}
        />
        <Select<number>
          data-testid="year-select"
          aria-label={t('overview.year')}
          style={{ width: 110 }}
          value={year}
          onChange={(y) => choose({ year: y })}
          options={yearsBetween(period.start, period.end).map((y) => ({ value: y, label: String(y) }))}
        />
      </Flex>
      {!region && <PageLoading />}
      {region && (
        <div>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="region-title">
              {region.name}
            </Typography.Title>
            <Tag>{t(isTown ? 'overview.townTag' : 'overview.countyTag')}</Tag>
            <Typography.Text type="secondary">{region.code}</Typography.Text>
          </Flex>
          {plan && (
            <Typography.Text type="secondary" data-testid="overview-plan">
              {t('overview.plan', { title: plan.title })} ·{' '}
              <Link to={`/plans/${plan.id}`}>{t('overview.openPlan')}</Link>
            </Typography.Text>
          )}
        </div>
      )}
      {region && isTown && (
        <Alert
          type="info"
          showIcon
          data-testid="town-note"
          title={t('overview.townNote', { town: region.name, county: region.countyName })}
        />
      )}
      {region && !region.onRecord && (
        <Alert type="warning" showIcon title={t('overview.notOnRecord', { county: region.name })} />
      )}
      {region && !plan && !isTown && <Alert type="info" showIcon title={t('overview.noPlan')} />}
      {region && !isTown && plan && !assessment && <PageLoading />}
      {!isTown && assessment && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={9}>
            <StatusSummary assessment={assessment} />
          </Col>
          <Col xs={24} xl={15}>
            <Card size="small" title={t('overview.attention')}>
              <AttentionTable assessment={assessment} />
            </Card>
          </Col>
        </Row>
      )}
      {region?.onRecord && (
        <Card
          size="small"
          title={t('overview.keyFiguresOf', { region: region.name })}
          data-testid="key-figures"
          loading={!figures}
        >
          {figures?.length === 0 && <Empty description={t('overview.noFigures')} />}
          <Row gutter={[12, 12]}>
            {figures?.map((figure) => (
              <Col key={figure.indicatorId} xs={12} lg={8} xxl={6}>
                <KeyFigureCard
                  figure={figure}
                  planRow={planRowOf(figure.indicatorId)}
                  assessed={!isTown}
                  reference={
                    isTown && county
                      ? {
                          region: county.name,
                          value:
                            countyValues?.find((v) => v.indicatorId === figure.indicatorId)?.value ?? null,
                        }
                      : undefined
                  }
                />
              </Col>
            ))}
          </Row>
        </Card>
      )}
    </Flex>
  );
}
