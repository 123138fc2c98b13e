import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import type { Option } from '../../ui/fields.tsx';
import { InlineSelectForm } from '../../ui/InlineSelectForm.tsx';
import { useDeleteItem, useMoveItem, useReloadVersion, useTree } from './hooks.ts';
import { usePlanLabels } from './labels.ts';
import { MoveItemError } from './MoveItemError.tsx';
import { PlanMutationError } from './PlanMutationError.tsx';
import { sectionCodes, type ItemDetail } from './types.ts';
import type { VersionContext } from './versionRoute.tsx';
import { itemPath, versionPath } from './versionRules.ts';

// The server puts a moved item at min(position, number of siblings): this means "last".
const AT_THE_END = 10_000;

interface ItemManagementProps extends VersionContext {
  item: ItemDetail;
  canEdit: boolean;
}

/** Edit, move, delete a goal or action, and add actions to a goal. */
export function ItemManagement({ plan, version, item, canEdit }: ItemManagementProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteItem(version.id);
  const reload = useReloadVersion(version.id);
  const [deleting, setDeleting] = useState(false);
  const base = versionPath(plan.slug, version.number);

  const confirmDelete = () =>
    remove.mutate(
      { key: item.key, rowVersion: item.rowVersion },
      {
        onSuccess: () =>
          navigate(base, { replace: true, state: { flash: `planItemDeleted.${item.kind}` } }),
      },
    );

  return (
    <section
      aria-labelledby="item-manage"
      className="card card-bg no-after mx-0 p-4 mt-5 mp-no-print"
    >
      <h2 id="item-manage" className="h4">
        {t('plan.manage.title')}
      </h2>
      <div className="d-flex flex-wrap gap-2 mb-3">
        {canEdit ? (
          <Link
            className="btn btn-primary btn-sm"
            to={`${itemPath(plan.slug, version.number, item)}/modifica`}
          >
            {t('common.edit')}
          </Link>
        ) : null}
        {item.kind === 'goal' ? (
          <Link
            className="btn btn-outline-primary btn-sm"
            to={`${base}/azioni/nuova?obiettivo=${item.key}`}
          >
            {t('plan.tree.newAction')}
          </Link>
        ) : null}
        {canEdit ? (
          <Button
            color="danger"
            outline
            size="sm"
            onClick={() => {
              remove.reset();
              setDeleting(true);
            }}
          >
            {t('common.delete')}
          </Button>
        ) : null}
      </div>
      {/* Goals move between sections, actions between goals; the others have no place to go. */}
      {canEdit && (item.kind === 'goal' || item.kind === 'action') ? (
        <MoveForm version={version} item={item} />
      ) : null}
      <ConfirmDialog
        open={deleting}
        title={t(`plan.delete.title.${item.kind}`)}
        confirmLabel={t('common.delete')}
        danger
        busy={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(false)}
      >
        <p>{t('plan.delete.body', { title: item.title })}</p>
        {item.kind === 'goal' && item.actions.length > 0 ? (
          <p className="fw-semibold">
            {t('plan.delete.withActions', { count: item.actions.length })}
          </p>
        ) : null}
        <PlanMutationError
          error={remove.error}
          conflict={t('plan.delete.conflict')}
          onReload={() => {
            setDeleting(false);
            void reload();
          }}
        />
      </ConfirmDialog>
    </section>
  );
}

/** A goal goes to another section, an action to another goal; either lands last there. */
function MoveForm({ version, item }: Pick<VersionContext, 'version'> & { item: ItemDetail }) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const move = useMoveItem(version.id);
  const tree = useTree(version.id);
  const isGoal = item.kind === 'goal';

  const options = isGoal
    ? sectionCodes
        .filter((code) => code !== item.sectionCode)
        .map((code) => ({ value: code, label: `${code}. ${labels.sectionTitle(code)}` }))
    : (tree.data?.sections ?? []).flatMap((section) =>
        section.goals
          .filter((goal) => goal.key !== item.parentKey)
          .map((goal) => ({
            value: goal.key,
            label: `${goal.code ? `${goal.code} ` : ''}${goal.title}`,
          })),
      );

  const submit = (target: Option, done: (message: string) => void) =>
    move.mutate(
      {
        key: item.key,
        move: {
          rowVersion: item.rowVersion,
          position: AT_THE_END,
          ...(isGoal ? { sectionCode: target.value } : { parentKey: target.value }),
        },
      },
      { onSuccess: () => done(t('plan.move.done', { target: target.label })) },
    );

  return (
    <InlineSelectForm
      titleId="move-title"
      title={t(isGoal ? 'plan.move.goalTitle' : 'plan.move.actionTitle')}
      label={t(isGoal ? 'plan.move.toSection' : 'plan.move.toGoal')}
      emptyLabel={t('plan.move.choose')}
      options={options}
      submitLabel={t('plan.move.submit')}
      busy={move.isPending}
      onSubmit={submit}
    >
      <MoveItemError versionId={version.id} move={move} />
    </InlineSelectForm>
  );
}
