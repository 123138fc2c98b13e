import { useTranslation } from 'react-i18next';
import { PageBreadcrumb, type BreadcrumbProps } from '../../ui/PageBreadcrumb.tsx';

/** Home / Piano strategico / …trail / current page. */
export function PlanBreadcrumb({ current, trail = [] }: BreadcrumbProps) {
  const { t } = useTranslation();
  return (
    <PageBreadcrumb current={current} trail={[{ to: '/piano', label: t('nav.plan') }, ...trail]} />
  );
}
