import { useTranslation } from 'react-i18next';
import { useCheckedForm } from '../../ui/checkedForm.ts';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { RowFormFrame, type RowFormProps } from './RowFormFrame.tsx';
import { orgUnitKinds, type OrgUnit, type OrgUnitDraft, type OrgUnitKind } from './types.ts';

interface OrgUnitFormProps extends RowFormProps<OrgUnitDraft> {
  initial?: OrgUnit;
  /** Possible parents: every other active unit. */
  units: OrgUnit[];
}

const FIELDS = ['name', 'kind', 'code', 'parentId'];

export function OrgUnitForm({ initial, units, onSubmit, ...frame }: OrgUnitFormProps) {
  const { t } = useTranslation();
  const { form, values, set, field, handleSubmit } = useCheckedForm({
    kind: initial?.kind ?? 'direzione',
    name: initial?.name ?? '',
    code: initial?.code ?? '',
    parentId: initial?.parentId ?? '',
  });

  const validate = () => {
    const found: Record<string, string> = {};
    if (!values.name.trim()) found.name = t('validation.required');
    return found;
  };

  const send = () =>
    onSubmit({
      kind: values.kind,
      name: values.name.trim(),
      code: values.code.trim() || null,
      parentId: values.parentId || null,
    });

  const parents = units
    .filter((unit) => !unit.archived && unit.id !== initial?.id)
    .map((unit) => ({ value: unit.id, label: unit.name }));

  return (
    <RowFormFrame
      {...frame}
      formRef={form}
      onSubmit={handleSubmit(validate, send)}
      createLabel={t('admin.orgUnits.create')}
      fields={FIELDS}
    >
      <div className="col-12 col-md-6">
        <TextField label={t('admin.orgUnits.name')} {...field('name')} required />
      </div>
      <div className="col-12 col-md-6">
        <SelectField
          label={t('admin.orgUnits.kind')}
          {...field('kind')}
          onChange={(kind) => set('kind')(kind as OrgUnitKind)}
          options={orgUnitKinds.map((value) => ({ value, label: t(`orgUnitKinds.${value}`) }))}
        />
      </div>
      <div className="col-12 col-md-6">
        <TextField label={t('admin.orgUnits.code')} {...field('code')} />
      </div>
      <div className="col-12 col-md-6">
        <SelectField
          label={t('admin.orgUnits.parent')}
          {...field('parentId')}
          emptyLabel={t('admin.orgUnits.noParent')}
          options={parents}
        />
      </div>
    </RowFormFrame>
  );
}
