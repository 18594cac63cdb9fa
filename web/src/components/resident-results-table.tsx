import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { ResidentSearchResult, ResidentSummary } from '../api/residents';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/translate';

interface Props {
  result: ResidentSearchResult | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/** One page of search results, masked as the API sends them; the name opens the resident. */
export function ResidentResultsTable({ result, loading, onPage }: Props) {
  const { t } = useI18n();
  const columns: ColumnsType<ResidentSummary> = [
    { title: t('residents.col.id'), dataIndex: 'id', width: 100 },
    {
      title: t('residents.col.name'),
      key: 'name',
      render: (_, r) => <Link to={`/residents/${r.county}/${r.id}`}>{r.name}</Link>,
    },
    {
      title: t('residents.col.sex'),
      key: 'sex',
      width: 70,
      render: (_, r) => t(`sex.${r.sex}` as MessageKey),
    },
    { title: t('residents.col.birthDate'), dataIndex: 'birthDate', width: 120 },
    { title: t('residents.col.idNumber'), dataIndex: 'idNumber', width: 190 },
    { title: t('residents.col.phone'), dataIndex: 'phone', width: 130 },
    {
      title: t('residents.col.place'),
      key: 'place',
      render: (_, r) =>
        r.village ? (
          `${r.town?.name ?? ''} ${r.village.name}`.trim()
        ) : (
          <Typography.Text type="secondary">{t('residents.outside')}</Typography.Text>
        ),
    },
  ];
  return (
    <Table<ResidentSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={result?.residents ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: result?.page ?? 1,
        pageSize: result?.pageSize ?? 20,
        total: result?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        onChange: onPage,
      }}
    />
  );
}
