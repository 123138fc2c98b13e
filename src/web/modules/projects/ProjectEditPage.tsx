import { Button } from 'design-react-kit';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { focusFirstInvalid, useFormErrors } from '../../ui/fields.tsx';
import { ErrorState, Forbidden, Loading } from '../../ui/QueryStates.tsx';
import { useOrgUnits } from '../admin/hooks.ts';
import { useCurrentUser } from '../identity/hooks.ts';
import { PlanMutationError } from '../plan/PlanMutationError.tsx';
import { useCreateProject, useProject, useUpdateProject } from './hooks.ts';
import { canEnterProjects, canImportProjects } from './policy.ts';
import {
  blankProjectValues,
  changedProjectFields,
  projectErrorsOf,
  projectFieldsOf,
  projectFormFields,
  projectValuesOf,
  validateProjectValues,
  type ProjectFormValues,
} from './projectFormValues.ts';
import { ProjectFormFields } from './ProjectFormFields.tsx';
import { PageBreadcrumb } from '../../ui/PageBreadcrumb.tsx';
import type { FundingSource, Project } from './types.ts';
import './projects.css';

/** `/progetti/nuovo`: a project outside the PNRR releases, entered by hand. */
export function ProjectCreatePage() {
  const user = useCurrentUser();
  return canEnterProjects(user) ? <ProjectEditor /> : <Forbidden />;
}

/** `/progetti/:id/modifica`: only projects entered by hand are edited here. */
export default function ProjectEditPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const project = useProject(id);
  if (!canImportProjects(user)) return <Forbidden />;
  if (project.isPending) return <Loading />;
  if (project.isError)
    return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  if (!project.data.isManual) return <ImportedProject project={project.data} />;
  return (
    <PinnedEditor first={project.data} fetchCurrent={async () => (await project.refetch()).data} />
  );
}

/** A project of a PNRR release is not edited here: its unit is set on its own page. */
function ImportedProject({ project }: { project: Project }) {
  const { t } = useTranslation();
  const heading = t('projects.form.editTitle', { cup: project.cup });
  useDocumentTitle(heading);
  return (
    <>
      <PageBreadcrumb
        current={t('common.edit')}
        trail={[
          { to: '/progetti', label: t('nav.projects') },
          { to: `/progetti/${project.id}`, label: project.cup },
        ]}
      />
      <h1>{heading}</h1>
      <div className="callout warning my-4">
        <div className="callout-inner">
          <p>{t('projects.manage.importedReadOnly')}</p>
          <Link to={`/progetti/${project.id}`}>{t('projects.form.backToProject')}</Link>
        </div>
      </div>
    </>
  );
}

/**
 * The form edits the copy loaded first: a later fetch (after a save) does not restart it under
 * the user. "Ricarica" restarts it from the current copy on purpose.
 */
function PinnedEditor({
  first,
  fetchCurrent,
}: {
  first: Project;
  fetchCurrent: () => Promise<Project | undefined>;
}) {
  const [base, setBase] = useState(first);
  return (
    <ProjectEditor
      key={base.version}
      project={base}
      onReload={async () => {
        const current = await fetchCurrent();
        if (current) setBase(current);
      }}
    />
  );
}

function ProjectEditor({ project, onReload }: { project?: Project; onReload?: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const units = useOrgUnits();
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? '');
  const form = useRef<HTMLFormElement>(null);
  const office = canImportProjects(user);
  const mine = user?.orgUnitIds ?? [];
  const base = useMemo(
    () =>
      project ? projectValuesOf(project, i18n.language) : blankProjectValues(office ? '' : mine[0]),
    // The form starts once, from the copy it was given.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [project],
  );
  const [values, setValues] = useState<ProjectFormValues>(base);
  const [unchanged, setUnchanged] = useState(false);
  const { errors, setErrors, bind } = useFormErrors();
  const creating = !project;
  const heading = project
    ? t('projects.form.editTitle', { cup: project.cup })
    : t('projects.form.newTitle');
  useDocumentTitle(heading);

  const set =
    <K extends keyof ProjectFormValues>(key: K) =>
    (value: ProjectFormValues[K]) => {
      setUnchanged(false);
      bind(key, (next: ProjectFormValues[K]) =>
        setValues((old) => {
          const updated = { ...old, [key]: next };
          // A measure belongs to one mission: another mission lets it go.
          if (key === 'mission' && next && !old.measure.startsWith(`${String(next)}C`))
            updated.measure = '';
          return updated;
        }),
      )(value);
    };
  const setAmount = (source: FundingSource) =>
    bind(`funding.${source}`, (value: string) => {
      setUnchanged(false);
      setValues((old) => ({ ...old, funding: { ...old.funding, [source]: value } }));
    });

  const orgUnitOptions = (units.data ?? [])
    .filter((unit) => !unit.archived && (office || mine.includes(unit.id)))
    .map((unit) => ({ value: unit.id, label: unit.name }));

  const onFailure = (error: unknown) => {
    if (isApiError(error)) setErrors(projectErrorsOf(error.fieldErrors()));
    focusFirstInvalid(form.current);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateProjectValues(values, t, creating, !office);
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(form.current);
      return;
    }
    if (project) {
      const changes = changedProjectFields(values, base);
      if (Object.keys(changes).length === 0) {
        setUnchanged(true);
        return;
      }
      update.mutate(
        { version: project.version, ...changes },
        {
          onSuccess: (saved) =>
            navigate(`/progetti/${saved.id}`, { state: { flash: 'projectSaved' } }),
          onError: onFailure,
        },
      );
      return;
    }
    create.mutate(projectFieldsOf(values), {
      onSuccess: (created) =>
        navigate(`/progetti/${created.id}`, { state: { flash: 'projectCreated' } }),
      onError: onFailure,
    });
  };

  const mutation = project ? update : create;
  const trail = [
    { to: '/progetti', label: t('nav.projects') },
    ...(project ? [{ to: `/progetti/${project.id}`, label: project.cup }] : []),
  ];

  return (
    <>
      <PageBreadcrumb current={project ? t('common.edit') : heading} trail={trail} />
      <h1>{heading}</h1>
      <p className="lead">{t('projects.form.lead')}</p>
      <form ref={form} onSubmit={submit} noValidate className="mp-project-form">
        <ProjectFormFields
          values={values}
          set={set}
          setAmount={setAmount}
          errors={errors}
          creating={creating}
          orgUnitOptions={creating ? orgUnitOptions : undefined}
          allowNoOrgUnit={office}
        />
        <PlanMutationError
          error={mutation.error}
          fields={projectFormFields}
          onReload={
            onReload
              ? () => {
                  mutation.reset();
                  onReload();
                }
              : undefined
          }
        />
        <div aria-live="polite">
          {unchanged ? <p className="fw-semibold">{t('projects.form.unchanged')}</p> : null}
        </div>
        <div className="d-flex flex-wrap gap-2 mt-3">
          <Button type="submit" color="primary" disabled={mutation.isPending}>
            {mutation.isPending
              ? t('common.saving')
              : project
                ? t('common.save')
                : t('projects.form.create')}
          </Button>
          <Link
            className="btn btn-outline-secondary"
            to={project ? `/progetti/${project.id}` : '/progetti'}
          >
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
