import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { toPage, useSearchState } from '../../app/searchState.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { SelectField } from '../../ui/fields.tsx';
import { SearchField } from '../../ui/SearchField.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useComuni, useZones } from './hooks.ts';
import {
  comuniSorts,
  populationBands,
  type ComuneSummary,
  type ComuniSort,
  type PopulationBand,
} from './types.ts';
import { ZoneConfidenceBadge } from './ZoneConfidenceBadge.tsx';

const PAGE_SIZE = 25;
const defaults = { q: '', zone: '', band: '', sort: 'name', page: '1' };

export default function ComuniListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('comuni.title'));
  const [filters, setFilters] = useSearchState(defaults);
  const page = toPage(filters.page);
  const sort = (comuniSorts as readonly string[]).includes(filters.sort)
    ? (filters.sort as ComuniSort)
    : 'name';
  const comuni = useComuni({
    q: filters.q.trim() || undefined,
    zone: filters.zone || undefined,
    band: (filters.band || undefined) as PopulationBand | undefined,
    sort,
    page,
    pageSize: PAGE_SIZE,
  });

  return (
    <>
      <h1>{t('comuni.title')}</h1>
      <p className="lead">{t('comuni.lead')}</p>
      <ComuniFilters filters={filters} onChange={setFilters} />
      <div aria-live="polite" className="mb-2">
        {comuni.data ? (
          <p className="fw-semibold mb-0">
            {t('comuni.resultCount', { count: comuni.data.total })}
          </p>
        ) : null}
      </div>
      {comuni.isPending ? <Loading /> : null}
      {comuni.isError ? (
        <ErrorState error={comuni.error} onRetry={() => void comuni.refetch()} />
      ) : null}
      {comuni.data && comuni.data.items.length === 0 ? (
        <EmptyState>{t('comuni.empty')}</EmptyState>
      ) : null}
      {comuni.data && comuni.data.items.length > 0 ? (
        <>
          <ComuniTable items={comuni.data.items} busy={comuni.isFetching} />
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={comuni.data.total}
            onChange={(next) => setFilters({ page: String(next) })}
          />
        </>
      ) : null}
    </>
  );
}

interface ComuniFiltersProps {
  filters: typeof defaults;
  onChange: (patch: Partial<typeof defaults>) => void;
}

function ComuniFilters({ filters, onChange }: ComuniFiltersProps) {
  const { t } = useTranslation();
  const zones = useZones();
  return (
    <form
      role="search"
      aria-label={t('comuni.filters')}
      className="row g-3 mb-2 mp-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="col-12 col-lg-4">
        <SearchField
          label={t('comuni.search')}
          value={filters.q}
          onSearch={(q) => onChange({ q })}
        />
      </div>
      <div className="col-12 col-md-4 col-lg-3">
        <SelectField
          label={t('comuni.zone')}
          value={filters.zone}
          onChange={(zone) => onChange({ zone })}
          emptyLabel={t('comuni.allZones')}
          options={(zones.data ?? []).map((zone) => ({ value: zone.id, label: zone.name }))}
        />
      </div>
      <div className="col-12 col-md-4 col-lg-2">
        <SelectField
          label={t('comuni.band')}
          value={filters.band}
          onChange={(band) => onChange({ band })}
          emptyLabel={t('comuni.allBands')}
          options={populationBands.map((band) => ({ value: band, label: t(`bands.${band}`) }))}
        />
      </div>
      <div className="col-12 col-md-4 col-lg-3">
        <SelectField
          label={t('comuni.sort')}
          value={filters.sort}
          onChange={(sort) => onChange({ sort })}
          options={comuniSorts.map((sort) => ({ value: sort, label: t(`sorts.${sort}`) }))}
        />
      </div>
    </form>
  );
}

function ComuniTable({ items, busy }: { items: ComuneSummary[]; busy: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table responsive striped aria-busy={busy}>
      <caption className="visually-hidden">{t('comuni.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('comune.name')}</th>
          <th scope="col">{t('comune.zone')}</th>
          <th scope="col" className="text-end">
            {t('comune.population')}
          </th>
          <th scope="col" className="text-end">
            {t('comune.areaWithUnit')}
          </th>
          <th scope="col" className="text-end">
            {t('comune.densityWithUnit')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((comune) => (
          <tr key={comune.istatCode}>
            <th scope="row">
              <Link to={`/comuni/${comune.istatCode}`}>{comune.name}</Link>
              {comune.isCapoluogo ? (
                <span className="badge mp-badge-neutral ms-2">{t('comune.capoluogo')}</span>
              ) : null}
            </th>
            <td>
              {comune.zoneId ? (
                <Link to={`/zone/${comune.zoneId}`}>{comune.zoneName}</Link>
              ) : (
                t('comune.noZone')
              )}
              {comune.zoneConfidence === 'inferred' ? (
                <span className="ms-2">
                  <ZoneConfidenceBadge confidence="inferred" subject="comune" />
                </span>
              ) : null}
            </td>
            <td className="text-end">{format.integer(comune.population)}</td>
            <td className="text-end">{format.decimal(comune.areaKm2)}</td>
            <td className="text-end">{format.integer(comune.density)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
