import { CheckSquareOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { getAssessment } from '../api/monitoring';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '../api/monitoring-types';
import type { Nature, Plan } from '../api/types';
import { useLoad } from '../api/use-load';
import { useShowError } from '../api/use-show-error';
import { downloadXlsx } from '../format/download';
import { domainsOf, NATURES, tableRows, type TableMonitoring } from '../format/plan-rows';
import { planTableSheet } from '../format/plan-table-sheet';
import { defaultAssessmentYear, yearsBetween } from '../format/years';
import { useI18n } from '../i18n/context';
import { PlanIndicatorTable } from './plan-indicator-table';

// useLoad compares keys by identity: plan and year travel as one string.
const loadAssessment = (key: string) => {
  const [planId, year] = key.split('/').map(Number);
  return getAssessment({ planId: planId!, year: year! });
};

/** One plan's indicator table with a year's assessment, its filters and the Excel export of what is shown. */
export function PlanTableView({ plan }: { plan: Plan }) {
  const { t, lang } = useI18n();
  const showError = useShowError();
  const [domains, setDomains] = useState<string[]>([]);
  const [natures, setNatures] = useState<Nature[]>([]);
  const [statuses, setStatuses] = useState<AssessmentStatus[]>([]);
  const [year, setYear] = useState(() => defaultAssessmentYear(plan.period));
  const [exporting, setExporting] = useState(false);
  const baselineYear = plan.period.start - 1;
  const { data: assessment, loading: assessing } = useLoad(`${plan.id}/${year}`, loadAssessment);
  const monitoring = useMemo<TableMonitoring | undefined>(
    () =>
      assessment && {
        years: yearsBetween(baselineYear, year),
        rows: new Map(assessment.rows.map((r) => [r.position, r])),
        projectionYear: plan.period.end,
      },
    [assessment, baselineYear, year, plan.period.end],
  );
  const rows = useMemo(
    () =>
      tableRows(
        plan.indicators,
        { domains, natures, statuses },
        (key) => monitoring?.rows.get(key)?.assessment.status,
      ),
    [plan, domains, natures, statuses, monitoring],
  );

  const exportRows = async () => {
    setExporting(true);
    try {
      const { header, body } = planTableSheet(rows, baselineYear, t, monitoring && { ...monitoring, lang });
      await downloadXlsx(`${plan.region.name}-${t('plan.sheet')}.xlsx`, t('plan.sheet'), header, body);
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="plan-title">
          {plan.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('plan.meta', {
            region: plan.region.name,
            code: plan.region.code ?? '—',
            start: plan.period.start,
            end: plan.period.end,
            rows: plan.indicators.length,
          })}
        </Typography.Text>
      </div>
      <Flex wrap gap={8} align="center">
        <Select<number>
          data-testid="year-select"
          aria-label={t('plan.year')}
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          options={yearsBetween(plan.period.start, plan.period.end).map((y) => ({
            value: y,
            label: t('plan.yearOption', { year: y }),
          }))}
        />
        <Select<string[]>
          mode="multiple"
          allowClear
          data-testid="domain-filter"
          style={{ minWidth: 200, maxWidth: '100%' }}
          placeholder={t('plan.filter.domain')}
          value={domains}
          onChange={setDomains}
          options={domainsOf(plan.indicators).map((d) => ({ value: d, label: d }))}
        />
        <Select<Nature[]>
          mode="multiple"
          allowClear
          data-testid="nature-filter"
          style={{ minWidth: 160, maxWidth: '100%' }}
          placeholder={t('plan.filter.nature')}
          value={natures}
          onChange={setNatures}
          options={NATURES.map((n) => ({ value: n, label: t(`nature.${n}`) }))}
        />
        <Select<AssessmentStatus[]>
          mode="multiple"
          allowClear
          data-testid="status-filter"
          style={{ minWidth: 180, maxWidth: '100%' }}
          placeholder={t('plan.filter.status')}
          value={statuses}
          onChange={setStatuses}
          options={ASSESSMENT_STATUSES.map((s) => ({
            value: s,
            label: assessment
              ? `${t(`assessment.status.${s}`)} ${assessment.counts[s]}`
              : t(`assessment.status.${s}`),
          }))}
        />
        <Typography.Text type="secondary" data-testid="row-count">
          {t('plan.shown', { shown: rows.length, total: plan.indicators.length })}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Link to={`/plans/${plan.id}/manual-values`}>
          <Button icon={<EditOutlined />}>{t('nav.manualValues')}</Button>
        </Link>
        <Link to={`/plans/${plan.id}/tasks`}>
          <Button icon={<CheckSquareOutlined />}>{t('nav.tasks')}</Button>
        </Link>
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={exportRows}
          data-testid="export-xlsx"
        >
          {t('plan.export')}
        </Button>
      </Flex>
      {plan.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('plan.planWarnings')}
          description={plan.warnings.join('；')}
        />
      )}
      {assessment && assessment.binding.total > 0 && (
        <Typography.Text
          type={assessment.binding.offTrack ? 'danger' : 'secondary'}
          data-testid="binding-summary"
        >
          {t('plan.binding', assessment.binding)}
        </Typography.Text>
      )}
      <PlanIndicatorTable
        planId={plan.id}
        rows={rows}
        baselineYear={baselineYear}
        monitoring={monitoring}
        loading={assessing}
      />
      {plan.tableNotes.map((note) => (
        <Typography.Text key={note} type="secondary">
          {note}
        </Typography.Text>
      ))}
    </Flex>
  );
}
