import { Button } from 'design-react-kit';
import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError, isStaleCopy } from '../../app/api.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { focusFirstInvalid, SelectField, useFormErrors } from '../../ui/fields.tsx';
import { ErrorState, Forbidden, Loading } from '../../ui/QueryStates.tsx';
import { useCurrentUser } from '../identity/hooks.ts';
import { isAdmin } from '../identity/policy.ts';
import { ConflictCompare } from './ConflictCompare.tsx';
import { namesOf } from './diffValues.ts';
import { useCreateItem, useItem, useTree, useUpdateItem } from './hooks.ts';
import { ItemFormFields } from './ItemForm.tsx';
import {
  blankValues,
  changedFields,
  fieldsOf,
  formErrorsOf,
  formFields,
  validateValues,
  valuesOf,
  type ItemFormValues,
} from './itemFormValues.ts';
import { usePlanLabels } from './labels.ts';
import { PlanBreadcrumb } from './PlanBreadcrumb.tsx';
import { PlanMutationError } from './PlanMutationError.tsx';
import { canAddPlanItems, canEditPlanItem, isEditableStatus } from './policy.ts';
import { sectionCodes, type ItemDetail } from './types.ts';
import { VersionGate, type VersionContext } from './versionRoute.tsx';
import { itemPath, versionPath } from './versionRules.ts';
import './plan.css';

/** `/…/obiettivi/:key/modifica` and `/…/azioni/:key/modifica`. */
export default function ItemEditPage() {
  return <VersionGate>{(context) => <EditLoader {...context} />}</VersionGate>;
}

/** `/…/obiettivi/nuovo?sezione=1` and `/…/azioni/nuova?obiettivo=<key>`. */
export function ItemCreatePage({ kind }: { kind: 'goal' | 'action' }) {
  return <VersionGate>{(context) => <EditGuard {...context} kind={kind} />}</VersionGate>;
}

function EditLoader(context: VersionContext) {
  const { key = '' } = useParams();
  const item = useItem(context.version.id, key);
  if (item.isPending) return <Loading />;
  if (item.isError) return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  return (
    <PinnedEditor
      {...context}
      first={item.data}
      fetchCurrent={async () => (await item.refetch()).data}
    />
  );
}

/**
 * The form edits the copy loaded first: later fetches (after a save, or to show a conflict) do
 * not restart it under the user. "Ricarica" restarts it from the current copy on purpose.
 */
function PinnedEditor({
  first,
  fetchCurrent,
  ...context
}: VersionContext & {
  first: ItemDetail;
  fetchCurrent: () => Promise<ItemDetail | undefined>;
}) {
  const [base, setBase] = useState(first);
  return (
    <EditGuard
      key={`${base.key}@${base.rowVersion}`}
      {...context}
      kind={base.kind === 'action' ? 'action' : 'goal'}
      item={base}
      fetchCurrent={fetchCurrent}
      onRebase={setBase}
    />
  );
}

interface ItemEditorProps extends VersionContext {
  kind: 'goal' | 'action';
  item?: ItemDetail;
  fetchCurrent?: () => Promise<ItemDetail | undefined>;
  /** Restart the form from another copy of the item (after "Ricarica"). */
  onRebase?: (item: ItemDetail) => void;
}

/** Only open versions are edited, and only by whoever may own the item. */
function EditGuard(props: ItemEditorProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { plan, version, kind, item } = props;
  if (!isEditableStatus(version.status)) {
    const heading = item
      ? t('plan.form.editTitle', { title: item.title })
      : t(`plan.tree.${kind === 'goal' ? 'newGoal' : 'newAction'}`);
    return (
      <ReadOnlyVersion heading={heading}>
        <p>{t('plan.form.readOnly', { status: t(`plan.status.${version.status}`) })}</p>
        <Link to={versionPath(plan.slug, version.number)}>{t('plan.backToVersion')}</Link>
      </ReadOnlyVersion>
    );
  }
  const allowed = item ? canEditPlanItem(user, item.orgUnitId) : canAddPlanItems(user);
  return allowed ? <ItemEditor {...props} /> : <Forbidden />;
}

/** Why a closed version's item cannot be edited, under a heading that also names the window. */
function ReadOnlyVersion({ heading, children }: { heading: string; children: ReactNode }) {
  useDocumentTitle(heading);
  return (
    <>
      <h1>{heading}</h1>
      <div className="callout warning">
        <div className="callout-inner">{children}</div>
      </div>
    </>
  );
}

function ItemEditor({ plan, version, kind, item, fetchCurrent, onRebase }: ItemEditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const user = useCurrentUser();
  const labels = usePlanLabels();
  const tree = useTree(version.id);
  const create = useCreateItem(version.id);
  const update = useUpdateItem(version.id);
  const form = useRef<HTMLFormElement>(null);
  const admin = isAdmin(user);
  const mine = user?.orgUnitIds ?? [];
  // An editor's new item belongs to their (first) org unit unless they choose another of theirs.
  const firstUnit = admin ? '' : (mine[0] ?? '');
  const baseValues = useMemo(
    () => (item ? valuesOf(item) : blankValues(firstUnit)),
    [item, firstUnit],
  );
  const [values, setValues] = useState<ItemFormValues>(baseValues);
  const [rowVersion, setRowVersion] = useState(item?.rowVersion ?? 0);
  const [conflict, setConflict] = useState<ItemDetail | null>(null);
  const [section, setSection] = useState<string>(
    sectionCodes.find((code) => code === params.get('sezione')) ?? '1',
  );
  const [goalKey, setGoalKey] = useState(params.get('obiettivo') ?? '');
  const [unchanged, setUnchanged] = useState(false);
  const { errors, setErrors, bind } = useFormErrors();
  const set =
    <K extends keyof ItemFormValues>(key: K) =>
    (value: ItemFormValues[K]) => {
      setUnchanged(false);
      bind(key, (next: ItemFormValues[K]) => setValues((current) => ({ ...current, [key]: next })))(
        value,
      );
    };

  const mode = item ? 'edit' : 'create';
  const heading = item
    ? t('plan.form.editTitle', { title: item.title })
    : t(kind === 'goal' ? 'plan.tree.newGoal' : 'plan.tree.newAction');
  useDocumentTitle(heading);
  const base = versionPath(plan.slug, version.number);
  const goals = (tree.data?.sections ?? []).flatMap((s) => s.goals);
  const goalOptions = goals.map((goal) => ({
    value: goal.key,
    label: `${goal.code ? `${goal.code} ` : ''}${goal.title}`,
  }));
  const orgUnitOptions = labels.orgUnits
    .filter((unit) => admin || mine.includes(unit.id))
    .map((unit) => ({ value: unit.id, label: unit.name }));

  const onFailure = async (error: unknown) => {
    if (isStaleCopy(error) && item && fetchCurrent) {
      const current = await fetchCurrent();
      if (current) setConflict(current);
      return;
    }
    if (isApiError(error)) setErrors(formErrorsOf(error.fieldErrors()));
    focusFirstInvalid(form.current);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateValues(values, t, !admin);
    if (kind === 'action' && !item && !goalKey) found.parentKey = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(form.current);
      return;
    }
    if (item) {
      const changes = changedFields(values, baseValues);
      if (Object.keys(changes).length === 0) {
        setUnchanged(true);
        return;
      }
      update.mutate(
        { key: item.key, changes: { rowVersion, ...changes } },
        {
          onSuccess: (saved) =>
            navigate(itemPath(plan.slug, version.number, saved), {
              state: { flash: 'planItemSaved' },
            }),
          onError: (error) => void onFailure(error),
        },
      );
      return;
    }
    const fields = fieldsOf(values);
    create.mutate(
      {
        ...fields,
        kind,
        ...(kind === 'goal' ? { sectionCode: section } : { parentKey: goalKey }),
      },
      {
        onSuccess: (created) =>
          navigate(itemPath(plan.slug, version.number, created), {
            state: { flash: `planItemCreated.${kind}` },
          }),
        onError: (error) => void onFailure(error),
      },
    );
  };

  const mutation = item ? update : create;
  const parent = goals.find((goal) => goal.key === (item?.parentKey ?? goalKey));
  const trail = [
    { to: base, label: `${plan.title} — ${t('plan.versionShort', { number: version.number })}` },
    ...(item ? [{ to: itemPath(plan.slug, version.number, item), label: item.title }] : []),
  ];

  return (
    <>
      <PlanBreadcrumb current={item ? t('common.edit') : heading} trail={trail} />
      <h1>{heading}</h1>
      <p className="lead">
        {kind === 'action' && parent
          ? t('plan.form.underGoal', { goal: parent.title })
          : t('plan.versionName', { number: version.number, label: version.label })}
      </p>
      <form ref={form} onSubmit={submit} noValidate className="mp-item-form">
        {!item && kind === 'goal' ? (
          <SelectField
            label={t('plan.form.section')}
            value={section}
            onChange={setSection}
            options={sectionCodes.map((code) => ({
              value: code,
              label: `${code}. ${labels.sectionTitle(code)}`,
            }))}
          />
        ) : null}
        {!item && kind === 'action' ? (
          <SelectField
            label={t('plan.form.goal')}
            value={goalKey}
            onChange={bind('parentKey', setGoalKey)}
            error={errors.parentKey}
            emptyLabel={t('plan.move.choose')}
            options={goalOptions}
          />
        ) : null}
        <ItemFormFields
          values={values}
          set={set}
          errors={errors}
          labels={labels}
          pillars={tree.data?.pillars ?? []}
          drivers={tree.data?.drivers ?? []}
          orgUnitOptions={orgUnitOptions}
          allowNoOrgUnit={admin}
        />
        <PlanMutationError
          error={conflict ? null : mutation.error}
          fields={[...formFields, 'parentKey', 'sectionCode', 'scope']}
        />
        {conflict ? (
          <PlanMutationError error={mutation.error} conflict={t('plan.conflict.lead')}>
            <ConflictCompare
              mine={values}
              theirs={valuesOf(conflict)}
              labels={labels}
              names={namesOf(tree.data)}
              onReload={() => onRebase?.(conflict)}
              onKeepMine={() => {
                setRowVersion(conflict.rowVersion);
                setConflict(null);
                mutation.reset();
              }}
            />
          </PlanMutationError>
        ) : null}
        <div aria-live="polite">
          {unchanged ? <p className="fw-semibold">{t('plan.form.unchanged')}</p> : null}
        </div>
        <div className="d-flex flex-wrap gap-2">
          <Button type="submit" color="primary" disabled={mutation.isPending}>
            {mutation.isPending
              ? t('common.saving')
              : mode === 'create'
                ? t(kind === 'goal' ? 'plan.form.createGoal' : 'plan.form.createAction')
                : t('common.save')}
          </Button>
          <Link
            className="btn btn-outline-secondary"
            to={item ? itemPath(plan.slug, version.number, item) : base}
          >
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
