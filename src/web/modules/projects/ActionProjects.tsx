import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useActionLinkTotals, useProjectLinks } from './hooks.ts';
import { useMoney } from './money.ts';

/**
 * The projects accepted as contributing to a plan action, with their PNRR funding: the other side
 * of LinkedActions, so an action's page shows the money that serves it.
 */
export function ActionProjects({ actionKey }: { actionKey: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const links = useProjectLinks({ actionKey, status: 'accepted', pageSize: 100 });
  // The sum is the server's, over all the accepted projects: the list stops at 100.
  const totals = useActionLinkTotals(actionKey);
  const items = links.data?.items ?? [];
  return (
    <section aria-labelledby="action-projects" className="mt-4">
      <h2 id="action-projects" className="h4">
        {t('projects.links.actionProjects')}
      </h2>
      {links.isPending ? <Loading /> : null}
      {links.isError ? (
        <ErrorState error={links.error} onRetry={() => void links.refetch()} />
      ) : null}
      {links.data && items.length === 0 ? <p>{t('projects.links.noProjects')}</p> : null}
      {items.length > 0 ? (
        <>
          {totals.data ? (
            <p className="mb-2" data-testid="action-projects-total">
              {t('projects.links.actionProjectsTotal', {
                count: totals.data.projects,
                amount: money.eur(totals.data.fundingPnrr),
              })}
              {links.data!.total > items.length
                ? ` ${t('projects.links.actionProjectsFirst', { count: items.length })}`
                : null}
            </p>
          ) : null}
          {totals.isError ? (
            <ErrorState error={totals.error} onRetry={() => void totals.refetch()} />
          ) : null}
          <ul className="mp-linked-actions" data-testid="action-projects">
            {items.map((link) => (
              <li key={link.projectId}>
                <Link to={`/progetti/${link.projectId}`}>{link.projectTitle}</Link>
                <span className="d-block small">
                  {t('projects.fields.cup')} <code>{link.cup}</code> ·{' '}
                  {t('projects.fields.fundingPnrr')} {money.eur(link.fundingPnrr)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
