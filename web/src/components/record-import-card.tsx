import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Progress,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { uploadRecords } from '../api/records';
import type { IndicatorRefreshSummary, RecordImportReport } from '../api/types';
import { useShowError } from '../api/use-show-error';
import { downloadBlob } from '../format/download';
import { rejectsCsv } from '../format/reject-report';
import { useI18n } from '../i18n/context';
import { TemplateLinks } from './template-links';

/** Upload of record files (FHIR R4 NDJSON/Bundles, Excel/CSV aggregates) with progress and a reject report. */
export function RecordImportCard() {
  const { t } = useI18n();
  const showError = useShowError();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [county, setCounty] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [reports, setReports] = useState<RecordImportReport[]>([]);
  const [refreshed, setRefreshed] = useState<IndicatorRefreshSummary[]>([]);
  const countyValid = county === '' || /^\d{6}$/.test(county);
  const rejected = reports.reduce((n, r) => n + r.rejected.length, 0);

  const submit = async () => {
    setProgress(0);
    try {
      const upload = {
        files: files.map((f) => f.originFileObj as File),
        skipInvalid,
        county: county || undefined,
      };
      const result = await uploadRecords(upload, setProgress);
      setReports(result.reports);
      setRefreshed(result.indicators);
      setFiles([]);
    } catch (error) {
      showError(error);
    } finally {
      setProgress(null);
    }
  };

  const downloadRejects = () => {
    const header = ['file', 'line', 'entry', 'field', 'code', 'reason'].map((c) =>
      t(`imports.rejects.${c}` as 'imports.rejects.file'),
    );
    downloadBlob(
      new Blob([rejectsCsv(reports, header)], { type: 'text/csv;charset=utf-8' }),
      'weijian-import-errors.csv',
    );
  };

  return (
    <Card title={t('imports.records.title')} extra={<TemplateLinks />}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('imports.records.hint')}</Typography.Text>
        <Upload
          multiple
          accept=".ndjson,.json,.xlsx,.csv"
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => setFiles(fileList)}
        >
          <Button icon={<UploadOutlined />} data-testid="records-choose">
            {t('imports.records.choose')}
          </Button>
        </Upload>
        <Flex wrap gap={12} align="center">
          <Checkbox
            checked={skipInvalid}
            onChange={(e) => setSkipInvalid(e.target.checked)}
            data-testid="skip-invalid"
          >
            {t('imports.records.skipInvalid')}
          </Checkbox>
          <Input
            style={{ width: 220 }}
            value={county}
            status={countyValid ? undefined : 'error'}
            onChange={(e) => setCounty(e.target.value.trim())}
            placeholder={t('imports.records.county')}
            aria-label={t('imports.records.county')}
            maxLength={6}
          />
        </Flex>
        <Button
          type="primary"
          style={{ alignSelf: 'flex-start' }}
          disabled={!files.length || !countyValid}
          loading={progress !== null}
          onClick={submit}
          data-testid="records-import"
        >
          {t('imports.records.submit')}
        </Button>
        {progress !== null && <Progress percent={progress} status="active" />}
        {reports.length > 0 && (
          <>
            <Table<RecordImportReport>
              size="small"
              rowKey="file"
              pagination={false}
              scroll={{ x: 600 }}
              dataSource={reports}
              columns={[
                { title: t('imports.records.file'), dataIndex: 'file' },
                { title: t('imports.records.format'), dataIndex: 'format', width: 90 },
                { title: t('imports.records.read'), dataIndex: 'read', width: 80 },
                { title: t('imports.records.written'), dataIndex: 'written', width: 80 },
                {
                  title: t('imports.records.rejected'),
                  key: 'rejected',
                  width: 80,
                  render: (_, r) => (r.rejected.length ? <Tag color="red">{r.rejected.length}</Tag> : 0),
                },
                {
                  title: t('imports.records.byType'),
                  key: 'byType',
                  render: (_, r) =>
                    Object.entries(r.byType).map(([type, n]) => (
                      <Tag key={type}>
                        {type} {n}
                      </Tag>
                    )),
                },
              ]}
            />
            {refreshed.map((r) => (
              <Typography.Text key={r.county} type="success" data-testid="indicators-refreshed">
                {t('imports.records.refreshed', {
                  county: r.county,
                  definitions: r.definitions,
                  ms: r.milliseconds,
                })}
              </Typography.Text>
            ))}
            {rejected > 0 && (
              <Button
                icon={<DownloadOutlined />}
                style={{ alignSelf: 'flex-start' }}
                onClick={downloadRejects}
                data-testid="download-rejects"
              >
                {t('imports.records.rejectReport', { count: rejected })}
              </Button>
            )}
          </>
        )}
      </Flex>
    </Card>
  );
}
