import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { API_BASE, withQuery } from '../../app/api.ts';
import { toPage, useSearchState } from '../../app/searchState.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { DownloadButton } from '../../ui/DownloadButton.tsx';
import { Pagination, PastLastPage } from '../../ui/Pagination.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useCurrentUser } from '../identity/hooks.ts';
import { useProjects } from './hooks.ts';
import { useMoney } from './money.ts';
import { canEnterProjects } from './policy.ts';
import {
  filterOf,
  hasFilters,
  projectDefaults,
  ProjectFilters,
  sortOf,
} from './ProjectFilters.tsx';
import { PageBreadcrumb } from '../../ui/PageBreadcrumb.tsx';
import { ProjectsNav } from './ProjectsNav.tsx';
import { ComuniNames, MissionCode } from './ProjectTexts.tsx';
import {
  exportFormats,
  type ProjectFilter,
  type ProjectSort,
  type ProjectSummary,
} from './types.ts';
import './projects.css';

const PAGE_SIZE = 25;

/** `/progetti`: every project on the territory, searched and filtered from the URL. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('projects.explorer.title'));
  const user = useCurrentUser();
  const [filters, setFilters] = useSearchState(projectDefaults);
  const page = toPage(filters.page);
  const filter = filterOf(filters);
  const projects = useProjects({ ...filter, sort: sortOf(filters), page, pageSize: PAGE_SIZE });
  const filtered = hasFilters(filters);

  return (
    <>
      <PageBreadcrumb current={t('nav.projects')} />
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <h1>{t('projects.explorer.title')}</h1>
        {canEnterProjects(user) ? (
          <Link className="btn btn-primary btn-sm" to="/progetti/nuovo">
            {t('projects.form.newTitle')}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t('projects.explorer.lead')}</p>
      <ProjectsNav />
      <ProjectFilters filters={filters} onChange={setFilters} />
      <div
        aria-live="polite"
        className="d-flex flex-wrap justify-content-between align-items-center gap-2 my-3"
      >
        {projects.data ? (
          <p className="fw-semibold mb-0" data-testid="projects-count">
            {filtered
              ? t('projects.explorer.found', { count: projects.data.total })
              : t('projects.explorer.total', { count: projects.data.total })}
          </p>
        ) : null}
      </div>
      {projects.data && projects.data.total > 0 ? (
        <ExportLinks filter={filter} sort={sortOf(filters)} />
      ) : null}
      {projects.isPending ? <Loading /> : null}
      {projects.isError ? (
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
      ) : null}
      {projects.data && projects.data.items.length === 0 && projects.data.total > 0 ? (
        <EmptyState>
          <PastLastPage onFirstPage={() => setFilters({ page: '1' })} />
        </EmptyState>
      ) : null}
      {projects.data && projects.data.total === 0 ? (
        <EmptyState>
          {filtered ? t('projects.explorer.empty') : t('projects.explorer.none')}
        </EmptyState>
      ) : null}
      {projects.data && projects.data.items.length > 0 ? (
        <>
          <ProjectsTable items={projects.data.items} busy={projects.isFetching} />
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={projects.data.total}
            onChange={(next) => setFilters({ page: String(next) })}
          />
        </>
      ) : null}
    </>
  );
}

/** Downloads of the projects the filters in force select. */
function ExportLinks({ filter, sort }: { filter: ProjectFilter; sort: ProjectSort }) {
  const { t } = useTranslation();
  return (
    <div className="d-flex flex-wrap align-items-center gap-2 mb-3" data-testid="projects-export">
      <span className="small fw-semibold" id="export-label">
        {t('projects.export.label')}
      </span>
      <ul className="list-inline mb-0 d-flex flex-wrap gap-2" aria-labelledby="export-label">
        {exportFormats.map((format) => (
          <li key={format}>
            <DownloadButton
              href={withQuery(`${API_BASE}/projects/export`, { ...filter, sort, format })}
            >
              {t(`projects.export.${format}`)}
            </DownloadButton>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ProjectsTable({ items, busy }: { items: ProjectSummary[]; busy: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Table responsive striped aria-busy={busy} className="mp-projects-table">
      <caption className="visually-hidden">{t('projects.explorer.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('projects.fields.title')}</th>
          <th scope="col">{t('projects.fields.classification')}</th>
          <th scope="col">{t('projects.fields.implementer')}</th>
          <th scope="col">{t('projects.fields.comuni')}</th>
          <th scope="col" className="text-end">
            {t('projects.fields.fundingPnrr')}
          </th>
          <th scope="col" className="text-end">
            {t('projects.fields.fundingTotal')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((project) => (
          <tr key={project.id}>
            <th scope="row" className="mp-project-title-cell">
              <Link to={`/progetti/${project.id}`}>{project.title}</Link>
              <span className="d-block small fw-normal">
                {t('projects.fields.cup')} <code>{project.cup}</code>
              </span>
            </th>
            <td className="text-nowrap">
              {project.mission ? <MissionCode code={project.mission} /> : null}
              {project.measureCode ? (
                <span className="d-block small">{project.measureCode}</span>
              ) : null}
              {!project.mission && !project.measureCode ? project.programme : null}
            </td>
            <td className="small">{project.implementer ?? '—'}</td>
            <td className="small">
              <ComuniNames comuni={project.comuni} />
            </td>
            <td className="text-end text-nowrap">{money.eur(project.fundingPnrr)}</td>
            <td className="text-end text-nowrap">{money.eur(project.fundingTotal)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
