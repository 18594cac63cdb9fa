import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useI18n } from '../i18n/context';

// The kinds `GET /api/templates/{kind}.xlsx` serves; `all` is every sheet in one workbook.
const KINDS = ['all', 'regions', 'facilities', 'beds', 'staff', 'population', 'childcare'] as const;

export function TemplateLinks() {
  const { t } = useI18n();
  return (
    <Dropdown
      menu={{
        items: KINDS.map((kind) => ({
          key: kind,
          label: (
            <a href={`/api/templates/${kind}.xlsx`} download>
              {t(`template.${kind}`)}
            </a>
          ),
        })),
      }}
    >
      <Button size="small">
        {t('imports.templates')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
