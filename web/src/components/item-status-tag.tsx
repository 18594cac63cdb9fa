import { Tag } from 'antd';
import type { ItemStatus } from '../api/monitoring-types';
import { useI18n } from '../i18n/context';

const colors: Record<ItemStatus, string> = {
  'not-started': 'default',
  'in-progress': 'blue',
  completed: 'green',
  delayed: 'red',
};

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={colors[status]} data-testid="item-status" data-status={status}>
      {t(`tasks.status.${status}`)}
    </Tag>
  );
}
