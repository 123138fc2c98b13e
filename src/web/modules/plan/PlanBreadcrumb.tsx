import { useTranslation } from 'react-i18next';
import { PageBreadcrumb, type BreadcrumbStep } from '../../ui/PageBreadcrumb.tsx';

/** Home / Piano strategico / …trail / current page. */
export function PlanBreadcrumb({
  current,
  trail = [],
}: {
  current: string;
  trail?: BreadcrumbStep[];
}) {
  const { t } = useTranslation();
  return (
    <PageBreadcrumb current={current} trail={[{ to: '/piano', label: t('nav.plan') }, ...trail]} />
  );
}
