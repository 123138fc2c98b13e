import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField } from '../../ui/fields.tsx';
import { useOrgUnits } from '../admin/hooks.ts';
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
  const [unit, setUnit] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const options = [
    ...(units.data ?? [])
      .filter((item) => !item.archived)
      .map((item) => ({ value: item.id, label: item.name })),
    { value: NO_UNIT, label: t('projects.manage.noUnit') },
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!unit) return;
    const label = options.find((option) => option.value === unit)?.label ?? unit;
    update.mutate(
      { version: project.version, orgUnitId: unit === NO_UNIT ? null : unit },
      {
        onSuccess: () => {
          setUnit('');
          setDone(t('projects.manage.unitSaved', { unit: label }));
        },
      },
    );
  };

  return (
    <form className="mp-inline-form" aria-labelledby="org-unit-title" onSubmit={submit}>
      <h3 id="org-unit-title" className="h6">
        {t('projects.manage.unitTitle')}
      </h3>
      <p className="small">
        {project.orgUnit
          ? t('projects.manage.current', { unit: project.orgUnit.name })
          : t('projects.manage.noneYet')}
      </p>
      <div className="row g-2 align-items-end">
        <div className="col-12 col-md-8">
          <SelectField
            label={t('projects.manage.unit')}
            value={unit}
            onChange={(value) => {
              setUnit(value);
              setDone(null);
            }}
            emptyLabel={t('projects.manage.chooseUnit')}
            options={options}
          />
        </div>
        <div className="col-12 col-md-4">
          <Button
            type="submit"
            color="primary"
            outline
            size="sm"
            disabled={!unit || update.isPending}
          >
            {update.isPending ? t('common.saving') : t('projects.manage.assign')}
          </Button>
        </div>
      </div>
      <div aria-live="polite">
        {done ? <p className="text-success fw-semibold">{done}</p> : null}
      </div>
      <PlanMutationError
        error={update.error}
        onReload={() => {
          update.reset();
          void current.refetch();
        }}
      />
    </form>
  );
}
