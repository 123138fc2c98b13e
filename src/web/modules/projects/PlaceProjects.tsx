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
  const analytics = usePnrrAnalytics();
  return (
    <PlaceProjects
      place={{ comune: code }}
      name={name}
      texts="projects.comune"
      testId="comune-projects"
      allocation={analytics.data?.comuni.find((comune) => comune.istatCode === code)}
      allocationPending={analytics.isPending}
    />
  );
}

/** "Progetti nella zona" on a zone's page: the same, over the comuni of the zone. */
export function ZoneProjects({ id, name }: { id: string; name: string }) {
  const analytics = usePnrrAnalytics();
  return (
    <PlaceProjects
      place={{ zone: id }}
      name={name}
      texts="projects.zone"
      testId="zone-projects"
      allocation={analytics.data?.zones.find((zone) => zone.id === id)}
      allocationPending={analytics.isPending}
    />
  );
}

interface PlaceProjectsProps {
  place: { comune: string } | { zone: string };
  name: string;
  /** Where the place's own texts are: title, allocated, split, all, none. */
  texts: 'projects.comune' | 'projects.zone';
  testId: string;
  /** The place's share of the PNRR money, from the analytics (split among places). */
  allocation: { eur: number; perResident: number | null } | undefined;
  allocationPending: boolean;
}

function PlaceProjects({
  place,
  name,
  texts,
  testId,
  allocation,
  allocationPending,
}: PlaceProjectsProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const projects = useProjects({ ...place, sort: '-pnrr', pageSize: FIRST });
  const explorer = `/progetti?${new URLSearchParams(place).toString()}`;
  const pending = allocationPending ? '…' : '—';
  const titleId = `${testId}-title`;

  return (
    <section aria-labelledby={titleId} className="mt-5" data-testid={testId}>
      <h2 id={titleId} className="h4">
        {t(`${texts}.title`)}
      </h2>
      {projects.isPending ? <Loading /> : null}
      {projects.isError ? (
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
      ) : null}
      {projects.data && projects.data.total === 0 ? <p>{t(`${texts}.none`, { name })}</p> : null}
      {projects.data && projects.data.total > 0 ? (
        <>
          <Figures
            items={[
              {
                label: t('projects.comune.count'),
                value: format.integer(projects.data.total),
              },
              {
                label: t(`${texts}.allocated`),
                value: allocation ? money.short(allocation.eur) : pending,
              },
              {
                label: t('projects.pnrr.perResident'),
                value: allocation ? money.cents(allocation.perResident) : pending,
              },
            ]}
          />
          <p className="small">{t(`${texts}.split`)}</p>
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
            <Link to={explorer}>{t(`${texts}.all`, { count: projects.data.total, name })}</Link>
            <Link to="/pnrr">{t('projects.comune.map')}</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
