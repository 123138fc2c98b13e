import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { EmptyState } from '../../ui/QueryStates.tsx';
import { StatusBadge } from './Badges.tsx';
import type { Act, Transition, VersionStatus } from './types.ts';
import type { VersionContext } from './versionRoute.tsx';

/** The acts of a version (with the uncertain ones flagged) and the history of its status. */
export default function ActsTab() {
  const { t } = useTranslation();
  const { version } = useOutletContext<VersionContext>();
  return (
    <div className="row g-5">
      <section aria-labelledby="acts-title" className="col-12 col-xl-7">
        <h2 id="acts-title" className="h3">
          {t('plan.acts.title')}
        </h2>
        <ActsList acts={version.acts} />
      </section>
      <section aria-labelledby="history-title" className="col-12 col-xl-5">
        <h2 id="history-title" className="h3">
          {t('plan.history.title')}
        </h2>
        <StatusTimeline transitions={version.transitions} acts={version.acts} />
      </section>
    </div>
  );
}

function byDate(a: Act, b: Act): number {
  if (!a.date) return 1;
  if (!b.date) return -1;
  return a.date.localeCompare(b.date);
}

export function ActsList({ acts }: { acts: Act[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (acts.length === 0) return <EmptyState>{t('plan.acts.empty')}</EmptyState>;
  return (
    <ol className="list-unstyled mp-acts">
      {[...acts].sort(byDate).map((act) => (
        <li key={act.id} className="mp-act">
          <p className="mb-1 small text-uppercase fw-semibold mp-act-meta">
            {act.date ? format.date(`${act.date}T12:00:00`) : t('plan.acts.noDate')} ·{' '}
            {t(`plan.bodies.${act.body}`, { defaultValue: act.body })} ·{' '}
            {t(`plan.actKinds.${act.kind}`, { defaultValue: act.kind })}
            {act.number ? ` ${act.number}` : ''}
          </p>
          <p className="mb-1 fw-semibold">
            {act.documentUrl ? (
              <a href={act.documentUrl} rel="noopener noreferrer" target="_blank">
                {act.title}
                <span className="visually-hidden"> {t('common.opensNewWindow')}</span>
              </a>
            ) : (
              act.title
            )}
          </p>
          {!act.certain ? (
            <p className="mb-1">
              <span className="badge mp-badge-inferred">{t('plan.acts.unconfirmed')}</span>{' '}
              <span className="small">{t('plan.acts.unconfirmedExplained')}</span>
            </p>
          ) : null}
          {act.source ? (
            <p className="small text-muted mb-0">
              {t('plan.acts.source')}: {act.source}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function StatusTimeline({ transitions, acts }: { transitions: Transition[]; acts: Act[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (transitions.length === 0) return <EmptyState>{t('plan.history.empty')}</EmptyState>;
  return (
    <ol className="mp-timeline">
      {transitions.map((step, index) => {
        const act = step.actId ? acts.find((candidate) => candidate.id === step.actId) : undefined;
        return (
          <li key={`${step.at}-${index}`} className="mp-timeline-step">
            <p className="mb-1 fw-semibold">
              <time dateTime={step.at}>{format.date(step.at)}</time>
            </p>
            <p className="mb-1">
              {step.from ? (
                <>
                  <StatusBadge status={step.from as VersionStatus} />{' '}
                  <span aria-hidden="true">→</span>
                  <span className="visually-hidden">{t('plan.history.to')}</span>{' '}
                </>
              ) : null}
              <StatusBadge status={step.to as VersionStatus} />
            </p>
            {step.note ? <p className="mb-1">{step.note}</p> : null}
            {act ? (
              <p className="small mb-1">
                {t('plan.history.act')}: {act.title}
              </p>
            ) : null}
            <p className="small text-muted mb-0">
              {t('plan.history.by')}: {step.actorLabel}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
