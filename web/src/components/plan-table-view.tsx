import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Nature, Plan } from '../api/types';
import { useShowError } from '../api/use-show-error';
import { downloadXlsx } from '../format/download';
import { domainsOf, NATURES, tableRows } from '../format/plan-rows';
import { planTableSheet } from '../format/plan-table-sheet';
import { useI18n } from '../i18n/context';
import { PlanIndicatorTable } from './plan-indicator-table';

/** One plan's indicator table with its filters and the Excel export of what is shown. */
export function PlanTableView({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [domains, setDomains] = useState<string[]>([]);
  const [natures, setNatures] = useState<Nature[]>([]);
  const [exporting, setExporting] = useState(false);
  const rows = useMemo(() => tableRows(plan.indicators, { domains, natures }), [plan, domains, natures]);
  const baselineYear = plan.period.start - 1;

  const exportRows = async () => {
    setExporting(true);
    try {
      const { header, body } = planTableSheet(rows, baselineYear, t);
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
        <Typography.Text type="secondary" data-testid="row-count">
          {t('plan.shown', { shown: rows.length, total: plan.indicators.length })}
        </Typography.Text>
        <div style={{ flex: 1 }} />
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
      <PlanIndicatorTable rows={rows} baselineYear={baselineYear} />
      {plan.tableNotes.map((note) => (
        <Typography.Text key={note} type="secondary">
          {note}
        </Typography.Text>
      ))}
    </Flex>
  );
}
