import { Alert, Descriptions, Flex } from 'antd';
import type { ReactNode } from 'react';
import type { Plan, PlanImportSummary } from '../api/types';
import { tableRows } from '../format/plan-rows';
import { useI18n } from '../i18n/context';
import { PlanIndicatorTable } from './plan-indicator-table';

/** What was read from one plan document: the figures, the warnings, the unmapped rows and the table. */
export function PlanReadout({
  title,
  fileName,
  state,
  summary,
  plan,
}: {
  title: ReactNode;
  fileName: string;
  state: string;
  summary: PlanImportSummary;
  plan: Omit<Plan, 'id'>;
}) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8}>
      {title}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 3 }}
        items={[
          { key: 'file', label: t('imports.plan.file'), children: fileName },
          {
            key: 'region',
            label: t('imports.plan.region'),
            children: `${plan.region.name} ${plan.region.code ?? ''}`,
          },
          {
            key: 'period',
            label: t('imports.plan.period'),
            children: `${plan.period.start}–${plan.period.end}`,
          },
          {
            key: 'state',
            label: t('imports.plan.state'),
            children: <span data-testid="import-state">{state}</span>,
          },
          {
            key: 'rows',
            label: t('imports.plan.rows'),
            children: <span data-testid="import-rows">{summary.rows}</span>,
          },
          { key: 'mapped', label: t('imports.plan.mapped'), children: summary.mapped },
          { key: 'qualitative', label: t('imports.plan.qualitative'), children: summary.qualitative },
          { key: 'tasks', label: t('imports.plan.tasks'), children: summary.tasks },
          { key: 'projects', label: t('imports.plan.projects'), children: summary.projects },
        ]}
      />
      {summary.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-warnings"
          title={t('imports.plan.warnings', { count: summary.warnings.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {summary.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      {summary.unmapped.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('imports.plan.unmapped', { count: summary.unmapped.length })}
          description={summary.unmapped.map((u) => `${u.seq ?? ''} ${u.name}（${u.reason}）`).join('；')}
        />
      )}
      <PlanIndicatorTable
        rows={tableRows(plan.indicators, { domains: [], natures: [] })}
        baselineYear={plan.period.start - 1}
      />
    </Flex>
  );
}
