import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, TextField } from '../../ui/fields.tsx';
import { useComuni } from '../territory/hooks.ts';

interface ComuniPickerProps {
  values: string[];
  onChange: (values: string[]) => void;
  error?: string;
}

/** 133 comuni are too many to scan: a filter narrows the checkboxes, the chosen stay listed. */
export function ComuniPicker({ values, onChange, error }: ComuniPickerProps) {
  const { t, i18n } = useTranslation();
  const comuni = useComuni({ pageSize: 200, sort: 'name' });
  const [filter, setFilter] = useState('');
  const countId = useId();
  const needle = filter.trim().toLocaleLowerCase(i18n.language);
  const shown = (comuni.data?.items ?? []).filter(
    (comune) =>
      values.includes(comune.istatCode) ||
      (needle !== '' && comune.name.toLocaleLowerCase(i18n.language).includes(needle)),
  );
  const toggle = (code: string, checked: boolean) =>
    onChange(checked ? [...values, code] : values.filter((value) => value !== code));
  return (
    <fieldset className="mt-3" aria-describedby={countId}>
      <legend className="fs-6 fw-semibold mb-3">{t('projects.form.comuni')}</legend>
      <TextField
        label={t('projects.form.findComune')}
        type="search"
        value={filter}
        onChange={setFilter}
        autoComplete="off"
        hint={t('projects.form.findComuneHint')}
        error={error}
      />
      <p id={countId} className="small mb-2" aria-live="polite">
        {t('projects.form.comuniChosen', { count: values.length })}
      </p>
      <div className="mp-comuni-picker">
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
