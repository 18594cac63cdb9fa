import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { getPlan, importPlanFiles, previewPlanFiles } from '../api/plans';
import type { Plan, PlanImportResult, PlanPreview } from '../api/types';
import { useShowError } from '../api/use-show-error';
import { useI18n } from '../i18n/context';
import { PlanReadout } from './plan-readout';

interface Imported {
  result: PlanImportResult['plans'][number];
  plan: Plan;
}

/**
 * Upload of published plan documents (.txt in any Chinese encoding, .docx) in two steps: read them and show the
 * parsed tables with their warnings, nothing stored; then, on confirmation, import the same files.
 */
export function PlanImportCard() {
  const { t } = useI18n();
  const showError = useShowError();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [previews, setPreviews] = useState<PlanPreview[]>([]);
  const [imported, setImported] = useState<Imported[]>([]);
  const chosen = () => files.map((f) => f.originFileObj as File);

  const preview = async () => {
    setBusy('preview');
    try {
      setImported([]);
      setPreviews(await previewPlanFiles(chosen()));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    setBusy('save');
    try {
      const result = await importPlanFiles(chosen());
      const plans = await Promise.all(result.plans.map((p) => getPlan(p.id)));
      setImported(result.plans.map((p, i) => ({ result: p, plan: plans[i]! })));
      setPreviews([]);
      setFiles([]);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
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
            onChange={({ fileList }) => {
              setFiles(fileList);
              setPreviews([]);
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.plan.drop')}</p>
            <p className="ant-upload-hint">{t('imports.plan.hint')}</p>
          </Upload.Dragger>
        </div>
        <Flex gap={8}>
          <Button
            type={previews.length ? 'default' : 'primary'}
            disabled={!files.length || busy === 'save'}
            loading={busy === 'preview'}
            onClick={preview}
            data-testid="plan-preview"
          >
            {t('imports.plan.preview')}
          </Button>
          {previews.length > 0 && (
            <>
              <Button type="primary" loading={busy === 'save'} onClick={save} data-testid="plan-import">
                {t('imports.plan.confirm')}
              </Button>
              <Button disabled={busy === 'save'} onClick={() => setPreviews([])}>
                {t('imports.plan.discard')}
              </Button>
            </>
          )}
        </Flex>
        {previews.length > 0 && <Alert type="info" showIcon title={t('imports.plan.previewNote')} />}
        {previews.map((p) => (
          <div key={p.fileName} data-testid="plan-preview-result">
            <PlanReadout
              title={
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {p.plan.title}
                </Typography.Title>
              }
              fileName={p.fileName}
              state={t(p.existingId === null ? 'imports.plan.willCreate' : 'imports.plan.willUpdate')}
              summary={p.summary}
              plan={p.plan}
            />
          </div>
        ))}
        {imported.map(({ result, plan }) => (
          <div key={result.id} data-testid="plan-import-result">
            <PlanReadout
              title={
                <Typography.Title level={5} style={{ margin: 0 }}>
                  <Link to={`/plans/${result.id}`}>{result.title}</Link>
                </Typography.Title>
              }
              fileName={result.fileName}
              state={t(result.created ? 'imports.plan.created' : 'imports.plan.updated')}
              summary={result.summary}
              plan={plan}
            />
          </div>
        ))}
      </Flex>
    </Card>
  );
}
