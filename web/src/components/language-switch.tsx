import { Segmented } from 'antd';
import { useI18n } from '../i18n/context';
import type { Language } from '../i18n/context';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Language>
      size="small"
      value={lang}
      onChange={setLang}
      aria-label={t('app.language')}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
