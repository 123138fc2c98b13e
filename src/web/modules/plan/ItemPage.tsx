import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useCurrentUser } from '../identity/hooks.ts';
import { ExampleBadge, ItemChips, StatusBadge } from './Badges.tsx';
import { ItemFacts } from './ItemFacts.tsx';
import { ItemManagement } from './ItemManagement.tsx';
import { useItem, useMeasureTitles } from './hooks.ts';
import { usePlanLabels, type PlanLabels } from './labels.ts';
import { PlanBreadcrumb } from './PlanBreadcrumb.tsx';
import { canAddPlanItems, canEditPlanItem, isEditableStatus } from './policy.ts';
import type { ItemDetail } from './types.ts';
import { VersionGate, type VersionContext } from './versionRoute.tsx';
import { itemPath, versionPath } from './versionRules.ts';
import { VersionSelect } from './VersionSelect.tsx';
import './plan.css';
import { ActionProjects } from '../projects/ActionProjects.tsx';

/** `/piano/:slug/versioni/:number/obiettivi/:key` (and `/azioni/:key`): one goal or action. */
export default function ItemPage() {
  return <VersionGate>{(context) => <ItemLoader {...context} />}</VersionGate>;
}

function ItemLoader({ plan, version }: VersionContext) {
  const { key = '' } = useParams();
  const item = useItem(version.id, key);
  if (item.isPending) return <Loading />;
  if (item.isError)
    return <ErrorState page error={item.error} onRetry={() => void item.refetch()} />;
  return <ItemView plan={plan} version={version} item={item.data} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="mp-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ItemView({ plan, version, item }: VersionContext & { item: ItemDetail }) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const user = useCurrentUser();
  const measureTitles = useMeasureTitles(item.measures);
  const heading = item.code ? `${item.code} ${item.title}` : item.title;
  useDocumentTitle(heading);
  const base = versionPath(plan.slug, version.number);
  const trail = [
    { to: base, label: `${plan.title} — ${t('plan.versionShort', { number: version.number })}` },
  ];
  if (item.goal)
    trail.push({ to: itemPath(plan.slug, version.number, item.goal), label: item.goal.title });
  const editable = isEditableStatus(version.status);
  const canEdit = editable && canEditPlanItem(user, item.orgUnitId);

  return (
    <>
      <PlanBreadcrumb current={item.title} trail={trail} />
      <div className="row g-3 align-items-end mb-3">
        <div className="col-12 col-lg-8">
          <p className="mb-1">
            <span className="badge mp-badge-neutral me-2">{t(`plan.kinds.${item.kind}`)}</span>
            {item.isExample ? <ExampleBadge /> : null}
          </p>
          <h1 className="mb-1">
            {item.code ? <span className="mp-item-code">{item.code}</span> : null}
            {item.title}
          </h1>
          <p className="mb-0">
            {item.sectionCode
              ? `${t('plan.sectionName', {
                  code: item.sectionCode,
                  title: labels.sectionTitle(item.sectionCode),
                })} · `
              : null}
            <Link to={base}>{plan.title}</Link>,{' '}
            {t('plan.versionName', { number: version.number, label: version.label })}{' '}
            <StatusBadge status={version.status} />
          </p>
        </div>
        <div className="col-12 col-lg-4 mp-no-print">
          <VersionSelect plan={plan} current={version} />
        </div>
      </div>
      {item.isExample ? (
        <div className="callout warning" role="note">
          <div className="callout-inner">
            <div className="callout-title">{t('plan.examples.title')}</div>
            <p className="mb-0">{t('plan.examples.item')}</p>
          </div>
        </div>
      ) : null}
      <div className="row g-5">
        <div className="col-12 col-lg-7">
          <section aria-labelledby="item-description">
            <h2 id="item-description" className="h4">
              {t('plan.fields.description')}
            </h2>
            {item.description ? (
              <div
                className="mp-rich-text"
                // Sanitised by the server (domain/richText.ts) before it was stored.
                dangerouslySetInnerHTML={{ __html: item.description }}
              />
            ) : (
              <p className="text-muted">{t('plan.noDescription')}</p>
            )}
          </section>
          <Relatives plan={plan} version={version} item={item} />
          {item.kind === 'action' ? <ActionProjects actionKey={item.key} /> : null}
        </div>
        <div className="col-12 col-lg-5">
          <section aria-labelledby="item-classification">
            <h2 id="item-classification" className="h4">
              {t('plan.classification')}
            </h2>
            <Classification item={item} labels={labels} />
            <ItemFacts item={item} labels={labels} measureTitles={measureTitles} />
            <SourceFacts item={item} />
          </section>
        </div>
      </div>
      {canEdit || (editable && item.kind === 'goal' && canAddPlanItems(user)) ? (
        <ItemManagement plan={plan} version={version} item={item} canEdit={canEdit} />
      ) : null}
    </>
  );
}

function Classification({ item, labels }: { item: ItemDetail; labels: PlanLabels }) {
  const { t } = useTranslation();
  const inherited = item.missions.length === 0 && item.effectiveMissions.length > 0;
  return (
    <dl className="mp-facts">
      <Fact label={t('plan.fields.missions')}>
        {item.effectiveMissions.length ? (
          <>
            <ItemChips missions={item.effectiveMissions} sdgs={[]} labels={labels} />
            {inherited ? <span className="small">{t('plan.inheritedMissions')}</span> : null}
          </>
        ) : (
          t('plan.notSet')
        )}
      </Fact>
      <Fact label={t('plan.fields.sdgs')}>
        {item.sdgs.length ? (
          <ItemChips missions={[]} sdgs={item.sdgs} labels={labels} />
        ) : (
          t('plan.notSet')
        )}
      </Fact>
      <Fact label={t('plan.fields.pillarKeys')}>
        {item.pillars.length ? item.pillars.map((p) => p.title).join(', ') : t('plan.notSet')}
      </Fact>
      <Fact label={t('plan.fields.driverKeys')}>
        {item.drivers.length ? item.drivers.map((d) => d.title).join(', ') : t('plan.notSet')}
      </Fact>
    </dl>
  );
}

function SourceFacts({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="mp-facts">
      <Fact label={t('plan.fields.source')}>{item.source ?? t('plan.notSet')}</Fact>
      <Fact label={t('plan.fields.updatedAt')}>{format.dateTime(item.updatedAt)}</Fact>
    </dl>
  );
}

/** An action's goal, or a goal's actions. */
function Relatives({ plan, version, item }: VersionContext & { item: ItemDetail }) {
  const { t } = useTranslation();
  if (item.kind === 'action') {
    return (
      <section aria-labelledby="item-goal" className="mt-4">
        <h2 id="item-goal" className="h4">
          {t('plan.parentGoal')}
        </h2>
        {item.goal ? (
          <p>
            <Link to={itemPath(plan.slug, version.number, item.goal)}>
              {item.goal.code ? `${item.goal.code} ` : ''}
              {item.goal.title}
            </Link>
          </p>
        ) : (
          <p>{t('plan.notSet')}</p>
        )}
      </section>
    );
  }
  if (item.kind !== 'goal') return null;
  return (
    <section aria-labelledby="item-actions" className="mt-4">
      <h2 id="item-actions" className="h4">
        {t('plan.tree.actions', { count: item.actions.length })}
      </h2>
      {item.actions.length === 0 ? (
        <p>{t('plan.tree.noActions')}</p>
      ) : (
        <ol className="list-unstyled mp-tree-actions">
          {[...item.actions]
            .sort((a, b) => a.position - b.position)
            .map((action) => (
              <li key={action.key} className="mp-tree-action">
                {action.code ? <span className="mp-item-code">{action.code}</span> : null}
                <Link to={itemPath(plan.slug, version.number, action)}>{action.title}</Link>
                {action.isExample ? (
                  <>
                    {' '}
                    <ExampleBadge />
                  </>
                ) : null}
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
