import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { Figures } from '../../ui/Figures.tsx';
import { ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useProjects, usePnrrAnalytics } from './hooks.ts';
import { useMoney } from './money.ts';
import './projects.css';

const FIRST = 5;

/** "Progetti nel comune" on the comune's page: how many, how much, the largest first. */
export function ComuneProjects({ code, name }: { code: string; name: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const projects = useProjects({ comune: code, sort: '-pnrr', pageSize: FIRST });
  const analytics = usePnrrAnalytics();
  const allocation = analytics.data?.comuni.find((comune) => comune.istatCode === code);
  const explorer = `/progetti?comune=${code}`;
  const pending = analytics.isPending ? '…' : '—';

  return (
    <section aria-labelledby="comune-projects-title" className="mt-5" data-testid="comune-projects">
      <h2 id="comune-projects-title" className="h4">
        {t('projects.comune.title')}
      </h2>
      {projects.isPending ? <Loading /> : null}
      {projects.isError ? (
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
      ) : null}
      {projects.data && projects.data.total === 0 ? (
        <p>{t('projects.comune.none', { name })}</p>
      ) : null}
      {projects.data && projects.data.total > 0 ? (
        <>
          <Figures
            items={[
              {
                label: t('projects.comune.count'),
                value: format.integer(projects.data.total),
              },
              {
                label: t('projects.comune.allocated'),
                value: allocation ? money.short(allocation.eur) : pending,
              },
              {
                label: t('projects.pnrr.perResident'),
                value: allocation ? money.cents(allocation.perResident) : pending,
              },
            ]}
          />
          <p className="small">{t('projects.comune.split')}</p>
          <h3 className="h6">{t('projects.comune.largest')}</h3>
          <ol className="mp-comune-projects">
            {projects.data.items.map((project) => (
              <li key={project.id}>
                <Link to={`/progetti/${project.id}`}>{project.title}</Link>{' '}
                <span className="small text-nowrap">
                  · {t('projects.fields.fundingPnrr')} {money.eur(project.fundingPnrr)}
                </span>
              </li>
            ))}
          </ol>
          <p className="d-flex flex-wrap gap-3">
            <Link to={explorer}>
              {t('projects.comune.all', { count: projects.data.total, name })}
            </Link>
            <Link to="/pnrr">{t('projects.comune.map')}</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
