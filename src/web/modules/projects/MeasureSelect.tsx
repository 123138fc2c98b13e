import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, type Option } from '../../ui/fields.tsx';
import { SearchField } from '../../ui/SearchField.tsx';
import { useMeasureTitles } from '../plan/hooks.ts';
import { usePnrrMeasures } from './hooks.ts';

interface MeasureSelectProps {
  label: string;
  /** Only the measures of this mission ('' for all). */
  mission: string;
  value: string;
  onChange: (code: string) => void;
  emptyLabel: string;
  error?: string;
}

/**
 * Over two hundred measures and sub-measures are too many to scroll: words typed in the search
 * narrow the list (through the taxonomy API), and the choice stays a native select, which every
 * keyboard and screen reader knows how to use.
 */
export function MeasureSelect({
  label,
  mission,
  value,
  onChange,
  emptyLabel,
  error,
}: MeasureSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const countId = useId();
  const measures = usePnrrMeasures(mission, search.trim());
  const chosenTitle = useMeasureTitles(value ? [value] : []).get(value);

  const options: Option[] = [];
  const seen = new Set<string>();
  const add = (option: Option) => {
    // A sub-measure may carry its measure's own code (M7C1I15.1): list each code once.
    if (seen.has(option.value)) return;
    seen.add(option.value);
    options.push(option);
  };
  for (const measure of measures.data ?? []) {
    add({ value: measure.code, label: `${measure.code} · ${measure.title}` });
    for (const sub of measure.subMeasures)
      add({ value: sub.code, label: `\u2003${sub.code} · ${sub.title}` });
  }
  // The measure in force stays choosable even when the search no longer lists it.
  if (value && !options.some((option) => option.value === value))
    options.unshift({ value, label: chosenTitle ? `${value} · ${chosenTitle}` : value });
  const found = measures.data?.length ?? 0;

  return (
    <div className="mp-measure-select">
      <SearchField
        label={t('projects.measure.search')}
        value={search}
        onSearch={setSearch}
        delayMs={250}
      />
      <SelectField
        label={label}
        value={value}
        onChange={onChange}
        emptyLabel={emptyLabel}
        options={options}
        error={error}
        hint={
          <span id={countId} aria-live="polite">
            {measures.data ? t('projects.measure.count', { count: found }) : null}
          </span>
        }
      />
    </div>
  );
}
