import { Button } from 'design-react-kit';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { searchableName } from '../../../domain/istat.ts';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { LiveNotice } from '../../ui/LiveNotice.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useCurrentUser } from '../identity/hooks.ts';
import { usePlans, useTree } from '../plan/hooks.ts';
import type { Tree } from '../plan/types.ts';
import { useDecideLink } from './hooks.ts';
import { defaultVersion, findVersion, versionOptions } from './linkVersions.ts';
import { canLinkAction } from './policy.ts';

/** More would make a long list to tab through: the search narrows it instead. */
const MAX_SHOWN = 30;

interface ActionChoice {
  key: string;
  code: string | null;
  title: string;
  goalTitle: string;
  orgUnitId: string | null;
}

function actionChoices(tree: Tree): ActionChoice[] {
  return tree.sections.flatMap((section) =>
    section.goals.flatMap((goal) =>
      goal.actions.map((action) => ({
        key: action.key,
        code: action.code,
        title: action.title,
        goalTitle: goal.title,
        orgUnitId: action.orgUnitId,
      })),
    ),
  );
}

function matches(choice: ActionChoice, search: string): boolean {
  // Case, accents and apostrophes folded, as the comuni are searched: "mobilita" finds "Mobilità".
  const text = searchableName(`${choice.code ?? ''} ${choice.title} ${choice.goalTitle}`);
  return searchableName(search)
    .split(' ')
    .every((word) => text.includes(word));
}

interface LinkToActionProps {
  projectId: string;
  /** Actions the project is already linked to: shown, not offered again. */
  linkedKeys: ReadonlySet<string>;
}

/** "Collega a un'azione": a version of the plan, one of its actions, then confirm. */
export function LinkToAction({ projectId, linkedKeys }: LinkToActionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const [refocus, setRefocus] = useState(false);
  // The form is gone: once the button that opened it is back, the focus returns to it.
  useEffect(() => {
    if (open || !refocus) return;
    opener.current?.focus();
    setRefocus(false);
  }, [open, refocus]);
  const close = (message: string | null) => {
    setOpen(false);
    setNotice(message);
    setRefocus(true);
  };
  return (
    <div className="mt-3">
      <LiveNotice message={notice} />
      {open ? (
        <LinkForm
          id={formId}
          projectId={projectId}
          linkedKeys={linkedKeys}
          onDone={close}
          onCancel={() => close(null)}
        />
      ) : (
        <button
          ref={opener}
          type="button"
          className="btn btn-outline-primary btn-sm"
          aria-expanded={false}
          aria-controls={formId}
          onClick={() => {
            setNotice(null);
            setOpen(true);
          }}
        >
          {t('projects.links.manual.open')}
        </button>
      )}
    </div>
  );
}

interface LinkFormProps extends LinkToActionProps {
  id: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function LinkForm({ id, projectId, linkedKeys, onDone, onCancel }: LinkFormProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const plans = usePlans();
  const decide = useDecideLink();
  const [versionId, setVersionId] = useState('');
  const [search, setSearch] = useState('');
  const [actionKey, setActionKey] = useState('');
  const [missing, setMissing] = useState(false);
  const list = useRef<HTMLFieldSetElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  // Opened by a button that is now gone: the focus starts at the form's title.
  useEffect(() => heading.current?.focus(), []);
  const chosen = plans.data
    ? (findVersion(plans.data, versionId) ?? defaultVersion(plans.data))
    : undefined;
  const tree = useTree(chosen?.version.id);
  const treeOfChosen = tree.data?.versionId === chosen?.version.id ? tree.data : undefined;
  const choices = useMemo(() => (treeOfChosen ? actionChoices(treeOfChosen) : []), [treeOfChosen]);
  const allowed = choices.filter((choice) => canLinkAction(user, choice.orgUnitId));
  const found = allowed.filter((choice) => matches(choice, search));
  const shown = found.slice(0, MAX_SHOWN);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const choice = found.find((c) => c.key === actionKey);
    if (!chosen || !choice) {
      setMissing(true);
      list.current?.querySelector<HTMLInputElement>('input:not([disabled])')?.focus();
      return;
    }
    decide.mutate(
      { projectId, actionKey: choice.key, versionId: chosen.version.id, status: 'accepted' },
      {
        onSuccess: (link) =>
          onDone(t('projects.links.manual.done', { action: link.actionTitle ?? choice.title })),
      },
    );
  };

  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className="card card-bg no-after mx-0 p-4"
      data-testid="link-to-action"
    >
      <h3 id={headingId} className="h5" ref={heading} tabIndex={-1}>
        {t('projects.links.manual.title')}
      </h3>
      <p className="small">
        {t('projects.links.manual.lead')}{' '}
        {user?.role === 'editor' ? t('projects.links.manual.editorLead') : null}
      </p>
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : null}
      {plans.data ? (
        <form noValidate onSubmit={submit}>
          <SelectField
            label={t('projects.links.manual.version')}
            value={chosen?.version.id ?? ''}
            onChange={(next) => {
              setVersionId(next);
              setActionKey('');
              decide.reset();
            }}
            options={versionOptions(plans.data, t)}
          />
          <TextField
            label={t('projects.links.manual.search')}
            hint={t('projects.links.manual.searchHint')}
            type="search"
            autoComplete="off"
            value={search}
            onChange={setSearch}
            onKeyDown={(event) => {
              // Enter searches, as the list already follows the typing: it does not link.
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
          {tree.isError ? (
            <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />
          ) : null}
          {chosen && !treeOfChosen && !tree.isError ? <Loading /> : null}
          {treeOfChosen ? (
            <ActionList
              fieldsetRef={list}
              choices={shown}
              total={found.length}
              empty={
                choices.length === 0
                  ? t('projects.links.manual.none')
                  : allowed.length === 0
                    ? t('projects.links.manual.noneOwn')
                    : t('projects.links.manual.noMatch')
              }
              linkedKeys={linkedKeys}
              value={actionKey}
              onChange={(key) => {
                setActionKey(key);
                setMissing(false);
              }}
              error={missing ? t('projects.links.manual.chooseAction') : undefined}
            />
          ) : null}
          <MutationError error={decide.error} />
          <div className="d-flex flex-wrap gap-2 mt-3">
            <Button type="submit" color="primary" size="sm" disabled={decide.isPending}>
              {decide.isPending
                ? t('projects.links.manual.submitting')
                : t('projects.links.manual.submit')}
            </Button>
            <Button type="button" color="secondary" outline size="sm" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

interface ActionListProps {
  fieldsetRef: Ref<HTMLFieldSetElement>;
  choices: ActionChoice[];
  total: number;
  empty: string;
  linkedKeys: ReadonlySet<string>;
  value: string;
  onChange: (key: string) => void;
  error: string | undefined;
}

/** The actions found, as radio buttons: arrows move among them, as in any radio group. */
function ActionList({
  fieldsetRef,
  choices,
  total,
  empty,
  linkedKeys,
  value,
  onChange,
  error,
}: ActionListProps) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset
      ref={fieldsetRef}
      className="mt-2"
      aria-describedby={error ? `${name}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="fs-6 fw-semibold mb-1">{t('projects.links.manual.action')}</legend>
      <p className="small mb-2" aria-live="polite">
        {total > 0 ? t('projects.links.manual.found', { count: total }) : null}
        {total > choices.length
          ? ` ${t('projects.links.manual.more', { shown: choices.length })}`
          : null}
      </p>
      {choices.length === 0 ? <EmptyState>{empty}</EmptyState> : null}
      <ul className="list-unstyled mb-0">
        {choices.map((choice) => {
          const linked = linkedKeys.has(choice.key);
          const id = `${name}-${choice.key}`;
          return (
            <li key={choice.key} className="form-check my-1">
              <input
                type="radio"
                id={id}
                name={name}
                value={choice.key}
                checked={value === choice.key}
                disabled={linked}
                onChange={() => onChange(choice.key)}
              />
              <label htmlFor={id}>
                {choice.code ? <code className="me-1">{choice.code}</code> : null}
                {choice.title}
                {linked ? ` (${t('projects.links.manual.alreadyLinked')})` : null}
                <span className="d-block small fw-normal">{choice.goalTitle}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {error ? (
        <div id={`${name}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}
