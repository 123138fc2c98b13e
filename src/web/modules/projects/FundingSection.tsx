import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/QueryStates.tsx';
import { useMoney } from './money.ts';
import { Amount } from './ProjectTexts.tsx';
import { fundingSources, type Project } from './types.ts';

// ECharts comes after the table, which already carries every figure.
const FundingChart = lazy(() =>
  import('./charts/FundingChart.tsx').then((module) => ({ default: module.FundingChart })),
);

/** Funding by source as a table (n.d. where the release is silent) and as bars. */
export function FundingSection({ project }: { project: Project }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { funding } = project;
  const total = funding.total;
  const bars = useMemo(
    () =>
      fundingSources
        .filter((source) => (funding[source] ?? 0) > 0)
        .map((source) => ({ label: t(`projects.funding.${source}`), value: funding[source]! })),
    [funding, t],
  );
  const share = (value: number | null) =>
    value === null || !total ? '' : money.percent(value / total);
  return (
    <section aria-labelledby="project-funding" className="mb-4">
      <h2 id="project-funding" className="h4">
        {t('projects.funding.title')}
      </h2>
      <div className="table-responsive">
        <table className="table table-sm mp-funding-table" data-testid="project-funding">
          <caption>{t('projects.funding.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projects.funding.source')}</th>
              <th scope="col" className="text-end">
                {t('projects.funding.amount')}
              </th>
              <th scope="col" className="text-end">
                {t('projects.funding.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {fundingSources.map((source) => (
              <tr key={source}>
                <th scope="row" className="fw-normal">
                  {t(`projects.funding.${source}`)}
                </th>
                <td className="text-end text-nowrap">
                  <Amount value={funding[source]} />
                </td>
                <td className="text-end">{share(funding[source])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('projects.funding.total')}</th>
              <td className="text-end text-nowrap fw-bold">
                <Amount value={funding.total} />
              </td>
              <td />
            </tr>
            <tr>
              <th scope="row" className="fw-normal">
                {t('projects.funding.totalPublic')}
              </th>
              <td className="text-end text-nowrap">
                <Amount value={funding.totalPublic} />
              </td>
              <td className="text-end">{share(funding.totalPublic)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="small">{t('projects.funding.notStatedNote')}</p>
      {bars.length > 0 ? (
        <Suspense fallback={<Loading />}>
          <FundingChart bars={bars} label={t('projects.funding.chartLabel')} />
        </Suspense>
      ) : null}
    </section>
  );
}
