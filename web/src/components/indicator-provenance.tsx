import { Alert, Flex, Table, Typography } from 'antd';
import type { DetailedRow } from '../api/assessment-detail';
import type { IndicatorValue } from '../api/indicator-values';
import { formatValue } from '../format/numbers';
import { formatWithUnit } from '../format/value-with-unit';
import { useI18n } from '../i18n/context';

/** The engine's population bases (src/engine): each has its words in the message files. */
const POPULATION_BASES = [
  'discharges',
  'expenditure',
  'facilities',
  'live-births',
  'not-applicable',
  'registered-patients',
  'resident-mid-year',
  'resident-year-end',
  'target-group',
  'visits',
] as const;

interface Props {
  row: DetailedRow;
  /** The county's computed values of the row's indicator, every year (from /api/indicators). */
  values: IndicatorValue[];
}

/**
 * Where the figures come from: for a computed indicator its definition (rule, numerator, denominator, version)
 * and, year by year, the fraction behind the value, the population it is counted on and its period; which
 * value the assessment uses. For a hand-entered one, that it is entered by hand.
 */
export function IndicatorProvenance({ row, values }: Props) {
  const { t } = useI18n();
  if (!row.indicatorId) return <Alert type="info" showIcon title={t('detail.unmapped')} />;
  if (!row.computable) return <Alert type="info" showIcon title={t('detail.notComputable')} />;
  if (values.length === 0) return <Alert type="info" showIcon title={t('detail.noValues')} />;
  const definition = values.at(-1)?.definition;
  const used = (year: number) => row.actuals.find((a) => a.year === year)?.chosen?.source;
  return (
    <Flex vertical gap={8} data-testid="provenance">
      {definition && (
        <div>
          <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="definition">
            {t('detail.definition', { rule: definition.rule })}
          </Typography.Paragraph>
          {definition.numerator && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {t('detail.definitionTerms', {
                numerator: definition.numerator,
                denominator: definition.denominator ?? '—',
              })}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary" data-testid="definition-id">
            {t('detail.definitionId', { id: row.indicatorId, version: definition.version })}
          </Typography.Text>
        </div>
      )}
      <Table<IndicatorValue>
        size="small"
        rowKey="year"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={values}
        data-testid="provenance-table"
        columns={[
          { title: t('detail.prov.year'), dataIndex: 'year', width: 64 },
          {
            title: t('detail.prov.value'),
            key: 'value',
            render: (_, v) => (v.suppressed ? '—' : formatWithUnit(v.value, row.unit ?? v.unit)),
          },
          {
            title: t('detail.prov.numerator'),
            dataIndex: 'numerator',
            render: (n: number | null) => formatValue(n),
          },
          {
            title: t('detail.prov.denominator'),
            dataIndex: 'denominator',
            render: (n: number | null) => formatValue(n),
          },
          {
            title: t('detail.prov.population'),
            dataIndex: 'populationBasis',
            render: (basis: string) =>
              (POPULATION_BASES as readonly string[]).includes(basis)
                ? t(`population.${basis as (typeof POPULATION_BASES)[number]}`)
                : basis,
          },
          {
            title: t('detail.prov.period'),
            key: 'period',
            render: (_, v) => `${v.period.from} – ${v.period.to}`,
          },
          {
            title: t('detail.prov.definition'),
            key: 'version',
            render: (_, v) => `v${v.definition.version}`,
          },
          {
            title: t('detail.prov.source'),
            key: 'used',
            render: (_, v) => {
              const source = used(v.year);
              return source ? t(`detail.prov.${source}`) : '';
            },
          },
        ]}
      />
    </Flex>
  );
}
