import { Table } from 'design-react-kit';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useZones } from './hooks.ts';
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
  useDocumentTitle(t('zones.title'));

  return (
    <>
      <h1>{t('zones.title')}</h1>
      <p className="lead">{t('zones.lead')}</p>
      {zones.isPending ? <Loading /> : null}
      {zones.isError ? (
        <ErrorState error={zones.error} onRetry={() => void zones.refetch()} />
      ) : null}
      {zones.data && zones.data.length === 0 ? <EmptyState>{t('zones.empty')}</EmptyState> : null}
      {zones.data && zones.data.length > 0 ? (
        <>
          <Table responsive striped>
            <caption className="visually-hidden">{t('zones.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('zones.name')}</th>
                <th scope="col">{t('zones.vision')}</th>
                <th scope="col" className="text-end">
                  {t('zones.comuni')}
                </th>
                <th scope="col" className="text-end">
                  {t('zones.residents')}
                </th>
                <th scope="col" className="text-end">
                  {t('comune.areaWithUnit')}
                </th>
                <th scope="col" className="text-end">
                  {t('comune.densityWithUnit')}
                </th>
                <th scope="col">{t('zones.membership')}</th>
              </tr>
            </thead>
            <tbody>
              {zones.data.map((zone) => (
                <tr key={zone.id}>
                  <th scope="row">
                    <Link to={`/zone/${zone.id}`}>{zone.name}</Link>
                  </th>
                  <td className="fst-italic">{zone.vision ?? '—'}</td>
                  <td className="text-end">{format.integer(zone.comuniCount)}</td>
                  <td className="text-end">{format.integer(zone.population)}</td>
                  <td className="text-end">{format.decimal(zone.areaKm2)}</td>
                  <td className="text-end">{format.integer(zone.density)}</td>
                  <td>
                    <ZoneConfidenceBadge confidence={zone.membershipConfidence} subject="zone" />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <section aria-labelledby="zones-chart-title" className="mt-5">
            <h2 id="zones-chart-title" className="h4">
              {t('zones.chartTitle')}
            </h2>
            <Suspense fallback={<Loading />}>
              <ZonesPopulationChart zones={zones.data} label={t('zones.chartLabel')} />
            </Suspense>
          </section>
        </>
      ) : null}
    </>
  );
}
