import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf, numberFormat } from './i18n.ts';

export interface Formatters {
  integer(value: number | null | undefined): string;
  decimal(value: number | null | undefined, digits?: number): string;
  dateTime(value: string | null | undefined): string;
  date(value: string | null | undefined): string;
}

/**
 * A moment as figures with the full year: 30/11/2026, 13:07. The `short` date style gives
 * 30/11/26 in Italian, an ambiguous year the English UI does not have.
 */
export const dateTimeOptions: Intl.DateTimeFormatOptions = {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

/** Numbers and dates in the UI language: 33.042 in Italian, 33,042 in English. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return useMemo(() => formatters(locale), [locale]);
}

/** The formatters of a locale (`useFormat` gives those of the UI language). */
export function formatters(locale: string): Formatters {
  const integer = numberFormat(locale, { maximumFractionDigits: 0 });
  const dateTime = new Intl.DateTimeFormat(locale, dateTimeOptions);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  // A day without a time (2024-01-10) is that day everywhere: read as midnight UTC and shown in
  // the reader's zone, it would be the day before west of Greenwich.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const missing = '—';
  return {
    integer: (value) => (value == null ? missing : integer.format(value)),
    decimal: (value, digits = 2) =>
      value == null
        ? missing
        : numberFormat(locale, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(value),
    dateTime: (value) => (value ? dateTime.format(new Date(value)) : missing),
    date: (value) =>
      !value
        ? missing
        : calendarDay.test(value)
          ? day.format(new Date(`${value}T00:00:00Z`))
          : date.format(new Date(value)),
  };
}
