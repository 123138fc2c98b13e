import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cx } from '../../ui/classNames.ts';
import { useCurrentUser } from '../identity/hooks.ts';
import { ItemChips } from './Badges.tsx';
import { ItemFacts } from './ItemFacts.tsx';
import { ItemTools } from './ItemTools.tsx';
import type { PlanLabels } from './labels.ts';
import { canAddPlanItems, canEditPlanItem, isEditableStatus } from './policy.ts';
import { DisclosureButton, NewItemLink, TreeBranch, type Siblings } from './TreeLevel.tsx';
import type { Plan, TreeAction, TreeGoal, VersionDetail } from './types.ts';
import { itemPath, versionPath } from './versionRules.ts';

interface GoalNodeProps {
  plan: Plan;
  version: VersionDetail;
  goal: TreeGoal;
  labels: PlanLabels;
  open: boolean;
  onToggle: () => void;
  siblings: Siblings;
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
        <DisclosureButton open={open} controls={contentId} onToggle={onToggle}>
          {goal.code ? <span className="mp-item-code">{goal.code}</span> : null}
          {goal.title}
          <span className="visually-hidden">
            {' '}
            ({t('plan.tree.actionCount', { count: goal.actions.length })})
          </span>
        </DisclosureButton>
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
        <TreeBranch
          items={goal.actions}
          className="mp-tree-actions"
          empty={<p className="small">{t('plan.tree.noActions')}</p>}
          canReorder={siblings !== null}
        >
          {(action, actionSiblings) => (
            <ActionNode
              plan={plan}
              version={version}
              action={action}
              labels={labels}
              siblings={actionSiblings}
            />
          )}
        </TreeBranch>
        {editable && canAddPlanItems(user) ? (
          <NewItemLink
            to={`${base}/azioni/nuova?obiettivo=${goal.key}`}
            label={t('plan.tree.newAction')}
            where={t('plan.tree.underGoal', { title: goal.title })}
          />
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
  siblings: Siblings;
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
