import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { fetchFile, reportUrl } from '../api/monitoring';
import type { ReportFormat, ReportKind } from '../api/monitoring-types';
import type { Plan } from '../api/types';
import { useShowError } from '../api/use-show-error';
import { downloadBlob } from '../format/download';
import { reportYearFor } from '../format/report-year';
import { yearsBetween } from '../format/years';
import { useI18n } from '../i18n/context';

const KINDS: readonly ReportKind[] = ['annual', 'midterm', 'final'];

/** Kind and year of a plan's monitoring report, and its downloads (xlsx, pdf) and web view (html). */
export function ReportForm({ plan }: { plan: Pick<Plan, 'id' | 'title' | 'period'> }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [kind, setKind] = useState<ReportKind>('annual');
  const [year, setYear] = useState(() => reportYearFor('annual', plan.period));
  const [busy, setBusy] = useState<ReportFormat | null>(null);

  const chooseKind = (next: ReportKind) => {
    setKind(next);
    setYear(reportYearFor(next, plan.period));
  };

  const download = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    try {
      const { blob, fileName } = await fetchFile(reportUrl(plan.id, kind, format, year));
      downloadBlob(blob, fileName);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={plan.title}>
      <Flex vertical gap={16}>
        <Form layout="vertical" style={{ maxWidth: 560 }}>
          <Form.Item label={t('reports.kind')}>
            <Radio.Group
              value={kind}
              onChange={(e) => chooseKind(e.target.value as ReportKind)}
              optionType="button"
              data-testid="report-kind"
              options={KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('reports.year')}>
            <Select<number>
              style={{ width: 140 }}
              value={year}
              onChange={setYear}
              data-testid="report-year"
              aria-label={t('reports.year')}
              options={yearsBetween(plan.period.start, plan.period.end).map((y) => ({
                value: y,
                label: t('plan.yearOption', { year: y }),
              }))}
            />
          </Form.Item>
        </Form>
        <Flex wrap gap={8}>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={busy === 'xlsx'}
            onClick={() => void download('xlsx')}
            data-testid="report-xlsx"
          >
            {t('reports.xlsx')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'pdf'}
            onClick={() => void download('pdf')}
            data-testid="report-pdf"
          >
            {t('reports.pdf')}
          </Button>
          <Button
            icon={<EyeOutlined />}
            href={reportUrl(plan.id, kind, 'html', year)}
            target="_blank"
            rel="noopener"
            data-testid="report-html"
          >
            {t('reports.html')}
          </Button>
        </Flex>
        <Typography.Text type="secondary">{t('reports.hint')}</Typography.Text>
      </Flex>
    </Card>
  );
}
