import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { useDeleteItem, useMoveItem, useReloadVersion, useTree } from './hooks.ts';
import { usePlanLabels } from './labels.ts';
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
      {canEdit ? <MoveForm version={version} item={item} /> : null}
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
  const reload = useReloadVersion(version.id);
  const tree = useTree(version.id);
  const [target, setTarget] = useState('');
  const [done, setDone] = useState<string | null>(null);
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

  const submit = () => {
    if (!target) return;
    const label = options.find((option) => option.value === target)?.label ?? target;
    move.mutate(
      {
        key: item.key,
        move: {
          rowVersion: item.rowVersion,
          position: AT_THE_END,
          ...(isGoal ? { sectionCode: target } : { parentKey: target }),
        },
      },
      {
        onSuccess: () => {
          setTarget('');
          setDone(t('plan.move.done', { target: label }));
        },
      },
    );
  };

  return (
    <form
      className="mp-inline-form"
      aria-labelledby="move-title"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3 id="move-title" className="h6">
        {t(isGoal ? 'plan.move.goalTitle' : 'plan.move.actionTitle')}
      </h3>
      <div className="row g-2 align-items-end">
        <div className="col-12 col-md-8">
          <SelectField
            label={t(isGoal ? 'plan.move.toSection' : 'plan.move.toGoal')}
            value={target}
            onChange={(value) => {
              setTarget(value);
              setDone(null);
            }}
            emptyLabel={t('plan.move.choose')}
            options={options}
          />
        </div>
        <div className="col-12 col-md-4">
          <Button
            type="submit"
            color="primary"
            outline
            size="sm"
            disabled={!target || move.isPending}
          >
            {t('plan.move.submit')}
          </Button>
        </div>
      </div>
      <div aria-live="polite">
        {done ? <p className="text-success fw-semibold">{done}</p> : null}
      </div>
      <PlanMutationError
        error={move.error}
        conflict={t('plan.move.conflict')}
        onReload={() => {
          move.reset();
          void reload();
        }}
      />
    </form>
  );
}
