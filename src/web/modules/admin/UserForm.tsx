import { useTranslation } from 'react-i18next';
import { useCheckedForm } from '../../ui/checkedForm.ts';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../ui/fields.tsx';
import { roles, type Role } from '../identity/types.ts';
import { RowFormFrame, type RowFormProps } from './RowFormFrame.tsx';
import { useScopeOptions } from './scopeOptions.ts';
import type { UserDraft } from './types.ts';

export interface UserFormValues {
  email: string;
  name: string;
  role: Role;
  comuneCode: string;
  zoneId: string;
  orgUnitIds: string[];
  disabled: boolean;
}

/** Only the scope that the role uses is sent. */
export function scopeOf(
  values: UserFormValues,
): Pick<UserDraft, 'comuneCode' | 'zoneId' | 'orgUnitIds'> {
  return {
    comuneCode: values.role === 'comune_referent' ? values.comuneCode : null,
    zoneId: values.role === 'zone_referent' ? values.zoneId : null,
    orgUnitIds: values.role === 'editor' ? values.orgUnitIds : [],
  };
}

export interface IssuedPassword {
  email: string;
  password: string;
  reason: 'created' | 'reset';
}

interface UserFormProps extends RowFormProps<UserFormValues> {
  initial: UserFormValues;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIELDS = ['email', 'name', 'role', 'comuneCode', 'zoneId', 'orgUnitIds', 'disabled'];

/** One form for new and existing users; the scope fields follow the chosen role. */
export function UserForm({ initial, onSubmit, ...frame }: UserFormProps) {
  const { t } = useTranslation();
  const { mode } = frame;
  const { comuneOptions, zoneOptions, orgUnitOptions } = useScopeOptions();
  const { form, values, set, field, group, handleSubmit } = useCheckedForm(initial);

  const validate = () => {
    const found: Record<string, string> = {};
    if (mode === 'create') {
      if (!values.email.trim()) found.email = t('validation.required');
      else if (!EMAIL_PATTERN.test(values.email.trim())) found.email = t('validation.email');
    }
    if (!values.name.trim()) found.name = t('validation.required');
    if (values.role === 'comune_referent' && !values.comuneCode)
      found.comuneCode = t('validation.required');
    if (values.role === 'zone_referent' && !values.zoneId) found.zoneId = t('validation.required');
    if (values.role === 'editor' && values.orgUnitIds.length === 0) {
      found.orgUnitIds = t('admin.users.orgUnitsRequired');
    }
    return found;
  };

  return (
    <RowFormFrame
      {...frame}
      formRef={form}
      onSubmit={handleSubmit(validate, () => onSubmit(values))}
      createLabel={t('admin.users.create')}
      fields={FIELDS}
    >
      {mode === 'create' ? (
        <div className="col-12 col-md-6">
          <TextField
            label={t('admin.users.email')}
            type="email"
            {...field('email')}
            autoComplete="off"
            required
          />
        </div>
      ) : null}
      <div className="col-12 col-md-6">
        <TextField label={t('admin.users.name')} {...field('name')} autoComplete="off" required />
      </div>
      <div className="col-12 col-md-6">
        <SelectField
          label={t('admin.users.role')}
          {...field('role')}
          onChange={(role) => set('role')(role as Role)}
          options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
      </div>
      {values.role === 'comune_referent' ? (
        <div className="col-12 col-md-6">
          <SelectField
            label={t('admin.users.comune')}
            {...field('comuneCode')}
            emptyLabel={t('admin.users.chooseComune')}
            options={comuneOptions}
            required
          />
        </div>
      ) : null}
      {values.role === 'zone_referent' ? (
        <div className="col-12 col-md-6">
          <SelectField
            label={t('admin.users.zone')}
            {...field('zoneId')}
            emptyLabel={t('admin.users.chooseZone')}
            options={zoneOptions}
            required
          />
        </div>
      ) : null}
      {values.role === 'editor' ? (
        <div className="col-12">
          <CheckboxGroup
            label={t('admin.users.orgUnits')}
            options={orgUnitOptions}
            {...group('orgUnitIds')}
            hint={orgUnitOptions.length === 0 ? t('admin.users.noOrgUnits') : undefined}
          />
        </div>
      ) : null}
      {mode === 'edit' ? (
        <div className="col-12">
          <CheckboxField
            label={t('admin.users.disabled')}
            checked={values.disabled}
            onChange={set('disabled')}
          />
        </div>
      ) : null}
    </RowFormFrame>
  );
}
