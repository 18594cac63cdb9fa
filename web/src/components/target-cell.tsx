import { Tooltip } from 'antd';
import type { Target } from '../api/types';
import { targetMeaning } from '../format/target-meaning';
import { useI18n } from '../i18n/context';

/** The target as printed; hovering (or tapping) shows how it was read. */
export function TargetCell({
  target,
  unit,
  baselineYear,
}: {
  target: Target;
  unit: string | null;
  baselineYear: number;
}) {
  const { t } = useI18n();
  const meaning = targetMeaning(target, unit, baselineYear)
    .map((m) => t(m.key, m.params))
    .join(t('list.separator'));
  return (
    <Tooltip title={`${t('target.meaning')}${meaning}`}>
      <span data-testid="target-text" style={{ borderBottom: '1px dashed #999', cursor: 'help' }}>
        {target.text}
      </span>
    </Tooltip>
  );
}
