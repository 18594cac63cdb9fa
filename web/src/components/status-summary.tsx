import { Card, Flex, Statistic, Typography } from 'antd';
import { ASSESSMENT_STATUSES, type PlanAssessment } from '../api/monitoring-types';
import { useI18n } from '../i18n/context';

const COLORS: Record<string, string> = {
  achieved: '#389e0d',
  'on-track': '#1677ff',
  'at-risk': '#d48806',
  'off-track': '#cf1322',
  'no-data': '#8c8c8c',
  'not-assessable': '#8c8c8c',
};

/** How many of the plan's rows stand where, in the year assessed, and how the binding ones fare. */
export function StatusSummary({ assessment }: { assessment: PlanAssessment }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="status-summary">
      <Flex vertical gap={8}>
        <Typography.Text strong>
          {t('overview.counts', { year: assessment.year, total: assessment.rows.length })}
        </Typography.Text>
        <Flex wrap gap={16}>
          {ASSESSMENT_STATUSES.map((status) => (
            <Statistic
              key={status}
              data-testid={`count-${status}`}
              title={t(`assessment.status.${status}`)}
              value={assessment.counts[status]}
              styles={{ content: { color: COLORS[status], fontSize: 24 } }}
              style={{ minWidth: 72 }}
            />
          ))}
        </Flex>
        <Typography.Text
          data-testid="binding-summary"
          type={assessment.binding.offTrack > 0 ? 'danger' : 'secondary'}
        >
          {t('overview.binding', assessment.binding)}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
