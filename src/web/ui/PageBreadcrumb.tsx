import { Breadcrumb, BreadcrumbItem } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface BreadcrumbStep {
  to: string;
  label: string;
}

export interface BreadcrumbProps {
  current: string;
  trail?: BreadcrumbStep[];
}

/** Home / …trail / current page: the one breadcrumb of the app (not printed). */
export function PageBreadcrumb({ current, trail = [] }: BreadcrumbProps) {
  const { t } = useTranslation();
  return (
    <Breadcrumb aria-label={t('breadcrumb.label')} className="mp-no-print">
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
