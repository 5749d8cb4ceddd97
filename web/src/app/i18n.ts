import { LOCALES, type Locale } from '@changai/contracts';
import dayjs from 'dayjs';
import i18n from 'i18next';
import 'dayjs/locale/zh-cn';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { configureApiClient } from '../api/client';
import { enUS } from './locales/en-US';
import { zhCN } from './locales/zh-CN';

const STORAGE_KEY = 'changai.locale';

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** dayjs, zod's built-in messages and the page's lang attribute follow the chosen language. */
function applyLocale(locale: Locale) {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  z.config(locale === 'zh-CN' ? z.locales.zhCN() : z.locales.en());
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function currentLocale(): Locale {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

export async function setLocale(locale: Locale) {
  await i18n.changeLanguage(locale);
}

const initial = storedLocale();
i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: [...LOCALES],
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
applyLocale(initial);

i18n.on('languageChanged', (lng) => {
  const locale: Locale = lng === 'en-US' ? 'en-US' : 'zh-CN';
  applyLocale(locale);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
});

configureApiClient({ locale: currentLocale, clientMessage: (code) => i18n.t(`errors.${code}`) });

export { i18n };
