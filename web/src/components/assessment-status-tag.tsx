import { Tag, Tooltip } from 'antd';
import type { AssessmentStatus, Bilingual } from '../api/monitoring-types';
import { pick } from '../format/bilingual';
import { useI18n } from '../i18n/context';

/** Colours as the reports have them: green achieved, blue on track, amber at risk, red off track, grey the rest. */
export const STATUS_COLORS: Record<AssessmentStatus, string> = {
  achieved: 'green',
  'on-track': 'blue',
  'at-risk': 'gold',
  'off-track': 'red',
  'no-data': 'default',
  'not-assessable': 'default',
};

/** An assessment status in its colour; the reason shows on hover. */
export function AssessmentStatusTag({ status, reason }: { status: AssessmentStatus; reason?: Bilingual }) {
  const { t, lang } = useI18n();
  const tag = (
    <Tag color={STATUS_COLORS[status]} data-testid="status-tag" data-status={status}>
      {t(`assessment.status.${status}`)}
    </Tag>
  );
  return reason ? <Tooltip title={pick(reason, lang)}>{tag}</Tooltip> : tag;
}
