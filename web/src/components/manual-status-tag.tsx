import { Tag } from 'antd';
import type { ManualValueStatus } from '../api/monitoring-types';
import { useI18n } from '../i18n/context';

const colors: Record<ManualValueStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
};

export function ManualStatusTag({ status }: { status: ManualValueStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={colors[status]} data-testid="manual-status" data-status={status}>
      {t(`manual.status.${status}`)}
    </Tag>
  );
}
