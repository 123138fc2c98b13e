import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useCurrentUser } from '../identity/hooks.ts';
import { itemPath } from '../plan/versionRules.ts';
import { useActionPlaces } from './actionPlaces.ts';
import { useProjectLinks } from './hooks.ts';
import { canImportProjects } from './policy.ts';

/** The plan actions this project was accepted as contributing to. */
export function LinkedActions({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const links = useProjectLinks({ projectId, status: 'accepted', pageSize: 100 });
  const hasLinks = (links.data?.items.length ?? 0) > 0;
  const places = useActionPlaces(hasLinks);
  return (
    <section aria-labelledby="project-links" className="mb-4">
      <h2 id="project-links" className="h4">
        {t('projects.links.title')}
      </h2>
      {links.isPending ? <Loading /> : null}
      {links.isError ? (
        <ErrorState error={links.error} onRetry={() => void links.refetch()} />
      ) : null}
      {links.data && !hasLinks ? <p>{t('projects.links.none')}</p> : null}
      {hasLinks ? (
        <ul className="mp-linked-actions" data-testid="project-linked-actions">
          {links.data!.items.map((link) => {
            const place = places.get(link.actionKey);
            const title = link.actionTitle ?? t('projects.links.untitled');
            return (
              <li key={link.actionKey}>
                {place ? (
                  <Link
                    to={itemPath(place.slug, place.number, { kind: 'action', key: link.actionKey })}
                  >
                    {title}
                  </Link>
                ) : (
                  title
                )}
                {place ? <span className="d-block small">{place.planTitle}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {canImportProjects(user) ? (
        <p className="small">
          <Link to="/admin/collegamenti">{t('projects.links.reviewLink')}</Link>
        </p>
      ) : null}
    </section>
  );
}
