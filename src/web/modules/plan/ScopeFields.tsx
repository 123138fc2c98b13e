import { useTranslation } from 'react-i18next';
import { ComuniPicker } from '../../ui/ComuniPicker.tsx';
import { CheckboxGroup, RadioGroup } from '../../ui/fields.tsx';
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
        <ComuniPicker
          comuni={labels.comuni}
          values={comuni}
          onChange={onComuni}
          error={errors.comuni}
          messages="plan.form"
        />
      ) : null}
    </fieldset>
  );
}
