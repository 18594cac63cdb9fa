import { TreeSelect } from 'antd';
import type { RegionChoice } from '../format/overview';
import { useI18n } from '../i18n/context';

interface Props {
  choices: RegionChoice[] | undefined;
  value: string | undefined;
  onChange: (code: string) => void;
}

/** County → towns, by 12-digit code; the code shows beside the name, as the statistics tables print it. */
export function RegionTreeSelect({ choices, value, onChange }: Props) {
  const { t } = useI18n();
  const node = (c: RegionChoice): object => ({
    value: c.code,
    title: c.name,
    label: c.name,
    children: c.towns.map(node),
  });
  return (
    <TreeSelect<string>
      data-testid="region-select"
      aria-label={t('overview.region')}
      placeholder={t('overview.region')}
      style={{ width: 260, maxWidth: '100%' }}
      loading={!choices}
      value={value}
      onChange={onChange}
      treeData={choices?.map(node)}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
      listHeight={360}
    />
  );
}
