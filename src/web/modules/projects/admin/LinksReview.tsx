import { Table } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format.ts';
import { Link } from 'react-router';
import { RadioGroup } from '../../../ui/fields.tsx';
import { MutationError } from '../../../ui/MutationError.tsx';
import { Pagination } from '../../../ui/Pagination.tsx';
import { EmptyState, ErrorState, Loading } from '../../../ui/QueryStates.tsx';
import { itemPath } from '../../plan/versionRules.ts';
import { useDecideLink, useProjectLinks } from '../hooks.ts';
import { useMoney } from '../money.ts';
import { linkStatuses, type LinkStatus, type ProjectLink } from '../types.ts';
import { linkedActionTitle, vanished, type ChosenVersion } from '../linkVersions.ts';

const PAGE_SIZE = 25;

interface LinksReviewProps {
  chosen: ChosenVersion;
  status: LinkStatus;
  page: number;
  onStatus: (status: string) => void;
  onPage: (page: number) => void;
}

/** The links of one status, best score first, each accepted or rejected with one button. */
export function LinksReview({ chosen, status, page, onStatus, onPage }: LinksReviewProps) {
  const { t } = useTranslation();
  const links = useProjectLinks({ status, page, pageSize: PAGE_SIZE });
  const decide = useDecideLink();
  const [notice, setNotice] = useState<string | null>(null);

  const onDecide = (link: ProjectLink, decision: 'accepted' | 'rejected') => {
    setNotice(null);
    decide.mutate(
      {
        projectId: link.projectId,
        actionKey: link.actionKey,
        // An action gone from the plan has no version to name: its link can only be removed.
        versionId: vanished(link) ? undefined : chosen.version.id,
        status: decision,
      },
      {
        onSuccess: () =>
          setNotice(
            t(`projects.links.review.${decision}`, {
              project: link.cup,
              action: link.actionTitle ?? link.actionKey,
            }),
          ),
      },
    );
  };

  return (
    <section aria-labelledby="links-review">
      <h2 id="links-review" className="h4">
        {t('projects.links.review.title')}
      </h2>
      <RadioGroup
        legend={t('projects.links.review.show')}
        name="link-status"
        inline
        value={status}
        onChange={onStatus}
        options={linkStatuses.map((value) => ({
          value,
          label: t(`projects.links.status.${value}`),
        }))}
      />
      <div aria-live="polite" className="my-2">
        {links.data ? (
          <p className="fw-semibold mb-1" data-testid="links-count">
            {t(`projects.links.review.count.${status}`, { count: links.data.total })}
          </p>
        ) : null}
        {notice ? <p className="text-success fw-semibold mb-0">{notice}</p> : null}
      </div>
      <MutationError error={decide.error} />
      {links.isPending ? <Loading /> : null}
      {links.isError ? (
        <ErrorState error={links.error} onRetry={() => void links.refetch()} />
      ) : null}
      {links.data && links.data.items.length === 0 ? (
        <EmptyState>{t(`projects.links.review.empty.${status}`)}</EmptyState>
      ) : null}
      {links.data && links.data.items.length > 0 ? (
        <>
          <LinksTable
            links={links.data.items}
            chosen={chosen}
            busy={decide.isPending}
            onDecide={onDecide}
          />
          <Pagination page={page} pageSize={PAGE_SIZE} total={links.data.total} onChange={onPage} />
        </>
      ) : null}
    </section>
  );
}

interface LinksTableProps {
  links: ProjectLink[];
  chosen: ChosenVersion;
  busy: boolean;
  onDecide: (link: ProjectLink, decision: 'accepted' | 'rejected') => void;
}

function LinksTable({ links, chosen, busy, onDecide }: LinksTableProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  return (
    // Positioned, so the hidden labels of the buttons scroll with the table.
    <div className="mp-table-contain">
      <Table responsive striped data-testid="links-table">
        <caption className="visually-hidden">{t('projects.links.review.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.links.review.project')}</th>
            <th scope="col">{t('projects.links.review.action')}</th>
            <th scope="col" className="text-end">
              {t('projects.links.review.score')}
            </th>
            <th scope="col">{t('projects.links.review.reasons')}</th>
            <th scope="col" className="text-end">
              {t('projects.fields.fundingPnrr')}
            </th>
            <th scope="col">{t('projects.links.review.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {links.map((link) => {
            const gone = vanished(link);
            const action = linkedActionTitle(link, t);
            return (
              <tr key={`${link.projectId}-${link.actionKey}`}>
                <th scope="row" className="mp-project-title-cell fw-normal">
                  <Link to={`/progetti/${link.projectId}`}>{link.projectTitle}</Link>
                  <span className="d-block small">
                    {t('projects.fields.cup')} <code>{link.cup}</code>
                  </span>
                </th>
                <td className="small">
                  {gone ? (
                    <>
                      {action}
                      <span className="d-block">
                        {t('projects.links.vanishedKey')} <code>{link.actionKey}</code>
                      </span>
                    </>
                  ) : (
                    <Link
                      to={itemPath(chosen.plan.slug, chosen.version.number, {
                        kind: 'action',
                        key: link.actionKey,
                      })}
                    >
                      {action}
                    </Link>
                  )}
                </td>
                <td className="text-end">{format.decimal(link.score, 1)}</td>
                <td>
                  <ul className="list-unstyled d-flex flex-wrap gap-1 mb-0">
                    {link.reasons.map((reason) => (
                      <li key={reason}>
                        <ReasonBadge reason={reason} />
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="text-end text-nowrap">{money.eur(link.fundingPnrr)}</td>
                <td className="mp-row-actions">
                  {link.status !== 'accepted' && !gone ? (
                    <button
                      type="button"
                      className="btn btn-success btn-xs"
                      disabled={busy}
                      onClick={() => onDecide(link, 'accepted')}
                    >
                      {t('projects.links.review.accept')}
                      <span className="visually-hidden">
                        {' '}
                        {t('projects.links.review.pair', { project: link.cup, action })}
                      </span>
                    </button>
                  ) : null}
                  {link.status !== 'rejected' ? (
                    <button
                      type="button"
                      className="btn btn-outline-danger btn-xs"
                      disabled={busy}
                      onClick={() => onDecide(link, 'rejected')}
                    >
                      {t('projects.links.review.reject')}
                      <span className="visually-hidden">
                        {' '}
                        {t('projects.links.review.pair', { project: link.cup, action })}
                      </span>
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}

/**
 * "measure", "mission", "metro-implementer", "words:2:ciclabile,scuola" as words a reviewer
 * reads; suggestions made before the words were stored say only their count ("words:2").
 */
function ReasonBadge({ reason }: { reason: string }) {
  const { t } = useTranslation();
  const words = /^words:(\d+)(?::(.+))?$/.exec(reason);
  const text = !words
    ? t(`projects.links.reasons.${reason}`, { defaultValue: reason })
    : words[2]
      ? t('projects.links.reasons.wordsListed', {
          count: Number(words[1]),
          words: words[2].split(',').join(', '),
        })
      : t('projects.links.reasons.words', { count: Number(words[1]) });
  return <span className="badge mp-badge-assigned">{text}</span>;
}
