import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { getPlan, importPlanFiles } from '../api/plans';
import type { Plan, PlanImportResult } from '../api/types';
import { useShowError } from '../api/use-show-error';
import { tableRows } from '../format/plan-rows';
import { useI18n } from '../i18n/context';
import { PlanIndicatorTable } from './plan-indicator-table';

interface Imported {
  result: PlanImportResult['plans'][number];
  plan: Plan;
}

/** Upload of published plan documents (.txt in any Chinese encoding, .docx) and what was read from them. */
export function PlanImportCard() {
  const { t } = useI18n();
  const showError = useShowError();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<Imported[]>([]);

  const submit = async () => {
    setBusy(true);
    try {
      const result = await importPlanFiles(files.map((f) => f.originFileObj as File));
      const plans = await Promise.all(result.plans.map((p) => getPlan(p.id)));
      setImported(result.plans.map((p, i) => ({ result: p, plan: plans[i]! })));
      setFiles([]);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('imports.plan.title')}>
      <Flex vertical gap={12}>
        <div data-testid="plan-upload">
          <Upload.Dragger
            multiple
            accept=".txt,.docx"
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.plan.drop')}</p>
            <p className="ant-upload-hint">{t('imports.plan.hint')}</p>
          </Upload.Dragger>
        </div>
        <Button
          type="primary"
          disabled={!files.length}
          loading={busy}
          onClick={submit}
          style={{ alignSelf: 'flex-start' }}
          data-testid="plan-import"
        >
          {t('imports.plan.submit')}
        </Button>
        {imported.map(({ result, plan }) => (
          <Flex vertical gap={8} key={result.id} data-testid="plan-import-result">
            <Typography.Title level={5} style={{ margin: 0 }}>
              <Link to={`/plans/${result.id}`}>{result.title}</Link>
            </Typography.Title>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, md: 3 }}
              items={[
                { key: 'file', label: t('imports.plan.file'), children: result.fileName },
                {
                  key: 'region',
                  label: t('imports.plan.region'),
                  children: `${result.region.name} ${result.region.code ?? ''}`,
                },
                {
                  key: 'created',
                  label: t('imports.plan.state'),
                  children: t(result.created ? 'imports.plan.created' : 'imports.plan.updated'),
                },
                {
                  key: 'rows',
                  label: t('imports.plan.rows'),
                  children: <span data-testid="import-rows">{result.summary.rows}</span>,
                },
                { key: 'mapped', label: t('imports.plan.mapped'), children: result.summary.mapped },
                {
                  key: 'qualitative',
                  label: t('imports.plan.qualitative'),
                  children: result.summary.qualitative,
                },
                { key: 'tasks', label: t('imports.plan.tasks'), children: result.summary.tasks },
                { key: 'projects', label: t('imports.plan.projects'), children: result.summary.projects },
              ]}
            />
            {result.summary.warnings.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('imports.plan.warnings', { count: result.summary.warnings.length })}
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {result.summary.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                }
              />
            )}
            {result.summary.unmapped.length > 0 && (
              <Alert
                type="info"
                showIcon
                title={t('imports.plan.unmapped', { count: result.summary.unmapped.length })}
                description={result.summary.unmapped
                  .map((u) => `${u.seq ?? ''} ${u.name}（${u.reason}）`)
                  .join('；')}
              />
            )}
            <PlanIndicatorTable
              rows={tableRows(plan.indicators, { domains: [], natures: [] })}
              baselineYear={plan.period.start - 1}
            />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
