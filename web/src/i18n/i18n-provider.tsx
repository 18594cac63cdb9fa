import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import antdZhCN from 'antd/locale/zh_CN';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, LANGUAGES, type Language } from './context';
import { en } from './en';
import { translate, type Messages } from './translate';
import { zhCN } from './zh-cn';

const catalogs: Record<Language, { messages: Messages; antd: typeof enUS }> = {
  'zh-CN': { messages: zhCN, antd: antdZhCN },
  en: { messages: en, antd: enUS },
};
const storageKey = 'weijian.lang';

function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  // Chinese by default: the commission's staff read Chinese; English is a choice, remembered per browser.
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const setLang = useCallback((next: Language) => {
    localStorage.setItem(storageKey, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo(() => {
    const { messages } = catalogs[lang];
    return {
      lang,
      setLang,
      t: (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
        translate(messages, key, params),
    };
  }, [lang, setLang]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={catalogs[lang].antd} theme={{ token: { colorPrimary: '#0b6e4f' } }}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
