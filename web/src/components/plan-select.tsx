import { Select } from 'antd';
import type { PlanListEntry } from '../api/types';
import { useI18n } from '../i18n/context';

interface Props {
  plans: PlanListEntry[] | undefined;
  value: number | null;
  onChange: (id: number) => void;
}

export function PlanSelect({ plans, value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Select<number>
      data-testid="plan-select"
      style={{ width: 320, maxWidth: '100%' }}
      loading={!plans}
      value={value ?? undefined}
      onChange={onChange}
      aria-label={t('plan.select')}
      placeholder={t('plan.select')}
      options={plans?.map((p) => ({ value: p.id, label: `${p.region.name} · ${p.title}` }))}
    />
  );
}
