import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { DetailedPlanAssessment, DetailedRow } from '../api/assessment-detail';
import { attentionOrder } from '../format/overview';
import { formatWithUnit } from '../format/value-with-unit';
import { useI18n } from '../i18n/context';
import { AssessmentStatusTag } from './assessment-status-tag';
import { NatureTag } from './nature-tag';

/** The plan's rows with their actual and status, binding rows off track first; each opens its detail. */
export function AttentionTable({ assessment }: { assessment: DetailedPlanAssessment }) {
  const { t } = useI18n();
  const rows = useMemo(() => attentionOrder(assessment.rows), [assessment]);
  const columns: ColumnsType<DetailedRow> = [
    {
      title: t('overview.col.name'),
      key: 'name',
      render: (_, row) => (
        <Link to={`/plans/${assessment.plan.id}/indicators/${row.position}`} data-testid="attention-link">
          {row.name}
        </Link>
      ),
    },
    {
      title: t('plan.col.nature'),
      key: 'nature',
      width: 84,
      // A phone shows name, actual and status; nature and target from a tablet's width on.
      responsive: ['md'],
      render: (_, row) => <NatureTag nature={row.assessment.nature} />,
    },
    {
      title: t('overview.col.actual'),
      key: 'actual',
      width: 120,
      render: (_, row) =>
        row.assessment.actual && (
          <span data-testid="attention-actual">
            {formatWithUnit(row.assessment.actual.value, row.unit)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              {t('overview.figure.year', { year: row.assessment.actual.year })}
            </Typography.Text>
          </span>
        ),
    },
    {
      title: t('overview.col.target'),
      key: 'target',
      width: 110,
      responsive: ['md'],
      render: (_, row) => row.assessment.target.text,
    },
    {
      title: t('overview.col.status'),
      key: 'status',
      width: 110,
      render: (_, row) => (
        <AssessmentStatusTag status={row.assessment.status} reason={row.assessment.reason} />
      ),
    },
  ];
  return (
    <div data-testid="attention-table">
      <Table<DetailedRow>
        size="small"
        rowKey="position"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 8, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
      />
    </div>
  );
}
