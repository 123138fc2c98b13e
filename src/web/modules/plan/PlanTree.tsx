import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../identity/hooks.ts';
import type { PlanLabels } from './labels.ts';
import { canAddPlanItems, isEditableStatus } from './policy.ts';
import { GoalNode } from './TreeGoal.tsx';
import { DisclosureButton, NewItemLink, TreeBranch } from './TreeLevel.tsx';
import type { Plan, TreeSection, VersionDetail } from './types.ts';
import { versionPath } from './versionRules.ts';

interface PlanTreeProps {
  plan: Plan;
  version: VersionDetail;
  sections: TreeSection[];
  labels: PlanLabels;
  /** Filtered results open up; the whole plan starts folded to its goals. */
  defaultExpanded: boolean;
  /** Up/down moves need the whole sibling list, so only an unfiltered tree offers them. */
  canReorder: boolean;
}

/**
 * Section → goal → action as nested disclosures: each heading holds a button that says whether
 * its content is shown (aria-expanded), so the tree works with Tab, Enter and Space.
 */
export function PlanTree({
  plan,
  version,
  sections,
  labels,
  defaultExpanded,
  canReorder,
}: PlanTreeProps) {
  const { t } = useTranslation();
  // Goals follow the default unless the reader flipped them, so new data keeps their choices.
  const [goals, setGoals] = useState(() => ({ open: defaultExpanded, flipped: new Set<string>() }));
  const [closedSections, setClosedSections] = useState<Set<string>>(() => new Set());

  const toggle = (set: Set<string>, key: string) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };

  return (
    <div className="mp-tree">
      <div className="d-flex flex-wrap gap-2 mb-3 mp-no-print">
        <Button
          color="primary"
          outline
          size="xs"
          onClick={() => {
            setClosedSections(new Set());
            setGoals({ open: true, flipped: new Set() });
          }}
        >
          {t('plan.tree.expandAll')}
        </Button>
        <Button
          color="primary"
          outline
          size="xs"
          onClick={() => setGoals({ open: false, flipped: new Set() })}
        >
          {t('plan.tree.collapseAll')}
        </Button>
      </div>
      {sections.map((section) => (
        <SectionNode
          key={section.key}
          plan={plan}
          version={version}
          section={section}
          labels={labels}
          open={!closedSections.has(section.key)}
          onToggle={() => setClosedSections((set) => toggle(set, section.key))}
          isGoalOpen={(key) => goals.open !== goals.flipped.has(key)}
          onToggleGoal={(key) =>
            setGoals((state) => ({ ...state, flipped: toggle(state.flipped, key) }))
          }
          canReorder={canReorder}
        />
      ))}
    </div>
  );
}

interface SectionNodeProps {
  plan: Plan;
  version: VersionDetail;
  section: TreeSection;
  labels: PlanLabels;
  open: boolean;
  onToggle: () => void;
  isGoalOpen: (key: string) => boolean;
  onToggleGoal: (key: string) => void;
  canReorder: boolean;
}

function SectionNode({
  plan,
  version,
  section,
  labels,
  open,
  onToggle,
  isGoalOpen,
  onToggleGoal,
  canReorder,
}: SectionNodeProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const contentId = `section-${section.key}`;
  const canAdd = isEditableStatus(version.status) && canAddPlanItems(user);
  return (
    <section className="mp-tree-section" aria-labelledby={`${contentId}-title`}>
      <div className="mp-tree-section-head">
        <h3 className="h4 mb-0" id={`${contentId}-title`}>
          <DisclosureButton open={open} controls={contentId} onToggle={onToggle}>
            {t('plan.sectionName', {
              code: section.sectionCode,
              title: labels.sectionTitle(section.sectionCode, section.title),
            })}
          </DisclosureButton>
        </h3>
        <span className="small text-muted">
          {t('plan.tree.goalCount', { count: section.goals.length })}
        </span>
        {canAdd ? (
          <NewItemLink
            className="ms-auto"
            to={`${versionPath(plan.slug, version.number)}/obiettivi/nuovo?sezione=${section.sectionCode}`}
            label={t('plan.tree.newGoal')}
            where={t('plan.tree.inSection', { code: section.sectionCode })}
          />
        ) : null}
      </div>
      <div id={contentId} hidden={!open}>
        <TreeBranch
          items={section.goals}
          className="mp-tree-goals"
          empty={<p className="mp-tree-empty">{t('plan.tree.noGoals')}</p>}
          canReorder={canReorder}
        >
          {(goal, siblings) => (
            <GoalNode
              plan={plan}
              version={version}
              goal={goal}
              labels={labels}
              open={isGoalOpen(goal.key)}
              onToggle={() => onToggleGoal(goal.key)}
              siblings={siblings}
            />
          )}
        </TreeBranch>
      </div>
    </section>
  );
}
