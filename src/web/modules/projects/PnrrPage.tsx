import { Button } from 'design-react-kit';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { useSearchState } from '../../app/searchState.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { Figures } from '../../ui/Figures.tsx';
import { RadioGroup, SelectField } from '../../ui/fields.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { allMissions } from '../plan/types.ts';
import { useGeoComuni, useGeoZones } from '../territory/hooks.ts';
import type { ZoneMetric } from './charts/ZonesAllocationChart.tsx';
import { usePnrrAnalytics } from './hooks.ts';
import { MeasureSelect } from './MeasureSelect.tsx';
import { useMoney } from './money.ts';
import { ComuniAllocationTable, SourcesList, ZonesAllocationTable } from './PnrrTables.tsx';
import { PageBreadcrumb } from '../../ui/PageBreadcrumb.tsx';
import { PnrrConcentration } from './PnrrConcentration.tsx';
import { ProjectsNav } from './ProjectsNav.tsx';
import type { Analytics } from './types.ts';
import { WithTable } from './WithTable.tsx';
import './projects.css';
import { missionOptions } from '../plan/missionNames.ts';

// ECharts comes after the figures and the text are on screen.
const PerResidentMap = lazy(() =>
  import('./charts/PerResidentMap.tsx').then((module) => ({ default: module.PerResidentMap })),
);
const ZonesAllocationChart = lazy(() =>
  import('./charts/ZonesAllocationChart.tsx').then((module) => ({
    default: module.ZonesAllocationChart,
  })),
);

const defaults = { mission: '', measure: '' };

/** `/pnrr`: where the PNRR money goes on the territory, per resident, by zone, how evenly. */
export default function PnrrPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('projects.pnrr.title'));
  const [filters, setFilters] = useSearchState(defaults);
  const mission = (allMissions as readonly string[]).includes(filters.mission)
    ? filters.mission
    : '';
  const analytics = usePnrrAnalytics({
    mission: mission || undefined,
    measure: filters.measure || undefined,
  });
  const filtered = mission !== '' || filters.measure !== '';

  return (
    <>
      <PageBreadcrumb
        current={t('projects.pnrr.title')}
        trail={[{ to: '/progetti', label: t('nav.projects') }]}
      />
      <h1>{t('projects.pnrr.title')}</h1>
      <p className="lead">{t('projects.pnrr.lead')}</p>
      <ProjectsNav />
      <form
        role="search"
        aria-label={t('projects.pnrr.filters')}
        className="row g-3 mp-filters mb-3"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="col-12 col-lg-4">
          <SelectField
            label={t('projects.filters.mission')}
            value={mission}
            onChange={(next) =>
              setFilters({
                mission: next,
                ...(next && !filters.measure.startsWith(`${next}C`) ? { measure: '' } : {}),
              })
            }
            emptyLabel={t('projects.filters.allMissions')}
            options={missionOptions(t)}
          />
        </div>
        <div className="col-12 col-lg-8">
          <MeasureSelect
            label={t('projects.filters.measure')}
            mission={mission}
            value={filters.measure}
            onChange={(measure) => setFilters({ measure })}
            emptyLabel={t('projects.filters.allMeasures')}
          />
        </div>
        {filtered ? (
          <div className="col-12">
            <Button
              type="button"
              color="secondary"
              outline
              size="xs"
              onClick={() => setFilters({ ...defaults })}
            >
              {t('projects.filters.reset')}
            </Button>
          </div>
        ) : null}
      </form>
      {analytics.isPending ? <Loading /> : null}
      {analytics.isError ? (
        <ErrorState error={analytics.error} onRetry={() => void analytics.refetch()} />
      ) : null}
      {analytics.data ? (
        <div aria-busy={analytics.isFetching}>
          <Headline analytics={analytics.data} />
          {analytics.data.totals.allocatedEur === 0 ? (
            <EmptyState>
              {filtered ? t('projects.pnrr.emptyFiltered') : t('projects.pnrr.empty')}
            </EmptyState>
          ) : (
            <>
              <MapSection analytics={analytics.data} />
              <ZonesSection analytics={analytics.data} />
              <PnrrConcentration analytics={analytics.data} />
            </>
          )}
          <SourcesList sources={analytics.data.sources} />
        </div>
      ) : null}
    </>
  );
}

function Headline({ analytics }: { analytics: Analytics }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const { totals } = analytics;
  return (
    <section aria-labelledby="pnrr-figures" className="mb-4">
      <h2 id="pnrr-figures" className="visually-hidden">
        {t('projects.pnrr.figures.title')}
      </h2>
      <Figures
        items={[
          { label: t('projects.pnrr.figures.allocated'), value: money.short(totals.allocatedEur) },
          { label: t('projects.pnrr.figures.perResident'), value: money.cents(totals.perResident) },
          { label: t('projects.pnrr.figures.projects'), value: format.integer(totals.projects) },
          { label: t('projects.pnrr.figures.outside'), value: money.short(totals.outsideEur) },
        ]}
      />
      <p className="small">
        {t('projects.pnrr.figures.note', {
          comuni: totals.comuniWithProjects,
          total: analytics.comuni.length,
        })}
      </p>
    </section>
  );
}

function MapSection({ analytics }: { analytics: Analytics }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const geo = useGeoComuni();
  const zones = useGeoZones();
  const onSelect = useCallback((code: string) => navigate(`/comuni/${code}`), [navigate]);
  const zoneNames = useMemo(
    () => new Map(analytics.zones.map((zone) => [zone.id, zone.name])),
    [analytics.zones],
  );
  return (
    <section aria-labelledby="pnrr-map-title" className="mb-5">
      <h2 id="pnrr-map-title">{t('projects.pnrr.map.title')}</h2>
      <p>{t('projects.pnrr.map.intro')}</p>
      {geo.isPending ? <Loading label={t('home.map.loading')} /> : null}
      {geo.isError ? <ErrorState error={geo.error} onRetry={() => void geo.refetch()} /> : null}
      {geo.data ? (
        <WithTable
          table={<ComuniAllocationTable comuni={analytics.comuni} zoneNames={zoneNames} />}
        >
          <Suspense fallback={<Loading label={t('home.map.loading')} />}>
            <PerResidentMap
              comuni={geo.data}
              zones={zones.data}
              allocations={analytics.comuni}
              zoneNames={zoneNames}
              onSelect={onSelect}
              label={t('projects.pnrr.map.ariaLabel', { count: geo.data.features.length })}
            />
          </Suspense>
          <p className="small text-muted mt-2 mb-0">{t('projects.pnrr.map.hint')}</p>
        </WithTable>
      ) : null}
    </section>
  );
}

function ZonesSection({ analytics }: { analytics: Analytics }) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<ZoneMetric>('perResident');
  return (
    <section aria-labelledby="pnrr-zones-title" className="mb-5">
      <h2 id="pnrr-zones-title">{t('projects.pnrr.zones.title')}</h2>
      <p>{t('projects.pnrr.zones.intro')}</p>
      <RadioGroup
        legend={t('projects.pnrr.zones.show')}
        name="zone-metric"
        inline
        value={metric}
        onChange={(value) => setMetric(value as ZoneMetric)}
        options={[
          { value: 'perResident', label: t('projects.pnrr.perResident') },
          { value: 'eur', label: t('projects.pnrr.allocated') },
        ]}
      />
      <WithTable table={<ZonesAllocationTable zones={analytics.zones} />}>
        <Suspense fallback={<Loading />}>
          <ZonesAllocationChart
            zones={analytics.zones}
            metric={metric}
            label={t('projects.pnrr.zones.ariaLabel', {
              metric: t(
                metric === 'eur' ? 'projects.pnrr.allocated' : 'projects.pnrr.perResident',
              ).toLowerCase(),
            })}
          />
        </Suspense>
      </WithTable>
    </section>
  );
}
