import { Button, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { DetailedPlanAssessment } from '../api/assessment-detail';
import { attentionOrder } from '../format/overview';
import { formatWithUnit } from '../format/value-with-unit';
import { useI18n } from '../i18n/context';
import { AssessmentStatusTag } from './assessment-status-tag';
import { NatureTag } from './nature-tag';

/** Rows listed before "show all". */
const FIRST = 8;

/**
 * The plan's rows with their actual, target and status, binding rows off track first; each opens its detail.
 * A plain list rather than a table: it is the start page's, so it stays light to render and reads on a phone.
 */
export function AttentionTable({ assessment }: { assessment: DetailedPlanAssessment }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const rows = useMemo(() => attentionOrder(assessment.rows), [assessment]);
  const shown = all ? rows : rows.slice(0, FIRST);
  return (
    <Flex vertical data-testid="attention-table">
      {shown.map((row) => (
        <Flex
          key={row.position}
          wrap
          align="center"
          gap={8}
          data-testid="attention-row"
          style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
        >
          <Link
            to={`/plans/${assessment.plan.id}/indicators/${row.position}`}
            data-testid="attention-link"
            style={{ flex: '1 1 200px', minWidth: 0 }}
          >
            {row.name}
          </Link>
          <NatureTag nature={row.assessment.nature} />
          <Typography.Text style={{ width: 132 }} data-testid="attention-actual">
            {row.assessment.actual && (
              <>
                {formatWithUnit(row.assessment.actual.value, row.unit)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  {t('overview.figure.year', { year: row.assessment.actual.year })}
                </Typography.Text>
              </>
            )}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ width: 96 }} ellipsis={{ tooltip: true }}>
            {t('overview.col.target')} {row.assessment.target.text}
          </Typography.Text>
          <AssessmentStatusTag status={row.assessment.status} reason={row.assessment.reason} />
        </Flex>
      ))}
      {rows.length > FIRST && (
        <Button
          type="link"
          onClick={() => setAll(!all)}
          data-testid="attention-all"
          style={{ alignSelf: 'start' }}
        >
          {all ? t('overview.fewer') : t('overview.all', { count: rows.length })}
        </Button>
      )}
    </Flex>
  );
}
