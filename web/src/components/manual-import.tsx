import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Upload } from 'antd';
import { useState } from 'react';
import { importManualValues, manualTemplateUrl, type ManualImportResult } from '../api/monitoring';
import { useShowError } from '../api/use-show-error';
import { useI18n } from '../i18n/context';

/** The Excel way in: the template with the plan's rows and existing values, and its import as drafts. */
export function ManualImport({
  planId,
  canImport,
  onImported,
}: {
  planId: number;
  canImport: boolean;
  onImported: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ManualImportResult | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const imported = await importManualValues(planId, file);
      setResult(imported);
      void message.success(t('manual.imported', { ...imported, rejected: imported.rejected.length }));
      onImported();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8}>
        <Button
          icon={<DownloadOutlined />}
          href={manualTemplateUrl(planId)}
          download
          data-testid="manual-template"
        >
          {t('manual.template')}
        </Button>
        {canImport && (
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid="manual-import">
              {t('manual.import')}
            </Button>
          </Upload>
        )}
      </Flex>
      {result && result.rejected.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setResult(null)}
          title={t('manual.imported', { ...result, rejected: result.rejected.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {result.rejected.map((r) => (
                <li key={`${r.line}-${r.year}`}>
                  {t('manual.rejectedLine', { line: r.line, year: r.year ?? '—', message: r.message })}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Flex>
  );
}
