import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { WarningOutlined } from '@ant-design/icons';
import { pick } from '../format/bilingual';
import { formatValue } from '../format/numbers';
import type { TableMonitoring, TableRow } from '../format/plan-rows';
import { useI18n } from '../i18n/context';
import { ActualCell } from './actual-cell';
import { AssessmentStatusTag } from './assessment-status-tag';
import { NatureTag } from './nature-tag';
import { TargetCell } from './target-cell';

interface Props {
  rows: TableRow[];
  baselineYear: number;
  loading?: boolean;
  monitoring?: TableMonitoring;
  /** When given, each row's name opens its indicator detail. */
  planId?: number;
}

/** The plan's main-indicator table, laid out as printed: domain cells spanning their rows. */
export function PlanIndicatorTable({ rows, baselineYear, loading, monitoring, planId }: Props) {
  const { t, lang } = useI18n();
  const columns: ColumnsType<TableRow> = [
    {
      title: t('plan.col.domain'),
      dataIndex: 'domain',
      width: 110,
      onCell: (row) => ({ rowSpan: row.domainSpan }),
    },
    { title: t('plan.col.seq'), dataIndex: 'seq', width: 56 },
    {
      title: t('plan.col.name'),
      key: 'name',
      render: (_, row) => (
        <span style={row.parent !== null ? { paddingLeft: 16 } : undefined}>
          {row.parent !== null && <Typography.Text type="secondary">{t('plan.subRow')}</Typography.Text>}
          {planId === undefined ? (
            row.name
          ) : (
            <Link to={`/plans/${planId}/indicators/${row.key}`} data-testid="indicator-link">
              {row.name}
            </Link>
          )}
          {row.marks.length > 0 && <Typography.Text type="secondary"> {row.marks.join('')}</Typography.Text>}
          {row.warnings.length > 0 && (
            <Tooltip title={row.warnings.join('；')}>
              <WarningOutlined style={{ color: '#d48806', marginLeft: 6 }} aria-label={t('plan.warnings')} />
            </Tooltip>
          )}
        </span>
      ),
    },
    { title: t('plan.col.unit'), dataIndex: 'unit', width: 80 },
    {
      title: t('plan.col.baseline'),
      key: 'baseline',
      width: 110,
      render: (_, row) => {
        if (row.baseline) return row.baseline.text;
        // Not printed in the table: the assessment may take it from the previous plan's review table.
        const reviewed = monitoring?.rows.get(row.key)?.baseline;
        return (
          reviewed && (
            <Tooltip title={t('plan.baselineReview', { year: reviewed.year })}>
              <Typography.Text type="secondary" data-testid="review-baseline">
                {reviewed.text}
              </Typography.Text>
            </Tooltip>
          )
        );
      },
    },
    {
      title: t('plan.col.target'),
      key: 'target',
      width: 150,
      render: (_, row) => <TargetCell target={row.target} unit={row.unit} baselineYear={baselineYear} />,
    },
    {
      title: t('plan.col.nature'),
      key: 'nature',
      width: 90,
      render: (_, row) => <NatureTag nature={row.nature} />,
    },
  ];
  if (monitoring) {
    const { years, rows: monitored, projectionYear } = monitoring;
    columns.push(
      {
        title: t('plan.col.status'),
        key: 'status',
        width: 110,
        render: (_, row) => {
          const assessment = monitored.get(row.key)?.assessment;
          return assessment && <AssessmentStatusTag status={assessment.status} reason={assessment.reason} />;
        },
      },
      {
        title: t('plan.col.actuals'),
        key: 'actuals',
        children: years.map((year) => ({
          title: String(year),
          key: `actual-${year}`,
          width: 72,
          align: 'right' as const,
          render: (_: unknown, row: TableRow) => (
            <ActualCell actual={monitored.get(row.key)?.actuals.find((a) => a.year === year)} />
          ),
        })),
      },
      {
        title: t('plan.col.projection', { year: projectionYear }),
        key: 'projection',
        width: 96,
        align: 'right',
        render: (_, row) => {
          const projection = monitored.get(row.key)?.assessment.projection;
          if (!projection) return null;
          const text = formatValue(projection.value);
          return projection.note ? (
            <Tooltip title={pick(projection.note, lang)}>
              <span data-testid="projection">{text || t('plan.noProjection')}</span>
            </Tooltip>
          ) : (
            <span data-testid="projection">{text}</span>
          );
        },
      },
    );
  }
  return (
    <div data-testid="plan-indicator-table">
      <Table<TableRow>
        size="small"
        bordered
        rowKey="key"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: monitoring ? 1026 + monitoring.years.length * 72 : 820 }}
      />
    </div>
  );
}
