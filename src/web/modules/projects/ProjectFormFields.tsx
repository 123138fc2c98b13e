import { useTranslation } from 'react-i18next';
import { bindFields } from '../../ui/fieldBindings.ts';
import { SelectField, TextAreaField, TextField, type Option } from '../../ui/fields.tsx';
import { ComuniPicker } from './ComuniPicker.tsx';
import { MeasureSelect } from './MeasureSelect.tsx';
import { projectDates, type ProjectFormValues } from './projectFormValues.ts';
import { fundingSources, type FundingSource } from './types.ts';
import { missionOptions } from '../plan/missionNames.ts';

interface ProjectFormFieldsProps {
  values: ProjectFormValues;
  set: <K extends keyof ProjectFormValues>(key: K) => (value: ProjectFormValues[K]) => void;
  setAmount: (source: FundingSource) => (value: string) => void;
  errors: Record<string, string>;
  creating: boolean;
  /** Org units the user may give the project to; omitted when editing (set on the project page). */
  orgUnitOptions?: Option[];
  allowNoOrgUnit?: boolean;
}

/** The fields of a project entered by hand, grouped as its page shows them. */
export function ProjectFormFields({
  values,
  set,
  setAmount,
  errors,
  creating,
  orgUnitOptions,
  allowNoOrgUnit,
}: ProjectFormFieldsProps) {
  const { t } = useTranslation();
  const { field, group } = bindFields(values, errors, set);
  return (
    <>
      <div className="row g-3">
        {creating ? (
          <>
            <div className="col-12 col-md-6">
              <TextField
                label={t('projects.fields.cup')}
                {...field('cup')}
                hint={t('projects.form.cupHint')}
                maxLength={20}
                autoComplete="off"
                required
              />
            </div>
            <div className="col-12 col-md-6">
              <TextField
                label={t('projects.fields.localCode')}
                {...field('localCode')}
                hint={t('projects.form.localCodeHint')}
                maxLength={60}
              />
            </div>
          </>
        ) : null}
        <div className="col-12">
          <TextField
            label={t('projects.fields.title')}
            {...field('title')}
            maxLength={500}
            required
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            label={t('projects.fields.programme')}
            {...field('programme')}
            hint={t('projects.form.programmeHint')}
            maxLength={80}
            required
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            label={t('projects.fields.cupStatus')}
            {...field('cupStatus')}
            maxLength={40}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            label={t('projects.fields.progress')}
            {...field('progress')}
            hint={t('projects.form.progressHint')}
            maxLength={80}
          />
        </div>
        {projectDates.map((name) => (
          <div key={name} className="col-12 col-md-6 col-lg-3">
            <TextField label={t(`projects.fields.${name}`)} type="date" {...field(name)} />
          </div>
        ))}
        <div className="col-12">
          <TextAreaField
            label={t('projects.fields.summary')}
            {...field('summary')}
            rows={4}
            maxLength={5000}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            label={t('projects.fields.implementer')}
            {...field('implementer')}
            maxLength={300}
          />
        </div>
        {orgUnitOptions ? (
          <div className="col-12 col-md-6">
            <SelectField
              label={t('projects.fields.orgUnit')}
              {...field('orgUnitId')}
              emptyLabel={allowNoOrgUnit ? t('projects.form.noOrgUnit') : undefined}
              options={orgUnitOptions}
            />
          </div>
        ) : null}
        <div className="col-12 col-md-4">
          <SelectField
            label={t('projects.fields.mission')}
            {...field('mission')}
            emptyLabel={t('projects.form.noMission')}
            options={missionOptions(t)}
          />
        </div>
        <div className="col-12 col-md-8">
          <MeasureSelect
            label={t('projects.fields.measure')}
            mission={values.mission}
            {...field('measure')}
            emptyLabel={t('projects.form.noMeasure')}
          />
        </div>
      </div>
      <fieldset className="mt-4">
        <legend className="fs-6 fw-semibold">{t('projects.funding.title')}</legend>
        <p className="small mb-3">{t('projects.form.amountHint')}</p>
        <div className="row g-3">
          {fundingSources.map((source) => (
            <div key={source} className="col-12 col-sm-6 col-lg-4">
              <TextField
                label={t(`projects.funding.${source}`)}
                inputMode="decimal"
                value={values.funding[source]}
                onChange={setAmount(source)}
                error={errors[`funding.${source}`]}
                autoComplete="off"
              />
            </div>
          ))}
        </div>
      </fieldset>
      <ComuniPicker {...group('comuni')} />
    </>
  );
}
