import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, TextField } from './fields.tsx';

interface ComuniPickerProps {
  comuni: readonly { istatCode: string; name: string }[];
  values: string[];
  onChange: (values: string[]) => void;
  error?: string;
  /** The locale namespace holding comuni, findComune, findComuneHint and comuniChosen. */
  messages: 'plan.form' | 'projects.form';
}

/** 133 comuni are too many to scan: a filter narrows the checkboxes, the chosen stay listed. */
export function ComuniPicker({ comuni, values, onChange, error, messages }: ComuniPickerProps) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState('');
  const countId = useId();
  const needle = filter.trim().toLocaleLowerCase(i18n.language);
  const shown = comuni.filter(
    (comune) =>
      values.includes(comune.istatCode) ||
      (needle !== '' && comune.name.toLocaleLowerCase(i18n.language).includes(needle)),
  );
  const toggle = (code: string, checked: boolean) =>
    onChange(checked ? [...values, code] : values.filter((value) => value !== code));
  return (
    <fieldset className="mt-3" aria-describedby={countId}>
      <legend className="fs-6 fw-semibold mb-3">{t(`${messages}.comuni`)}</legend>
      <TextField
        label={t(`${messages}.findComune`)}
        type="search"
        value={filter}
        onChange={setFilter}
        autoComplete="off"
        hint={t(`${messages}.findComuneHint`)}
        error={error}
      />
      <p id={countId} className="small mb-2" aria-live="polite">
        {t(`${messages}.comuniChosen`, { count: values.length })}
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
