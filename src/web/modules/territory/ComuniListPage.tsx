import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toPage, useSearchState } from '../../app/searchState.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { SelectField } from '../../ui/fields.tsx';
import { bindFilters, SearchForm } from '../../ui/FilterForm.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { PageBreadcrumb } from '../../ui/PageBreadcrumb.tsx';
import { Pagination, PastLastPage } from '../../ui/Pagination.tsx';
import { QueryList } from '../../ui/QueryList.tsx';
import { SearchField } from '../../ui/SearchField.tsx';
import { useFigureColumns } from './figureColumns.ts';
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
      <PageBreadcrumb current={t('nav.comuni')} />
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
      <QueryList
        query={comuni}
        items={comuni.data?.items}
        empty={
          comuni.data && comuni.data.total > 0 ? (
            <PastLastPage onFirstPage={() => setFilters({ page: '1' })} />
          ) : (
            t('comuni.empty')
          )
        }
      >
        {(items) => (
          <>
            <ComuniTable items={items} busy={comuni.isFetching} />
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={comuni.data?.total ?? 0}
              onChange={(next) => setFilters({ page: String(next) })}
            />
          </>
        )}
      </QueryList>
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
  const filter = bindFilters(filters, onChange);
  return (
    <SearchForm label={t('comuni.filters')} className="row g-3 mb-2 mp-filters">
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
          {...filter('zone')}
          emptyLabel={t('comuni.allZones')}
          options={(zones.data ?? []).map((zone) => ({ value: zone.id, label: zone.name }))}
        />
      </div>
      <div className="col-12 col-md-4 col-lg-2">
        <SelectField
          label={t('comuni.band')}
          {...filter('band')}
          emptyLabel={t('comuni.allBands')}
          options={populationBands.map((band) => ({ value: band, label: t(`bands.${band}`) }))}
        />
      </div>
      <div className="col-12 col-md-4 col-lg-3">
        <SelectField
          label={t('comuni.sort')}
          {...filter('sort')}
          options={comuniSorts.map((sort) => ({ value: sort, label: t(`sorts.${sort}`) }))}
        />
      </div>
    </SearchForm>
  );
}

function ComuniTable({ items, busy }: { items: ComuneSummary[]; busy: boolean }) {
  const { t } = useTranslation();
  const figures = useFigureColumns<ComuneSummary>(t('comune.population'));
  return (
    <ListTable
      caption={t('comuni.tableCaption')}
      rows={items}
      rowKey={(comune) => comune.istatCode}
      busy={busy}
      columns={[
        {
          header: t('comune.name'),
          cell: (comune) => (
            <>
              <Link to={`/comuni/${comune.istatCode}`}>{comune.name}</Link>
              {comune.isCapoluogo ? (
                <span className="badge mp-badge-neutral ms-2">{t('comune.capoluogo')}</span>
              ) : null}
            </>
          ),
        },
        { header: t('comune.zone'), cell: (comune) => <ZoneOf comune={comune} /> },
        ...figures,
      ]}
    />
  );
}

function ZoneOf({ comune }: { comune: ComuneSummary }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}
