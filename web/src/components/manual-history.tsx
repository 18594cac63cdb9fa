import { Empty, Flex, Table, Typography } from 'antd';
import type { DetailedActual } from '../api/assessment-detail';
import { manualValueHistory } from '../api/monitoring';
import type { ManualValueEvent } from '../api/monitoring-types';
import { useLoad } from '../api/use-load';
import { formatWithUnit } from '../format/value-with-unit';
import { useI18n } from '../i18n/context';
import { PageLoading } from './page-loading';

// The histories of every year's value, in year order, one request each.
const loadHistories = (key: string) =>
  Promise.all(key.split(',').map((id) => manualValueHistory(Number(id))));

/** Every hand-entered value of the row, year by year, with its audit trail (who, when, what, why). */
export function ManualHistory({ actuals, unit }: { actuals: DetailedActual[]; unit: string | null }) {
  const { t } = useI18n();
  const entered = actuals.flatMap((a) => (a.manual ? [{ year: a.year, manual: a.manual }] : []));
  const { data } = useLoad(entered.length ? entered.map((e) => e.manual.id).join(',') : null, loadHistories);
  if (entered.length === 0) return <Empty description={t('detail.historyNone')} />;
  if (!data) return <PageLoading />;
  return (
    <Flex vertical gap={12} data-testid="manual-history">
      {entered.map((e, i) => (
        <div key={e.manual.id} data-testid="manual-history-year" data-year={e.year}>
          <Typography.Text strong>
            {t('detail.historyYear', {
              year: e.year,
              value: formatWithUnit(e.manual.value, unit),
              status: t(`manual.status.${e.manual.status}`),
            })}
          </Typography.Text>
          <Table<ManualValueEvent>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 560 }}
            dataSource={data[i]}
            columns={[
              {
                title: t('manual.history.at'),
                dataIndex: 'at',
                render: (at: string) => at.slice(0, 16).replace('T', ' '),
              },
              { title: t('manual.history.actor'), dataIndex: 'actor' },
              {
                title: t('manual.history.action'),
                dataIndex: 'action',
                render: (action: ManualValueEvent['action']) => t(`manual.action.${action}`),
              },
              {
                title: t('manual.history.value'),
                key: 'value',
                render: (_, ev) =>
                  ev.oldValue !== null && ev.oldValue !== ev.newValue
                    ? `${formatWithUnit(ev.oldValue, unit)} → ${formatWithUnit(ev.newValue, unit)}`
                    : formatWithUnit(ev.newValue, unit),
              },
              {
                title: t('manual.history.status'),
                dataIndex: 'newStatus',
                render: (s: ManualValueEvent['newStatus']) => t(`manual.status.${s}`),
              },
              { title: t('manual.history.reason'), dataIndex: 'reason' },
            ]}
          />
        </div>
      ))}
    </Flex>
  );
}
