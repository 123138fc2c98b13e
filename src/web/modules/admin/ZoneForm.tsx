import { Button } from 'design-react-kit';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { focusFirstInvalid, TextAreaField, TextField, useFormErrors } from '../../ui/fields.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import type { Zone } from '../territory/types.ts';
import type { ZoneDraft } from './types.ts';

interface ZoneFormProps {
  mode: 'create' | 'edit';
  initial?: Zone;
  busy: boolean;
  error: unknown;
  onSubmit: (draft: ZoneDraft) => Promise<unknown>;
  onCancel: () => void;
  onReload?: () => void;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Adda Martesana" → "adda-martesana": a suggestion for the identifier of a new zone. */
function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function ZoneForm({
  mode,
  initial,
  busy,
  error,
  onSubmit,
  onCancel,
  onReload,
}: ZoneFormProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [id, setId] = useState(initial?.id ?? '');
  const [idTouched, setIdTouched] = useState(false);
  const [name, setName] = useState(initial?.name ?? '');
  const [vision, setVision] = useState(initial?.vision ?? '');
  const { errors, setErrors, bind } = useFormErrors();

  const onName = (value: string) => {
    setName(value);
    if (mode === 'create' && !idTouched) setId(slugify(value));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('validation.required');
    if (mode === 'create' && !SLUG.test(id)) found.id = t('admin.zones.idRule');
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(form.current);
      return;
    }
    try {
      await onSubmit({ id, name: name.trim(), vision: vision.trim() || null });
    } catch (failure) {
      if (isApiError(failure)) setErrors(failure.fieldErrors());
      focusFirstInvalid(form.current);
    }
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="mp-inline-form">
      <div className="row g-3">
        <div className="col-12 col-md-6">
          <TextField
            label={t('admin.zones.name')}
            value={name}
            onChange={bind('name', onName)}
            error={errors.name}
            required
          />
        </div>
        {mode === 'create' ? (
          <div className="col-12 col-md-6">
            <TextField
              label={t('admin.zones.id')}
              value={id}
              onChange={bind('id', (value: string) => {
                setIdTouched(true);
                setId(value);
              })}
              error={errors.id}
              hint={t('admin.zones.idHint')}
              required
            />
          </div>
        ) : null}
        <div className="col-12">
          <TextAreaField
            label={t('admin.zones.vision')}
            value={vision}
            onChange={bind('vision', setVision)}
            error={errors.vision}
            rows={2}
            maxLength={300}
          />
        </div>
      </div>
      <MutationError error={error} onReload={onReload} fields={['id', 'name', 'vision']} />
      <div className="d-flex gap-2">
        <Button type="submit" color="primary" size="sm" disabled={busy}>
          {busy
            ? t('common.saving')
            : mode === 'create'
              ? t('admin.zones.create')
              : t('common.save')}
        </Button>
        <Button type="button" color="secondary" outline size="sm" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
