import { useTranslation } from 'react-i18next';

/** Said wherever example goals and actions are shown: they are not the plan's real text. */
export function ExampleBanner({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <div className="callout warning mp-example-banner" role="note">
      <div className="callout-inner">
        <div className="callout-title">{t('plan.examples.title')}</div>
        <p className="mb-0">{t('plan.examples.body', { count })}</p>
      </div>
    </div>
  );
}
