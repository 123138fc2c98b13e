import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cx } from '../../ui/classNames.ts';
import { Icon } from '../../ui/Icon.tsx';
import { useCurrentUser } from '../identity/hooks.ts';
import { ItemChips } from './Badges.tsx';
import { ItemFacts } from './ItemFacts.tsx';
import { ItemTools } from './ItemTools.tsx';
import type { PlanLabels } from './labels.ts';
import { canAddPlanItems, canEditPlanItem, isEditableStatus } from './policy.ts';
import type { Plan, TreeAction, TreeGoal, VersionDetail } from './types.ts';
import { itemPath, versionPath } from './versionRules.ts';

interface GoalNodeProps {
  plan: Plan;
  version: VersionDetail;
  goal: TreeGoal;
  labels: PlanLabels;
  open: boolean;
  onToggle: () => void;
  siblings: { index: number; count: number } | null;
}

/** A goal: its heading toggles its description, facts and actions. */
export function GoalNode({ plan, version, goal, labels, open, onToggle, siblings }: GoalNodeProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const contentId = `goal-${goal.key}`;
  const editable = isEditableStatus(version.status);
  const canEdit = editable && canEditPlanItem(user, goal.orgUnitId);
  const base = versionPath(plan.slug, version.number);
  return (
    <li className={cx('mp-tree-goal', open && 'mp-open')}>
      <h4 className="h5 mb-1">
        <button
          type="button"
          className="mp-disclosure"
          aria-expanded={open}
          aria-controls={contentId}
          onClick={onToggle}
        >
          <Icon name={open ? 'collapse' : 'expand'} size="sm" color="primary" />
          <span>
            {goal.code ? <span className="mp-item-code">{goal.code}</span> : null}
            {goal.title}
            <span className="visually-hidden">
              {' '}
              ({t('plan.tree.actionCount', { count: goal.actions.length })})
            </span>
          </span>
        </button>
      </h4>
      <ItemChips
        missions={goal.missions}
        sdgs={goal.sdgs}
        isExample={goal.isExample}
        labels={labels}
      />
      {canEdit ? <ItemTools plan={plan} version={version} item={goal} siblings={siblings} /> : null}
      <div id={contentId} hidden={!open} className="mp-tree-goal-body">
        {goal.description ? (
          <div
            className="mp-rich-text"
            // Sanitised by the server (domain/richText.ts) before it was stored.
            dangerouslySetInnerHTML={{ __html: goal.description }}
          />
        ) : null}
        <ItemFacts item={goal} labels={labels} compact />
        <p className="mb-2">
          <Link to={itemPath(plan.slug, version.number, goal)}>
            {t('plan.tree.openGoal')}
            <span className="visually-hidden"> {goal.title}</span>
          </Link>
        </p>
        <h5 className="h6 mt-3">{t('plan.tree.actions', { count: goal.actions.length })}</h5>
        {goal.actions.length === 0 ? (
          <p className="small">{t('plan.tree.noActions')}</p>
        ) : (
          <ol className="mp-tree-actions list-unstyled">
            {goal.actions.map((action, index) => (
              <ActionNode
                key={action.key}
                plan={plan}
                version={version}
                action={action}
                labels={labels}
                siblings={siblings ? { index, count: goal.actions.length } : null}
              />
            ))}
          </ol>
        )}
        {editable && canAddPlanItems(user) ? (
          <Link
            className="btn btn-primary btn-xs mp-no-print"
            to={`${base}/azioni/nuova?obiettivo=${goal.key}`}
          >
            {t('plan.tree.newAction')}
            <span className="visually-hidden">
              {' '}
              {t('plan.tree.underGoal', { title: goal.title })}
            </span>
          </Link>
        ) : null}
      </div>
    </li>
  );
}

interface ActionNodeProps {
  plan: Plan;
  version: VersionDetail;
  action: TreeAction;
  labels: PlanLabels;
  siblings: { index: number; count: number } | null;
}

function ActionNode({ plan, version, action, labels, siblings }: ActionNodeProps) {
  const user = useCurrentUser();
  const canEdit = isEditableStatus(version.status) && canEditPlanItem(user, action.orgUnitId);
  return (
    <li className="mp-tree-action">
      <p className="mb-1 fw-semibold">
        {action.code ? <span className="mp-item-code">{action.code}</span> : null}
        <Link to={itemPath(plan.slug, version.number, action)}>{action.title}</Link>
      </p>
      <ItemChips
        missions={action.effectiveMissions}
        sdgs={action.sdgs}
        isExample={action.isExample}
        labels={labels}
      />
      <ItemFacts item={action} labels={labels} compact />
      {canEdit ? (
        <ItemTools plan={plan} version={version} item={action} siblings={siblings} />
      ) : null}
    </li>
  );
}
