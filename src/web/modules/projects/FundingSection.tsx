import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../app/i18n.ts';
import { Loading } from '../../ui/QueryStates.tsx';
import { fundingBreakdown } from './fundingBreakdown.ts';
import { useMoney } from './money.ts';
import { Amount } from './ProjectTexts.tsx';
import type { Project } from './types.ts';

// ECharts comes after the table, which already carries every figure.
const FundingChart = lazy(() =>
  import('./charts/FundingChart.tsx').then((module) => ({ default: module.FundingChart })),
);

/**
 * Funding by source: a row for each source with an amount, the stated zeros in one line, the
 * sources the release is silent about left out (not stated is not zero), and the total.
 */
export function FundingSection({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const { funding } = project;
  const total = funding.total;
  const { amounts, statedZero, notStated } = useMemo(() => fundingBreakdown(funding), [funding]);
  const bars = useMemo(
    () =>
      amounts
        .filter(({ value }) => value > 0)
        .map(({ source, value }) => ({ label: t(`projects.funding.${source}`), value })),
    [amounts, t],
  );
  const share = (value: number | null) =>
    value === null || !total ? '' : money.percent(value / total);
  const names = new Intl.ListFormat(localeOf(i18n.language), { type: 'conjunction' });
  return (
    <section aria-labelledby="project-funding" className="mb-4">
      <h2 id="project-funding" className="h4">
        {t('projects.funding.title')}
      </h2>
      {amounts.length === 0 ? (
        <p data-testid="project-funding-none">{t('projects.funding.none')}</p>
      ) : null}
      {amounts.length > 0 || total !== null ? (
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
            {amounts.length > 0 ? (
              <tbody>
                {amounts.map(({ source, value }) => (
                  <tr key={source}>
                    <th scope="row" className="fw-normal">
                      {t(`projects.funding.${source}`)}
                    </th>
                    <td className="text-end text-nowrap">
                      <Amount value={value} />
                    </td>
                    <td className="text-end">{share(value)}</td>
                  </tr>
                ))}
              </tbody>
            ) : null}
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
      ) : null}
      {statedZero.length > 0 ? (
        <p className="small" data-testid="project-funding-zero">
          {t('projects.funding.statedZero', {
            zero: money.eur(0),
            sources: names.format(statedZero.map((source) => t(`projects.funding.${source}`))),
          })}
        </p>
      ) : null}
      {notStated.length > 0 ? <p className="small">{t('projects.funding.notStatedNote')}</p> : null}
      {bars.length > 0 ? (
        <Suspense fallback={<Loading />}>
          <FundingChart bars={bars} label={t('projects.funding.chartLabel')} />
        </Suspense>
      ) : null}
    </section>
  );
}
