import { lazy, Suspense, useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { Figures } from '../../ui/Figures.tsx';
import { RadioGroup } from '../../ui/fields.tsx';
import { ErrorState, Loading } from '../../ui/QueryStates.tsx';
import type { MapMetric } from './charts/ComuniMap.tsx';
import { useGeoComuni, useGeoZones, useMetro } from './hooks.ts';
import type { ComuneFeatureProperties } from './types.ts';

// ECharts is the heaviest dependency: fetch it after the page's text is on screen.
const ComuniMap = lazy(() =>
  import('./charts/ComuniMap.tsx').then((module) => ({ default: module.ComuniMap })),
);

export default function HomePage() {
  const { t } = useTranslation();
  const metro = useMetro();
  useDocumentTitle(t('home.documentTitle'));
  return (
    <>
      <h1>{metro.data?.name ?? t('app.institution')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <MetroFigures />
      <MapSection />
    </>
  );
}

function MetroFigures() {
  const { t } = useTranslation();
  const format = useFormat();
  const metro = useMetro();
  if (metro.isPending) return <Loading />;
  if (metro.isError) return <ErrorState error={metro.error} onRetry={() => void metro.refetch()} />;
  const figures = [
    { label: t('home.figures.comuni'), value: format.integer(metro.data.comuniCount) },
    { label: t('home.figures.population'), value: format.integer(metro.data.population) },
    { label: t('home.figures.area'), value: `${format.integer(metro.data.areaKm2)} km²` },
    { label: t('home.figures.zones'), value: format.integer(metro.data.zonesCount) },
  ];
  return (
    <section aria-labelledby="figures-title" className="mb-5">
      <h2 id="figures-title" className="visually-hidden">
        {t('home.figures.title')}
      </h2>
      <Figures items={figures} />
    </section>
  );
}

function MapSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const geo = useGeoComuni();
  const zones = useGeoZones();
  const [metric, setMetric] = useState<MapMetric>('population');
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const onSelect = useCallback((code: string) => navigate(`/comuni/${code}`), [navigate]);

  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">{t('home.map.title')}</h2>
      <p>{t('home.map.intro')}</p>
      <div className="d-flex flex-wrap align-items-end justify-content-between gap-3 mb-3">
        <RadioGroup
          legend={t('home.map.colourBy')}
          name="map-metric"
          inline
          value={metric}
          onChange={(value) => setMetric(value as MapMetric)}
          options={[
            { value: 'population', label: t('home.metric.population') },
            { value: 'density', label: t('home.metric.density') },
          ]}
        />
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((value) => !value)}
        >
          {showTable ? t('home.map.hideTable') : t('home.map.showTable')}
        </button>
      </div>
      {geo.isPending ? <Loading label={t('home.map.loading')} /> : null}
      {geo.isError ? <ErrorState error={geo.error} onRetry={() => void geo.refetch()} /> : null}
      {geo.data ? (
        <>
          <Suspense fallback={<Loading label={t('home.map.loading')} />}>
            <ComuniMap
              comuni={geo.data}
              zones={zones.data}
              metric={metric}
              onSelect={onSelect}
              label={t('home.map.ariaLabel', {
                count: geo.data.features.length,
                metric: t(`home.metric.${metric}`).toLowerCase(),
              })}
            />
          </Suspense>
          <p className="small text-muted mt-2">{t('home.map.hint')}</p>
          <div id={tableId} hidden={!showTable}>
            {showTable ? (
              <ComuniTable comuni={geo.data.features.map((feature) => feature.properties)} />
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}

/** The map's data as a table: the way in for keyboard and screen-reader users. */
function ComuniTable({ comuni }: { comuni: ComuneFeatureProperties[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const sorted = [...comuni].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  return (
    <DataTable
      caption={t('home.map.tableCaption', { count: comuni.length })}
      rows={sorted}
      rowKey={(comune) => comune.istatCode}
      columns={[
        {
          header: t('comune.name'),
          cell: (comune) => <Link to={`/comuni/${comune.istatCode}`}>{comune.name}</Link>,
        },
        {
          header: t('comune.population'),
          numeric: true,
          cell: (comune) => format.integer(comune.population),
        },
        {
          header: t('comune.densityWithUnit'),
          numeric: true,
          cell: (comune) => format.integer(comune.density),
        },
        { header: t('comune.zone'), cell: (comune) => comune.zoneName ?? t('comune.noZone') },
      ]}
    />
  );
}
