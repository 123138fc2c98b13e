import { Breadcrumb, BreadcrumbItem } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Home / Progetti e PNRR / …trail / current page. */
export function ProjectsBreadcrumb({
  current,
  trail = [],
}: {
  current: string;
  trail?: { to: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <Breadcrumb aria-label={t('breadcrumb.label')}>
      <BreadcrumbItem>
        <Link to="/">{t('nav.home')}</Link>
        <span className="separator">/</span>
      </BreadcrumbItem>
      {trail.map((step) => (
        <BreadcrumbItem key={step.to}>
          <Link to={step.to}>{step.label}</Link>
          <span className="separator">/</span>
        </BreadcrumbItem>
      ))}
      <BreadcrumbItem active aria-current="page">
        {current}
      </BreadcrumbItem>
    </Breadcrumb>
  );
}
