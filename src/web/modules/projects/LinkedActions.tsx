import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { LiveNotice } from '../../ui/LiveNotice.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useCurrentUser } from '../identity/hooks.ts';
import { itemPath } from '../plan/versionRules.ts';
import { useActionPlaces } from './actionPlaces.ts';
import { useDecideLink, useProjectLinks } from './hooks.ts';
import { LinkToAction } from './LinkToAction.tsx';
import { linkedActionTitle, vanished } from './linkVersions.ts';
import { canImportProjects, canLinkAction, canLinkProjects } from './policy.ts';
import type { ProjectLink } from './types.ts';

/** The plan actions this project was accepted as contributing to; linked and unlinked by hand. */
export function LinkedActions({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const links = useProjectLinks({ projectId, status: 'accepted', pageSize: 100 });
  const hasLinks = (links.data?.items.length ?? 0) > 0;
  const places = useActionPlaces(hasLinks);
  const unlink = useDecideLink();
  const [removing, setRemoving] = useState<ProjectLink | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refocus, setRefocus] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The link's button is gone with it: once the dialog has closed (its effect runs first, being
  // a child's), the focus waits at the top of the list rather than on the page's body.
  useEffect(() => {
    if (!refocus || removing) return;
    heading.current?.focus();
    setRefocus(false);
  }, [refocus, removing]);
  const titleOf = (link: ProjectLink) => linkedActionTitle(link, t);
  // An action still in the plan is unlinked by its unit; one gone from it has no unit to check.
  const mayRemove = (link: ProjectLink) =>
    vanished(link) ? canLinkProjects(user) : canLinkAction(user, link.actionOrgUnitId);

  const remove = (link: ProjectLink) => {
    unlink.mutate(
      {
        projectId,
        actionKey: link.actionKey,
        versionId: link.actionVersionId ?? undefined,
        status: 'rejected',
      },
      {
        onSuccess: () => {
          setNotice(t('projects.links.manual.removed', { action: titleOf(link) }));
          setRefocus(true);
        },
        onSettled: () => setRemoving(null),
      },
    );
  };

  return (
    <section aria-labelledby="project-links" className="mb-4">
      <h2 id="project-links" className="h4" ref={heading} tabIndex={-1}>
        {t('projects.links.title')}
      </h2>
      <LiveNotice message={notice} />
      <MutationError error={unlink.error} />
      {links.isPending ? <Loading /> : null}
      {links.isError ? (
        <ErrorState error={links.error} onRetry={() => void links.refetch()} />
      ) : null}
      {links.data && !hasLinks ? <p>{t('projects.links.none')}</p> : null}
      {hasLinks ? (
        <ul className="mp-linked-actions" data-testid="project-linked-actions">
          {links.data!.items.map((link) => {
            const place = places.get(link.actionKey);
            const title = titleOf(link);
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
                {vanished(link) ? (
                  <span className="d-block small">
                    {t('projects.links.vanishedKey')} <code>{link.actionKey}</code>
                  </span>
                ) : null}
                {mayRemove(link) ? (
                  <button
                    type="button"
                    className="btn btn-outline-danger btn-xs mt-1"
                    disabled={unlink.isPending}
                    onClick={() => {
                      setNotice(null);
                      unlink.reset();
                      setRemoving(link);
                    }}
                  >
                    {t('projects.links.manual.remove')}
                    <span className="visually-hidden">
                      {' '}
                      {t('projects.links.manual.removeWhat', { action: title })}
                    </span>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {canLinkProjects(user) ? (
        <LinkToAction
          projectId={projectId}
          linkedKeys={new Set(links.data?.items.map((link) => link.actionKey))}
        />
      ) : null}
      {canImportProjects(user) ? (
        <p className="small mt-3">
          <Link to="/admin/collegamenti">{t('projects.links.reviewLink')}</Link>
        </p>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('projects.links.manual.removeTitle')}
        confirmLabel={t('projects.links.manual.removeConfirm')}
        danger
        busy={unlink.isPending}
        onConfirm={() => removing && remove(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p className="mb-0">
          {removing ? t('projects.links.manual.removeBody', { action: titleOf(removing) }) : null}
        </p>
      </ConfirmDialog>
    </section>
  );
}
