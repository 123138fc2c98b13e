import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { useMoney } from './money.ts';
import { Amount } from './ProjectTexts.tsx';
import type { Indicator, Project } from './types.ts';

/** What has been paid and what the project has achieved, when those releases were imported. */
export function ProjectProgress({ project }: { project: Project }) {
  const { payments, indicators } = project;
  if (!payments && indicators.length === 0) return null;
  return (
    <>
      {payments ? <PaymentsSection project={project} /> : null}
      {indicators.length > 0 ? <IndicatorsSection indicators={indicators} /> : null}
    </>
  );
}

function PaymentsSection({ project }: { project: Project }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const payments = project.payments!;
  const funded = payments.fundingTotal ?? project.funding.total;
  const paidShare =
    payments.paidTotal !== null && funded ? money.percent(payments.paidTotal / funded) : null;
  return (
    <section aria-labelledby="project-payments" className="mb-4">
      <h2 id="project-payments" className="h4">
        {t('projects.payments.title')}
      </h2>
      <dl className="mp-facts" data-testid="project-payments">
        <div className="mp-fact">
          <dt>{t('projects.payments.paidTotal')}</dt>
          <dd>
            <Amount value={payments.paidTotal} />
            {paidShare ? (
              <span className="d-block small">
                {t('projects.payments.share', { share: paidShare })}
              </span>
            ) : null}
          </dd>
        </div>
        <div className="mp-fact">
          <dt>{t('projects.payments.paidPnrr')}</dt>
          <dd>
            <Amount value={payments.paidPnrr} />
          </dd>
        </div>
      </dl>
      {payments.extractedOn ? (
        <p className="small mt-2">
          {t('projects.payments.extractedOn', { date: format.date(payments.extractedOn) })}
        </p>
      ) : null}
    </section>
  );
}

function IndicatorsSection({ indicators }: { indicators: Indicator[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = (n: number | null) =>
    n === null ? t('projects.notStated') : format.decimal(n, Number.isInteger(n) ? 0 : 2);
  return (
    <section aria-labelledby="project-indicators" className="mb-4">
      <h2 id="project-indicators" className="h4">
        {t('projects.indicators.title')}
      </h2>
      <div className="table-responsive">
        <table className="table table-sm" data-testid="project-indicators">
          <caption>{t('projects.indicators.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projects.indicators.indicator')}</th>
              <th scope="col" className="text-end">
                {t('projects.indicators.planned')}
              </th>
              <th scope="col" className="text-end">
                {t('projects.indicators.achieved')}
              </th>
              <th scope="col">{t('projects.indicators.when')}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator) => (
              <tr key={`${indicator.code}-${indicator.year}-${indicator.month}`}>
                <th scope="row" className="fw-normal">
                  {indicator.description}
                  <span className="d-block small">
                    <code>{indicator.code}</code>
                    {indicator.unit ? ` · ${indicator.unit}` : null}
                    {indicator.kind ? ` · ${indicator.kind}` : null}
                  </span>
                </th>
                <td className="text-end">{value(indicator.planned)}</td>
                <td className="text-end">{value(indicator.achieved)}</td>
                <td className="text-nowrap">
                  {[indicator.month, indicator.year].filter(Boolean).join(' ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
