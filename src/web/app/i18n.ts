import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import it from '../locales/it.json';

export const languages = ['it', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'metroplan.lang';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'it';
  } catch {
    return 'it';
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** Italian first (the institution's language), English second; the choice survives reloads. */
export function setupI18n(): typeof i18next {
  const language = storedLanguage();
  void i18next.use(initReactI18next).init({
    resources: { it: { translation: it }, en: { translation: en } },
    lng: language,
    fallbackLng: 'it',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // `{{count, number}}` in the texts: grouped as the pages' own figures are (format.ts).
  i18next.services.formatter?.add('number', formatNumberInText);
  document.documentElement.lang = language;
  i18next.on('languageChanged', applyLanguage);
  return i18next;
}

/**
 * Thousands grouped from four digits on: 4.733 beside 33.042 in a column, as ISTAT's tables
 * write them. Italian's own default leaves a four-digit number ungrouped (4733), so a column of
 * populations or counts mixed the two forms. (An engine without the option groups as before.)
 */
const grouping = { useGrouping: 'always' } as unknown as Intl.NumberFormatOptions;

/** A number format of the interface: thousands grouped as `grouping` says. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}) {
  return new Intl.NumberFormat(locale, { ...grouping, ...options });
}

/** i18next's `number` format (`{{count, number}}`), grouped as the pages' own figures. */
export function formatNumberInText(
  value: unknown,
  language: string | undefined,
  options?: Intl.NumberFormatOptions,
): string {
  return numberFormat(localeOf(language ?? 'it'), options).format(value as number);
}

/** BCP 47 locale used by Intl for each UI language. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'it-IT';
}
