import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Option } from '../../ui/fields.tsx';
import { InlineSelectForm } from '../../ui/InlineSelectForm.tsx';
import { useOrgUnits } from '../admin/hooks.ts';
import { useCurrentUser } from '../identity/hooks.ts';
import { adminRoles } from '../identity/policy.ts';
import { PlanMutationError } from '../plan/PlanMutationError.tsx';
import { useProject, useUpdateProject } from './hooks.ts';
import type { Project } from './types.ts';

const NO_UNIT = 'none';

/** For the PNRR unit and the plan office: who follows the project, and its edit form if manual. */
export function ProjectManagement({ project }: { project: Project }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="project-manage" className="card card-bg no-after mx-0 p-4 mt-5">
      <h2 id="project-manage" className="h4">
        {t('projects.manage.title')}
      </h2>
      {project.isManual ? (
        <p>
          <Link className="btn btn-primary btn-sm" to={`/progetti/${project.id}/modifica`}>
            {t('projects.manage.edit')}
          </Link>
        </p>
      ) : (
        <p className="small">{t('projects.manage.imported')}</p>
      )}
      <OrgUnitForm project={project} />
    </section>
  );
}

function OrgUnitForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const update = useUpdateProject(project.id);
  const current = useProject(project.id);
  const user = useCurrentUser();
  const options = [
    ...(units.data ?? [])
      .filter((item) => !item.archived)
      .map((item) => ({ value: item.id, label: item.name })),
    { value: NO_UNIT, label: t('projects.manage.noUnit') },
  ];

  // Nothing to choose yet: say where units are made, rather than offer an empty choice.
  if (units.isSuccess && options.length === 1 && !project.orgUnit)
    return (
      <section aria-labelledby="org-unit-title" className="mt-3">
        <h3 id="org-unit-title" className="h5">
          {t('projects.manage.unitTitle')}
        </h3>
        <p className="small mb-0" data-testid="no-org-units">
          {t('projects.manage.noUnits')}{' '}
          {user && adminRoles.includes(user.role) ? (
            <Link to="/admin/unita-organizzative">{t('projects.manage.createUnits')}</Link>
          ) : (
            t('projects.manage.askForUnits')
          )}
        </p>
      </section>
    );

  const submit = (unit: Option, done: (message: string) => void) =>
    update.mutate(
      { version: project.version, orgUnitId: unit.value === NO_UNIT ? null : unit.value },
      { onSuccess: () => done(t('projects.manage.unitSaved', { unit: unit.label })) },
    );

  return (
    <InlineSelectForm
      titleId="org-unit-title"
      title={t('projects.manage.unitTitle')}
      intro={
        <p className="small">
          {project.orgUnit
            ? t('projects.manage.current', { unit: project.orgUnit.name })
            : t('projects.manage.noneYet')}
        </p>
      }
      label={t('projects.manage.unit')}
      emptyLabel={t('projects.manage.chooseUnit')}
      options={options}
      submitLabel={update.isPending ? t('common.saving') : t('projects.manage.assign')}
      busy={update.isPending}
      onSubmit={submit}
    >
      <PlanMutationError
        error={update.error}
        onReload={() => {
          update.reset();
          void current.refetch();
        }}
      />
    </InlineSelectForm>
  );
}
