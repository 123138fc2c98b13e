import { Button } from 'design-react-kit';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { focusFirstInvalid, SelectField, TextField, useFormErrors } from '../../ui/fields.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { orgUnitKinds, type OrgUnit, type OrgUnitDraft, type OrgUnitKind } from './types.ts';

interface OrgUnitFormProps {
  mode: 'create' | 'edit';
  initial?: OrgUnit;
  /** Possible parents: every other active unit. */
  units: OrgUnit[];
  busy: boolean;
  error: unknown;
  onSubmit: (draft: OrgUnitDraft) => Promise<unknown>;
  onCancel: () => void;
  onReload?: () => void;
}

export function OrgUnitForm({
  mode,
  initial,
  units,
  busy,
  error,
  onSubmit,
  onCancel,
  onReload,
}: OrgUnitFormProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<OrgUnitKind>(initial?.kind ?? 'direzione');
  const [name, setName] = useState(initial?.name ?? '');
  const [code, setCode] = useState(initial?.code ?? '');
  const [parentId, setParentId] = useState(initial?.parentId ?? '');
  const { errors, setErrors, bind } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(form.current);
      return;
    }
    try {
      await onSubmit({
        kind,
        name: name.trim(),
        code: code.trim() || null,
        parentId: parentId || null,
      });
    } catch (failure) {
      if (isApiError(failure)) setErrors(failure.fieldErrors());
      focusFirstInvalid(form.current);
    }
  };

  const parents = units
    .filter((unit) => !unit.archived && unit.id !== initial?.id)
    .map((unit) => ({ value: unit.id, label: unit.name }));

  return (
    <form ref={form} onSubmit={submit} noValidate className="mp-inline-form">
      <div className="row g-3">
        <div className="col-12 col-md-6">
          <TextField
            label={t('admin.orgUnits.name')}
            value={name}
            onChange={bind('name', setName)}
            error={errors.name}
            required
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            label={t('admin.orgUnits.kind')}
            value={kind}
            onChange={bind('kind', (value: string) => setKind(value as OrgUnitKind))}
            error={errors.kind}
            options={orgUnitKinds.map((value) => ({ value, label: t(`orgUnitKinds.${value}`) }))}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            label={t('admin.orgUnits.code')}
            value={code}
            onChange={bind('code', setCode)}
            error={errors.code}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            label={t('admin.orgUnits.parent')}
            value={parentId}
            onChange={bind('parentId', setParentId)}
            error={errors.parentId}
            emptyLabel={t('admin.orgUnits.noParent')}
            options={parents}
          />
        </div>
      </div>
      <MutationError
        error={error}
        onReload={onReload}
        fields={['name', 'kind', 'code', 'parentId']}
      />
      <div className="d-flex gap-2">
        <Button type="submit" color="primary" size="sm" disabled={busy}>
          {busy
            ? t('common.saving')
            : mode === 'create'
              ? t('admin.orgUnits.create')
              : t('common.save')}
        </Button>
        <Button type="button" color="secondary" outline size="sm" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
