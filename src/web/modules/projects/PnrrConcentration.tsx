import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { Loading } from '../../ui/QueryStates.tsx';
import { useMoney } from './money.ts';
import { LorenzTable } from './PnrrTables.tsx';
import type { Analytics } from './types.ts';
import { WithTable } from './WithTable.tsx';

const LorenzChart = lazy(() =>
  import('./charts/LorenzChart.tsx').then((module) => ({ default: module.LorenzChart })),
);

/** The Gini index, the shares of the small comuni and the Lorenz curve, each explained. */
export function PnrrConcentration({ analytics }: { analytics: Analytics }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const c = analytics.concentration;
  return (
    <section aria-labelledby="pnrr-concentration-title" className="mb-5">
      <h2 id="pnrr-concentration-title">{t('projects.pnrr.concentration.title')}</h2>
      <div className="row g-4">
        <div className="col-12 col-lg-5">
          <dl className="mp-concentration">
            <div>
              <dt>{t('projects.pnrr.concentration.gini')}</dt>
              <dd>
                <span className="mp-figure-value" data-testid="pnrr-gini">
                  {format.decimal(c.gini, 2)}
                </span>
                <span className="d-block small">
                  {t('projects.pnrr.concentration.giniExplain')}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('projects.pnrr.concentration.under5k')}</dt>
              <dd>
                {t('projects.pnrr.concentration.shareSentence', {
                  amount: money.percent(c.shareToComuniUnder5k),
                  population: money.percent(c.populationShareUnder5k),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('projects.pnrr.concentration.under15k')}</dt>
              <dd>
                {t('projects.pnrr.concentration.shareSentence', {
                  amount: money.percent(c.shareToComuniUnder15k),
                  population: money.percent(c.populationShareUnder15k),
                })}
              </dd>
            </div>
          </dl>
          <p className="small">{t('projects.pnrr.concentration.sharesExplain')}</p>
        </div>
        <div className="col-12 col-lg-7">
          <h3 className="h5">{t('projects.pnrr.lorenz.title')}</h3>
          <p className="small">{t('projects.pnrr.lorenz.explain')}</p>
          <WithTable table={<LorenzTable points={c.lorenz} />}>
            <Suspense fallback={<Loading />}>
              <LorenzChart
                points={c.lorenz}
                label={t('projects.pnrr.lorenz.ariaLabel', { gini: format.decimal(c.gini, 2) })}
              />
            </Suspense>
          </WithTable>
        </div>
      </div>
    </section>
  );
}
