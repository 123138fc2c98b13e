import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCheckedForm } from '../../ui/checkedForm.ts';
import { TextAreaField, TextField } from '../../ui/fields.tsx';
import type { Zone } from '../territory/types.ts';
import { RowFormFrame, type RowFormProps } from './RowFormFrame.tsx';
import type { ZoneDraft } from './types.ts';

interface ZoneFormProps extends RowFormProps<ZoneDraft> {
  initial?: Zone;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIELDS = ['id', 'name', 'vision'];

/** "Adda Martesana" → "adda-martesana": a suggestion for the identifier of a new zone. */
function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function ZoneForm({ initial, onSubmit, ...frame }: ZoneFormProps) {
  const { t } = useTranslation();
  const creating = frame.mode === 'create';
  const [idTouched, setIdTouched] = useState(false);
  const { form, values, setValues, set, field, handleSubmit } = useCheckedForm({
    id: initial?.id ?? '',
    name: initial?.name ?? '',
    vision: initial?.vision ?? '',
  });

  const onName = (name: string) => {
    set('name')(name);
    if (creating && !idTouched) setValues((current) => ({ ...current, id: slugify(name) }));
  };

  const onId = (id: string) => {
    setIdTouched(true);
    set('id')(id);
  };

  const validate = () => {
    const found: Record<string, string> = {};
    if (!values.name.trim()) found.name = t('validation.required');
    if (creating && !SLUG.test(values.id)) found.id = t('admin.zones.idRule');
    return found;
  };

  const send = () =>
    onSubmit({ id: values.id, name: values.name.trim(), vision: values.vision.trim() || null });

  return (
    <RowFormFrame
      {...frame}
      formRef={form}
      onSubmit={handleSubmit(validate, send)}
      createLabel={t('admin.zones.create')}
      fields={FIELDS}
    >
      <div className="col-12 col-md-6">
        <TextField label={t('admin.zones.name')} {...field('name')} onChange={onName} required />
      </div>
      {creating ? (
        <div className="col-12 col-md-6">
          <TextField
            label={t('admin.zones.id')}
            {...field('id')}
            onChange={onId}
            hint={t('admin.zones.idHint')}
            required
          />
        </div>
      ) : null}
      <div className="col-12">
        <TextAreaField
          label={t('admin.zones.vision')}
          {...field('vision')}
          rows={2}
          maxLength={300}
        />
      </div>
    </RowFormFrame>
  );
}
