import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, CheckboxGroup, RadioGroup, TextField } from '../../ui/fields.tsx';
import type { PlanLabels } from './labels.ts';
import { scopeKinds, type ScopeKind } from './types.ts';

interface ScopeFieldsProps {
  kind: ScopeKind;
  zones: string[];
  comuni: string[];
  onKind: (kind: ScopeKind) => void;
  onZones: (zones: string[]) => void;
  onComuni: (comuni: string[]) => void;
  errors: Record<string, string>;
  labels: PlanLabels;
}

/** Where an item applies: the whole metropolitan city, some zones, or some comuni. */
export function ScopeFields({
  kind,
  zones,
  comuni,
  onKind,
  onZones,
  onComuni,
  errors,
  labels,
}: ScopeFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="mb-4">
      <legend className="fs-6 fw-semibold">{t('plan.fields.scope')}</legend>
      <RadioGroup
        legend={t('plan.form.scopeKind')}
        name="scope-kind"
        inline
        value={kind}
        onChange={(value) => onKind(value as ScopeKind)}
        options={scopeKinds.map((value) => ({ value, label: t(`plan.scope.kinds.${value}`) }))}
      />
      {kind === 'zones' ? (
        <CheckboxGroup
          className="mt-3 mp-columns"
          label={t('plan.form.zones')}
          options={labels.zones.map((zone) => ({ value: zone.id, label: zone.name }))}
          values={zones}
          onChange={onZones}
          error={errors.zones}
        />
      ) : null}
      {kind === 'comuni' ? (
        <ComuniPicker values={comuni} onChange={onComuni} error={errors.comuni} labels={labels} />
      ) : null}
    </fieldset>
  );
}

interface ComuniPickerProps {
  values: string[];
  onChange: (values: string[]) => void;
  error?: string;
  labels: PlanLabels;
}

/** 133 comuni are too many to scan: a filter narrows the checkboxes, the chosen stay listed. */
function ComuniPicker({ values, onChange, error, labels }: ComuniPickerProps) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState('');
  const countId = useId();
  const needle = filter.trim().toLocaleLowerCase(i18n.language);
  const shown = labels.comuni.filter(
    (comune) =>
      values.includes(comune.istatCode) ||
      (needle !== '' && comune.name.toLocaleLowerCase(i18n.language).includes(needle)),
  );
  const toggle = (code: string, checked: boolean) =>
    onChange(checked ? [...values, code] : values.filter((value) => value !== code));
  return (
    <fieldset className="mt-3" aria-describedby={countId}>
      <legend className="fs-6 fw-semibold">{t('plan.form.comuni')}</legend>
      <TextField
        label={t('plan.form.findComune')}
        type="search"
        value={filter}
        onChange={setFilter}
        autoComplete="off"
        hint={t('plan.form.findComuneHint')}
        error={error}
      />
      <p id={countId} className="small mb-2" aria-live="polite">
        {t('plan.form.comuniChosen', { count: values.length })}
      </p>
      <div className="mp-picker">
        {shown.map((comune) => (
          <CheckboxField
            key={comune.istatCode}
            label={comune.name}
            checked={values.includes(comune.istatCode)}
            onChange={(checked) => toggle(comune.istatCode, checked)}
          />
        ))}
      </div>
    </fieldset>
  );
}
