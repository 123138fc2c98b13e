import { Table } from 'design-react-kit';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format.ts';
import { Pagination } from '../../../ui/Pagination.tsx';
import { EmptyState, ErrorState, Loading } from '../../../ui/QueryStates.tsx';
import { useImports } from '../hooks.ts';
import { ImportReportView } from './ImportReportView.tsx';

const PAGE_SIZE = 20;

/** Every release imported, newest first; each row opens its full report. */
export function ImportHistory() {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const imports = useImports(page);
  return (
    <section aria-labelledby="import-history">
      <h2 id="import-history" className="h4">
        {t('projects.import.history.title')}
      </h2>
      {imports.isPending ? <Loading /> : null}
      {imports.isError ? (
        <ErrorState error={imports.error} onRetry={() => void imports.refetch()} />
      ) : null}
      {imports.data && imports.data.items.length === 0 ? (
        <EmptyState>{t('projects.import.history.empty')}</EmptyState>
      ) : null}
      {imports.data && imports.data.items.length > 0 ? (
        <>
          <Table responsive aria-busy={imports.isFetching} data-testid="import-history">
            <caption className="visually-hidden">{t('projects.import.history.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.import.history.file')}</th>
                <th scope="col">{t('projects.import.history.kind')}</th>
                <th scope="col">{t('projects.import.history.importedAt')}</th>
                <th scope="col" className="text-end">
                  {t('projects.import.report.rowsRead')}
                </th>
                <th scope="col" className="text-end">
                  {t('projects.import.report.created')}
                </th>
                <th scope="col" className="text-end">
                  {t('projects.import.report.updated')}
                </th>
                <th scope="col" className="text-end">
                  {t('projects.import.report.rejected')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('projects.import.history.report')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.data.items.map((release) => {
                const expanded = open === release.id;
                const detailsId = `import-${release.id}`;
                const report = release.report ?? {};
                return (
                  <Fragment key={release.id}>
                    <tr>
                      {/* The release date under the name: a column of its own made the
                            table wider than the page beside the admin menu at 1280 px. */}
                      <th scope="row" className="fw-normal mp-file-name">
                        {release.fileName}
                        {release.releaseDate ? (
                          <span className="d-block small">
                            {t('projects.import.history.releasedOn', {
                              date: format.date(release.releaseDate),
                            })}
                          </span>
                        ) : null}
                      </th>
                      <td>{t(`projects.kinds.${release.kind}`, { defaultValue: release.kind })}</td>
                      <td className="text-nowrap">{format.dateTime(release.importedAt)}</td>
                      <td className="text-end">{format.integer(report.rowsRead)}</td>
                      <td className="text-end">{format.integer(report.created)}</td>
                      <td className="text-end">{format.integer(report.updated)}</td>
                      <td className="text-end">{format.integer(report.rejected)}</td>
                      <td>
                        <button
                          type="button"
                          className="btn btn-outline-primary btn-xs"
                          aria-expanded={expanded}
                          aria-controls={detailsId}
                          onClick={() => setOpen(expanded ? null : release.id)}
                        >
                          {expanded
                            ? t('projects.import.history.hide')
                            : t('projects.import.history.show')}
                          <span className="visually-hidden"> {release.fileName}</span>
                        </button>
                      </td>
                    </tr>
                    <tr id={detailsId} hidden={!expanded}>
                      {expanded ? (
                        <td colSpan={8} className="bg-light">
                          <ImportReportView report={report} />
                        </td>
                      ) : null}
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </Table>
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={imports.data.total}
            onChange={setPage}
          />
        </>
      ) : null}
    </section>
  );
}
