import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { ActsList, StatusTimeline } from './ActsTab.tsx';
import { ItemChips, StatusBadge } from './Badges.tsx';
import { ExampleBanner } from './ExampleBanner.tsx';
import { useTree } from './hooks.ts';
import { ItemFacts } from './ItemFacts.tsx';
import { usePlanLabels, type PlanLabels } from './labels.ts';
import type { PlanItem, TreeAction, TreeGoal } from './types.ts';
import { VersionGate, type VersionContext } from './versionRoute.tsx';
import { versionPath } from './versionRules.ts';
import './plan.css';

/** `/piano/:slug/versioni/:number/stampa`: the whole version unfolded, for paper or PDF. */
export default function PrintPage() {
  return <VersionGate>{(context) => <PrintView {...context} />}</VersionGate>;
}

function PrintView({ plan, version }: VersionContext) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = usePlanLabels();
  const tree = useTree(version.id);
  const name = t('plan.versionName', { number: version.number, label: version.label });
  useDocumentTitle(`${plan.title} — ${name}`);
  return (
    <article className="mp-plan-print">
      <div className="d-flex flex-wrap gap-2 mb-4 mp-no-print">
        <Button color="primary" onClick={() => window.print()}>
          {t('plan.print.button')}
        </Button>
        <Link className="btn btn-outline-primary" to={versionPath(plan.slug, version.number)}>
          {t('plan.backToVersion')}
        </Link>
      </div>
      <header className="mb-4">
        <h1>{plan.title}</h1>
        {plan.subtitle ? <p className="lead fst-italic">{plan.subtitle}</p> : null}
        <p>
          {name} · {t('plan.periodRange', { start: plan.periodStart, end: plan.periodEnd })} ·{' '}
          <StatusBadge status={version.status} />{' '}
          {t('plan.statusSince', { date: format.date(version.statusChangedAt) })}
        </p>
        <p>
          {t('plan.tree.totalCount', {
            goals: t('plan.tree.goalCount', { count: version.counts.goals }),
            actions: t('plan.tree.actionCount', { count: version.counts.actions }),
          })}
        </p>
        {version.counts.examples > 0 ? <ExampleBanner count={version.counts.examples} /> : null}
      </header>
      {tree.isPending ? <Loading /> : null}
      {tree.isError ? <ErrorState error={tree.error} onRetry={() => void tree.refetch()} /> : null}
      {tree.data ? (
        <>
          <Framework title={t('plan.print.pillars')} items={tree.data.pillars} />
          <Framework title={t('plan.print.drivers')} items={tree.data.drivers} />
          {tree.data.sections.map((section) => (
            <section key={section.key} className="mp-print-section">
              <h2>
                {t('plan.sectionName', {
                  code: section.sectionCode,
                  title: labels.sectionTitle(section.sectionCode, section.title),
                })}
              </h2>
              {section.goals.length === 0 ? <p>{t('plan.tree.noGoals')}</p> : null}
              {section.goals.map((goal) => (
                <PrintGoal key={goal.key} goal={goal} labels={labels} />
              ))}
            </section>
          ))}
        </>
      ) : null}
      <section className="mp-print-section">
        <h2>{t('plan.acts.title')}</h2>
        <ActsList acts={version.acts} />
        <h2>{t('plan.history.title')}</h2>
        <StatusTimeline transitions={version.transitions} acts={version.acts} />
      </section>
    </article>
  );
}

function Framework({ title, items }: { title: string; items: PlanItem[] }) {
  if (items.length === 0) return null;
  return (
    <section className="mp-print-section">
      <h2>{title}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <strong>{item.title}</strong>
            {item.description ? (
              <div
                className="mp-rich-text"
                // Sanitised by the server (domain/richText.ts) before it was stored.
                dangerouslySetInnerHTML={{ __html: item.description }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PrintItem({
  item,
  labels,
  level,
}: {
  item: TreeAction;
  labels: PlanLabels;
  level: 3 | 4;
}) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <>
      <Heading className={level === 3 ? 'h4' : 'h6'}>
        {item.code ? <span className="mp-item-code">{item.code}</span> : null}
        {item.title}
      </Heading>
      <ItemChips
        missions={item.effectiveMissions}
        sdgs={item.sdgs}
        isExample={item.isExample}
        labels={labels}
      />
      {item.description ? (
        <div
          className="mp-rich-text"
          // Sanitised by the server (domain/richText.ts) before it was stored.
          dangerouslySetInnerHTML={{ __html: item.description }}
        />
      ) : null}
      <ItemFacts item={item} labels={labels} compact />
    </>
  );
}

function PrintGoal({ goal, labels }: { goal: TreeGoal; labels: PlanLabels }) {
  return (
    <div className="mp-print-goal">
      <PrintItem item={goal} labels={labels} level={3} />
      {goal.actions.length > 0 ? (
        <ol className="list-unstyled mp-print-actions">
          {goal.actions.map((action) => (
            <li key={action.key}>
              <PrintItem item={action} labels={labels} level={4} />
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
