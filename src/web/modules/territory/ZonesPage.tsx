import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { ListTable } from '../../ui/ListTable.tsx';
import { PageBreadcrumb } from '../../ui/PageBreadcrumb.tsx';
import { QueryList } from '../../ui/QueryList.tsx';
import { Loading } from '../../ui/QueryStates.tsx';
import { useFigureColumns } from './figureColumns.ts';
import { useZones } from './hooks.ts';
import type { Zone } from './types.ts';
import { ZoneConfidenceBadge } from './ZoneConfidenceBadge.tsx';

const ZonesPopulationChart = lazy(() =>
  import('./charts/ZonesPopulationChart.tsx').then((module) => ({
    default: module.ZonesPopulationChart,
  })),
);

export default function ZonesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const zones = useZones();
  const figures = useFigureColumns<Zone>(t('zones.residents'));
  useDocumentTitle(t('zones.title'));

  return (
    <>
      <PageBreadcrumb current={t('nav.zones')} />
      <h1>{t('zones.title')}</h1>
      <p className="lead">{t('zones.lead')}</p>
      <QueryList query={zones} items={zones.data} empty={t('zones.empty')}>
        {(items) => (
          <>
            <ListTable
              caption={t('zones.tableCaption')}
              rows={items}
              rowKey={(zone) => zone.id}
              columns={[
                {
                  header: t('zones.name'),
                  cell: (zone) => <Link to={`/zone/${zone.id}`}>{zone.name}</Link>,
                },
                {
                  header: t('zones.vision'),
                  className: 'fst-italic',
                  cell: (zone) => zone.vision ?? '—',
                },
                {
                  header: t('zones.comuni'),
                  numeric: true,
                  cell: (zone) => format.integer(zone.comuniCount),
                },
                ...figures,
                {
                  header: t('zones.membership'),
                  cell: (zone) => (
                    <ZoneConfidenceBadge confidence={zone.membershipConfidence} subject="zone" />
                  ),
                },
              ]}
            />
            <section aria-labelledby="zones-chart-title" className="mt-5">
              <h2 id="zones-chart-title" className="h4">
                {t('zones.chartTitle')}
              </h2>
              <Suspense fallback={<Loading />}>
                <ZonesPopulationChart zones={items} label={t('zones.chartLabel')} />
              </Suspense>
            </section>
          </>
        )}
      </QueryList>
    </>
  );
}
