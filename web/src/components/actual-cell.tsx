import { Tooltip, Typography } from 'antd';
import type { YearActual } from '../api/monitoring-types';
import { formatValue } from '../format/numbers';
import { useI18n } from '../i18n/context';

/** The actual a year counts with; hovering tells where it came from (computed with its fraction, or entered). */
export function ActualCell({ actual }: { actual: YearActual | undefined }) {
  const { t } = useI18n();
  const chosen = actual?.chosen;
  if (!chosen) return null;
  const origin =
    chosen.source === 'computed' && actual.computed
      ? t('plan.source.computed', {
          numerator: formatValue(actual.computed.numerator),
          denominator: formatValue(actual.computed.denominator),
        })
      : t('plan.source.manual');
  return (
    <Tooltip title={origin}>
      <span data-testid="actual" data-source={chosen.source}>
        {formatValue(chosen.value)}
        {chosen.source === 'manual' && (
          <Typography.Text type="secondary" style={{ fontSize: 11, marginLeft: 2 }}>
            {t('plan.manualMark')}
          </Typography.Text>
        )}
      </span>
    </Tooltip>
  );
}
