import { useTranslation } from 'react-i18next';
import { cx } from '../../ui/classNames.ts';
import { languages } from '../i18n.ts';

const labels: Record<string, { short: string; long: string }> = {
  it: { short: 'ITA', long: 'Italiano' },
  en: { short: 'ENG', long: 'English' },
};

/** Two toggle buttons, each named in its own language so every reader finds theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="mp-lang-switch btn-group me-2" role="group" aria-label={t('header.language')}>
      {languages.map((language) => {
        const active = i18n.language === language;
        const label = labels[language] ?? { short: language, long: language };
        return (
          <button
            key={language}
            type="button"
            lang={language}
            className={cx('btn btn-sm', active ? 'mp-lang-active' : 'mp-lang-inactive')}
            aria-pressed={active}
            aria-label={label.long}
            onClick={() => void i18n.changeLanguage(language)}
          >
            {label.short}
          </button>
        );
      })}
    </div>
  );
}
