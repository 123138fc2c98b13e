import { useTranslation } from 'react-i18next';
import { bindFields } from '../../ui/fieldBindings.ts';
import {
  CheckboxGroup,
  SelectField,
  TextAreaField,
  TextField,
  type Option,
} from '../../ui/fields.tsx';
import type { ItemFormValues } from './itemFormValues.ts';
import type { PlanLabels } from './labels.ts';
import { ScopeFields } from './ScopeFields.tsx';
import { allMissions, linkedPlanKinds, type PlanItem } from './types.ts';

interface ItemFormFieldsProps {
  values: ItemFormValues;
  set: <K extends keyof ItemFormValues>(key: K) => (value: ItemFormValues[K]) => void;
  errors: Record<string, string>;
  labels: PlanLabels;
  pillars: PlanItem[];
  drivers: PlanItem[];
  /** Org units the user may give the item to; `null` adds "none" (the plan office only). */
  orgUnitOptions: Option[];
  allowNoOrgUnit: boolean;
}

/** Every editable field of a goal or action, grouped as a reader of the plan would look for it. */
export function ItemFormFields({
  values,
  set,
  errors,
  labels,
  pillars,
  drivers,
  orgUnitOptions,
  allowNoOrgUnit,
}: ItemFormFieldsProps) {
  const { t } = useTranslation();
  const { field, group } = bindFields(values, errors, set);
  return (
    <>
      <div className="row g-3">
        <div className="col-12 col-md-9">
          <TextField label={t('plan.fields.title')} {...field('title')} maxLength={300} required />
        </div>
        <div className="col-12 col-md-3">
          <TextField
            label={t('plan.fields.code')}
            {...field('code')}
            hint={t('plan.form.codeHint')}
            maxLength={20}
          />
        </div>
        <div className="col-12">
          <TextAreaField
            label={t('plan.fields.description')}
            {...field('description')}
            hint={t('plan.form.descriptionHint')}
            rows={6}
            maxLength={50_000}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            label={t('plan.fields.orgUnit')}
            {...field('orgUnitId')}
            emptyLabel={allowNoOrgUnit ? t('plan.form.noOrgUnit') : undefined}
            options={orgUnitOptions}
            hint={allowNoOrgUnit ? undefined : t('plan.form.orgUnitHint')}
          />
        </div>
        <div className="col-6 col-md-3">
          <TextField
            label={t('plan.fields.periodStart')}
            inputMode="numeric"
            {...field('periodStart')}
            maxLength={4}
          />
        </div>
        <div className="col-6 col-md-3">
          <TextField
            label={t('plan.fields.periodEnd')}
            inputMode="numeric"
            {...field('periodEnd')}
            maxLength={4}
          />
        </div>
      </div>
      <div className="row g-3 mt-1">
        <div className="col-12 col-lg-6">
          <CheckboxGroup
            label={t('plan.fields.missions')}
            options={allMissions.map((code) => ({
              value: code,
              label: `${code} · ${labels.missionName(code)}`,
            }))}
            {...group('missions')}
          />
          <TextField
            label={t('plan.fields.measures')}
            {...field('measures')}
            hint={t('plan.form.measuresHint')}
          />
          <CheckboxGroup
            className="mt-3"
            label={t('plan.fields.linkedPlans')}
            options={linkedPlanKinds.map((kind) => ({
              value: kind,
              label: t(`plan.linkedPlans.${kind}`),
            }))}
            {...group('linkedPlans')}
          />
        </div>
        <div className="col-12 col-lg-6">
          <CheckboxGroup
            className="mp-columns"
            label={t('plan.fields.sdgs')}
            options={labels.sdgs.map((sdg) => ({
              value: String(sdg.goal),
              label: `${sdg.goal}. ${labels.sdgName(sdg.goal)}`,
            }))}
            {...group('sdgs')}
          />
        </div>
        <div className="col-12 col-md-6">
          <CheckboxGroup
            label={t('plan.fields.pillarKeys')}
            options={pillars.map((pillar) => ({ value: pillar.key, label: pillar.title }))}
            {...group('pillarKeys')}
            hint={pillars.length === 0 ? t('plan.form.noPillars') : undefined}
          />
        </div>
        <div className="col-12 col-md-6">
          <CheckboxGroup
            label={t('plan.fields.driverKeys')}
            options={drivers.map((driver) => ({ value: driver.key, label: driver.title }))}
            {...group('driverKeys')}
            hint={drivers.length === 0 ? t('plan.form.noDrivers') : undefined}
          />
        </div>
      </div>
      <ScopeFields
        kind={values.scopeKind}
        zones={values.zones}
        comuni={values.comuni}
        onKind={set('scopeKind')}
        onZones={set('zones')}
        onComuni={set('comuni')}
        errors={errors}
        labels={labels}
      />
    </>
  );
}
