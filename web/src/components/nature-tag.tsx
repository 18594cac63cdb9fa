import { Tag } from 'antd';
import type { Nature } from '../api/types';
import { useI18n } from '../i18n/context';

const colors: Record<Nature, string> = { binding: 'red', expected: 'blue', guiding: 'default' };

export function NatureTag({ nature }: { nature: Nature | null }) {
  const { t } = useI18n();
  if (!nature) return null;
  return <Tag color={colors[nature]}>{t(`nature.${nature}`)}</Tag>;
}
