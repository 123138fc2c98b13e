import { Button } from 'design-react-kit';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import {
  CheckboxField,
  CheckboxGroup,
  focusFirstInvalid,
  SelectField,
  TextField,
  useFormErrors,
} from '../../ui/fields.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { roles, type Role } from '../identity/types.ts';
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

interface UserFormProps {
  mode: 'create' | 'edit';
  initial: UserFormValues;
  busy: boolean;
  error: unknown;
  onSubmit: (values: UserFormValues) => Promise<unknown>;
  onCancel: () => void;
  onReload?: () => void;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIELDS = ['email', 'name', 'role', 'comuneCode', 'zoneId', 'orgUnitIds', 'disabled'];

/** One form for new and existing users; the scope fields follow the chosen role. */
export function UserForm({
  mode,
  initial,
  busy,
  error,
  onSubmit,
  onCancel,
  onReload,
}: UserFormProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const { comuneOptions, zoneOptions, orgUnitOptions } = useScopeOptions();
  const [values, setValues] = useState(initial);
  const { errors, setErrors, bind } = useFormErrors();
  const set = <K extends keyof UserFormValues>(key: K) =>
    bind(key, (value: UserFormValues[K]) => setValues((current) => ({ ...current, [key]: value })));

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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(form.current);
      return;
    }
    try {
      await onSubmit(values);
    } catch (failure) {
      if (isApiError(failure)) setErrors(failure.fieldErrors());
      focusFirstInvalid(form.current);
    }
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="mp-inline-form">
      <div className="row g-3">
        {mode === 'create' ? (
          <div className="col-12 col-md-6">
            <TextField
              label={t('admin.users.email')}
              type="email"
              value={values.email}
              onChange={set('email')}
              error={errors.email}
              autoComplete="off"
              required
            />
          </div>
        ) : null}
        <div className="col-12 col-md-6">
          <TextField
            label={t('admin.users.name')}
            value={values.name}
            onChange={set('name')}
            error={errors.name}
            autoComplete="off"
            required
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            label={t('admin.users.role')}
            value={values.role}
            onChange={(role) => set('role')(role as Role)}
            error={errors.role}
            options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </div>
        {values.role === 'comune_referent' ? (
          <div className="col-12 col-md-6">
            <SelectField
              label={t('admin.users.comune')}
              value={values.comuneCode}
              onChange={set('comuneCode')}
              error={errors.comuneCode}
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
              value={values.zoneId}
              onChange={set('zoneId')}
              error={errors.zoneId}
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
              values={values.orgUnitIds}
              onChange={set('orgUnitIds')}
              error={errors.orgUnitIds}
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
      </div>
      <MutationError error={error} onReload={onReload} fields={FIELDS} />
      <div className="d-flex gap-2">
        <Button type="submit" color="primary" size="sm" disabled={busy}>
          {busy
            ? t('common.saving')
            : mode === 'create'
              ? t('admin.users.create')
              : t('common.save')}
        </Button>
        <Button type="button" color="secondary" outline size="sm" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
