import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf, numberFormat } from '../../app/i18n.ts';

export interface MoneyFormatters {
  /** Whole euro: "1.390.586.608 €"; `null` (not stated by the release) is "n.d.". */
  eur(value: number | null | undefined): string;
  /** Euro with cents, for amounts per resident: "984,76 €". */
  cents(value: number | null | undefined): string;
  /** As the release states it: whole euro, or with cents when it has them. */
  exact(value: number | null | undefined): string;
  /** Headline amounts: "1,7 Mld €" from a million up, whole euro below. */
  short(value: number | null | undefined): string;
  /** A share of 1 as a percentage: "1,2%". */
  percent(value: number | null | undefined): string;
  /** What a missing amount reads as. */
  missing: string;
}

/** Amounts in euro in the UI language: Italian puts the sign after the number. */
export function useMoney(): MoneyFormatters {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const missing = t('projects.notStated');
  return useMemo(() => {
    const whole = numberFormat(locale, {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    });
    const cents = numberFormat(locale, {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    const compact = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'EUR',
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const or = (format: (value: number) => string) => (value: number | null | undefined) =>
      value == null ? missing : format(value);
    return {
      eur: or((value) => whole.format(value)),
      cents: or((value) => cents.format(value)),
      exact: or((value) => (Number.isInteger(value) ? whole : cents).format(value)),
      short: or((value) => (Math.abs(value) >= 1e6 ? compact : whole).format(value)),
      percent: or((value) => percent.format(value)),
      missing,
    };
  }, [locale, missing]);
}
