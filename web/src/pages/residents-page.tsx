import { Alert, Button, Card, Empty, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { listSearchAreas, searchResidents, type ResidentSearch } from '../api/residents';
import { useLoad } from '../api/use-load';
import { PageLoading } from '../components/page-loading';
import { ResidentResultsTable } from '../components/resident-results-table';
import { useI18n } from '../i18n/context';

/*
 * View 9: resident lookup. The search is kept in the tab's session storage, not in the address: a name or
 * an ID number typed here must not land in the browser history or a server log; coming back from a
 * resident finds the same page of results.
 */
const storageKey = 'weijian.residents.search';
const PAGE_SIZE = 20;

function savedSearch(): ResidentSearch | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as ResidentSearch | null;
    return saved && typeof saved.county === 'string' ? saved : null;
  } catch {
    return null;
  }
}

const loadAreas = () => listSearchAreas();
// useLoad compares keys by value: the search travels as its JSON.
const loadSearch = (key: string) => searchResidents(JSON.parse(key) as ResidentSearch);

interface FormValues {
  county: string;
  town?: string;
  q?: string;
}

export default function ResidentsPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const { data: areas } = useLoad('areas', loadAreas);
  const [chosen, setChosen] = useState<ResidentSearch | null>(savedSearch);
  // Until the user searches, the first county of the scope is listed (everyone in scope, page 1).
  const search: ResidentSearch | null =
    chosen ?? (areas?.length ? { county: areas[0]!.county, page: 1, pageSize: PAGE_SIZE } : null);
  const setSearch = (next: ResidentSearch) => {
    sessionStorage.setItem(storageKey, JSON.stringify(next));
    setChosen(next);
  };
  const county = Form.useWatch('county', form) ?? search?.county;

  const { data: result, loading } = useLoad(search && JSON.stringify(search), loadSearch);
  if (!areas) return <PageLoading />;
  if (!areas.length) return <Empty description={t('residents.noArea')} />;
  const towns = areas.find((a) => a.county === county)?.towns ?? [];

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Form
          form={form}
          layout="inline"
          initialValues={{ county: search?.county ?? areas[0]!.county, town: search?.town, q: search?.q }}
          onFinish={(values) =>
            setSearch({
              county: values.county,
              town: values.town || undefined,
              q: values.q?.trim() || undefined,
              page: 1,
              pageSize: search?.pageSize ?? PAGE_SIZE,
            })
          }
          style={{ rowGap: 8 }}
        >
          <Form.Item name="county" label={t('residents.county')}>
            <Select
              style={{ minWidth: 140 }}
              options={areas.map((a) => ({ value: a.county, label: a.name }))}
              onChange={() => form.setFieldValue('town', undefined)}
            />
          </Form.Item>
          <Form.Item name="town" label={t('residents.town')}>
            <Select
              id="resident-town"
              allowClear
              placeholder={t('residents.town.all')}
              style={{ minWidth: 160 }}
              options={towns.map((town) => ({ value: town.code, label: town.name }))}
            />
          </Form.Item>
          <Form.Item name="q" style={{ flex: '1 1 260px' }}>
            <Input
              id="resident-q"
              allowClear
              placeholder={t('residents.q')}
              maxLength={50}
              autoComplete="off"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('residents.search')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Alert type="info" showIcon title={t('residents.maskedNote')} />
      {result && (
        <Typography.Text data-testid="resident-total">
          {t('residents.total', { total: result.total })}
        </Typography.Text>
      )}
      <ResidentResultsTable
        result={result}
        loading={loading}
        onPage={(page, pageSize) => search && setSearch({ ...search, page, pageSize })}
      />
    </Flex>
  );
}
