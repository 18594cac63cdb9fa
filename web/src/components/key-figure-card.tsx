import { Card, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { MonitoredRow } from '../api/monitoring-types';
import type { KeyFigure } from '../format/overview';
import { formatWithUnit } from '../format/value-with-unit';
import { useI18n } from '../i18n/context';
import { AssessmentStatusTag } from './assessment-status-tag';
import { EChart } from './charts/echart';
import { sparklineOption } from './charts/sparkline-option';

interface Props {
  figure: KeyFigure;
  /** The county plan's row of the indicator, when the plan has one. */
  planRow?: { planId: number; row: MonitoredRow; targetText: string };
  /** Whether the row's status applies (a county's own plan) or the target is shown for reference (a town). */
  assessed: boolean;
  /** The county's value of the same year, beside a town's. */
  reference?: { region: string; value: number | null };
}

/** One key figure: its latest value, the trend 2020 on as a sparkline, and the plan's target beside it. */
export function KeyFigureCard({ figure, planRow, assessed, reference }: Props) {
  const { t, lang } = useI18n();
  const option = useMemo(() => sparklineOption(figure.points, '#0b6e4f'), [figure.points]);
  const name = lang === 'en' ? figure.name.en : figure.name.zh;
  const latest = figure.latest;
  return (
    <Card
      size="small"
      data-testid="key-figure"
      data-indicator={figure.indicatorId}
      style={{ height: '100%' }}
    >
      <Flex vertical gap={4}>
        <Typography.Text type="secondary" ellipsis={{ tooltip: name }} data-testid="key-figure-name">
          {planRow ? (
            <Link to={`/plans/${planRow.planId}/indicators/${planRow.row.position}`}>{name}</Link>
          ) : (
            name
          )}
        </Typography.Text>
        <Flex align="baseline" gap={8} wrap>
          <Typography.Text strong style={{ fontSize: 22 }} data-testid="key-figure-value">
            {latest?.value != null ? formatWithUnit(latest.value, figure.unit) : t('overview.figure.none')}
          </Typography.Text>
          {latest && (
            <Typography.Text type="secondary">
              {t('overview.figure.year', { year: latest.year })}
            </Typography.Text>
          )}
        </Flex>
        <EChart option={option} height={44} ariaLabel={name} testId="sparkline" />
        <Flex gap={6} wrap align="center" style={{ minHeight: 24 }}>
          {planRow && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="key-figure-target">
              {t('overview.figure.target', { target: planRow.targetText })}
            </Typography.Text>
          )}
          {planRow && assessed && (
            <AssessmentStatusTag
              status={planRow.row.assessment.status}
              reason={planRow.row.assessment.reason}
            />
          )}
          {reference && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="key-figure-reference">
              {t('overview.figure.reference', {
                region: reference.region,
                value: formatWithUnit(reference.value, figure.unit) || '—',
              })}
            </Typography.Text>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
