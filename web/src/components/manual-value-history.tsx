import { Modal, Table } from 'antd';
import { manualValueHistory } from '../api/monitoring';
import type { ManualValueEvent, ManualValueStatus } from '../api/monitoring-types';
import { useLoad } from '../api/use-load';
import { formatValue } from '../format/numbers';
import { formatTime } from '../format/time';
import { useI18n } from '../i18n/context';

/** The audit trail of one value: who did what, when, from which figure and status to which, and why. */
export function ManualValueHistory({
  id,
  title,
  onClose,
}: {
  id: number;
  title: string;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { data: events, loading } = useLoad(id, manualValueHistory);
  const status = (s: ManualValueStatus | null) => (s ? t(`manual.status.${s}`) : '—');
  return (
    <Modal open title={title} footer={null} onCancel={onClose} width={820}>
      <div data-testid="manual-history">
        <Table<ManualValueEvent>
          size="small"
          rowKey="id"
          loading={loading}
          pagination={false}
          scroll={{ x: 700 }}
          dataSource={events}
          columns={[
            {
              title: t('manual.history.at'),
              key: 'at',
              width: 160,
              render: (_, e) => formatTime(e.at, lang),
            },
            { title: t('manual.history.actor'), dataIndex: 'actor', width: 130 },
            {
              title: t('manual.history.action'),
              key: 'action',
              width: 90,
              render: (_, e) => t(`manual.action.${e.action}`),
            },
            {
              title: t('manual.history.value'),
              key: 'value',
              width: 110,
              render: (_, e) =>
                e.oldValue === null || e.oldValue === e.newValue
                  ? formatValue(e.newValue)
                  : `${formatValue(e.oldValue)} → ${formatValue(e.newValue)}`,
            },
            {
              title: t('manual.history.status'),
              key: 'status',
              width: 140,
              render: (_, e) =>
                e.oldStatus === e.newStatus
                  ? status(e.newStatus)
                  : `${status(e.oldStatus)} → ${status(e.newStatus)}`,
            },
            { title: t('manual.history.reason'), dataIndex: 'reason' },
          ]}
        />
      </div>
    </Modal>
  );
}
