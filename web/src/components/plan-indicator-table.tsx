import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { WarningOutlined } from '@ant-design/icons';
import type { TableRow } from '../format/plan-rows';
import { useI18n } from '../i18n/context';
import { NatureTag } from './nature-tag';
import { TargetCell } from './target-cell';

interface Props {
  rows: TableRow[];
  baselineYear: number;
  loading?: boolean;
}

/** The plan's main-indicator table, laid out as printed: domain cells spanning their rows. */
export function PlanIndicatorTable({ rows, baselineYear, loading }: Props) {
  const { t } = useI18n();
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
          {row.name}
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
      render: (_, row) => row.baseline?.text,
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
        scroll={{ x: 820 }}
      />
    </div>
  );
}
