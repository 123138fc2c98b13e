import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import { cx } from './classNames.ts';

interface FieldShell {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
}

/** The ids of the hint and error shown under a field, for aria-describedby. */
function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Feedback({
  id,
  error,
  hint,
}: {
  id: string;
  error?: string | undefined;
  hint?: ReactNode;
}) {
  return (
    <>
      {hint ? (
        <small id={`${id}-hint`} className="form-text">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </>
  );
}

type InputAttributes = Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  'onChange' | 'value' | 'className'
>;

interface TextFieldProps extends FieldShell, InputAttributes {
  value: string;
  onChange: (value: string) => void;
}

/** A labelled text input (Bootstrap Italia markup) whose error is tied to it by aria-describedby. */
export function TextField({
  label,
  error,
  hint,
  className,
  value,
  onChange,
  id,
  ...input
}: TextFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className={cx('form-group', className)}>
      <label htmlFor={fieldId} className="active">
        {label}
      </label>
      <input
        // Bootstrap Italia draws the field's line for typed inputs only: without a type, a text
        // field had none and could not be seen.
        type="text"
        {...input}
        id={fieldId}
        className={cx('form-control', error && 'is-invalid')}
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
      />
      <Feedback id={fieldId} error={error} hint={hint} />
    </div>
  );
}

interface TextAreaFieldProps extends FieldShell {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
  required?: boolean;
}

export function TextAreaField({
  label,
  error,
  hint,
  className,
  value,
  onChange,
  ...textarea
}: TextAreaFieldProps) {
  const fieldId = useId();
  return (
    <div className={cx('form-group', className)}>
      <label htmlFor={fieldId} className="active">
        {label}
      </label>
      <textarea
        {...textarea}
        id={fieldId}
        className={cx('form-control', error && 'is-invalid')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
      />
      <Feedback id={fieldId} error={error} hint={hint} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps extends FieldShell {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  /** Label of an empty first option ("all", "none"); omit to force a choice. */
  emptyLabel?: string;
  required?: boolean;
  disabled?: boolean;
  id?: string;
}

export function SelectField({
  label,
  error,
  hint,
  className,
  value,
  onChange,
  options,
  emptyLabel,
  id,
  ...select
}: SelectFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className={cx('select-wrapper form-group', className)}>
      <label htmlFor={fieldId}>{label}</label>
      <select
        {...select}
        id={fieldId}
        className={cx(error && 'is-invalid')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Feedback id={fieldId} error={error} hint={hint} />
    </div>
  );
}

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
  disabled?: boolean;
}

export function CheckboxField({
  label,
  checked,
  onChange,
  className,
  disabled,
}: CheckboxFieldProps) {
  const fieldId = useId();
  return (
    <div className={cx('form-check', className)}>
      <input
        id={fieldId}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={fieldId}>{label}</label>
    </div>
  );
}

interface CheckboxGroupProps extends FieldShell {
  options: Option[];
  values: string[];
  onChange: (values: string[]) => void;
}

/** A multi-select as a fieldset of checkboxes: usable by keyboard and screen reader alike. */
export function CheckboxGroup({
  label,
  error,
  hint,
  className,
  options,
  values,
  onChange,
}: CheckboxGroupProps) {
  const groupId = useId();
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values, value] : values.filter((item) => item !== value));
  return (
    <fieldset
      className={cx('mb-4', className)}
      aria-describedby={describedBy(groupId, hint, error)}
    >
      <legend className="fs-6 fw-semibold">{label}</legend>
      {options.map((option) => (
        <CheckboxField
          key={option.value}
          label={option.label}
          checked={values.includes(option.value)}
          onChange={(checked) => toggle(option.value, checked)}
        />
      ))}
      <Feedback id={groupId} error={error} hint={hint} />
    </fieldset>
  );
}

interface RadioGroupProps {
  legend: string;
  name: string;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  className?: string;
  inline?: boolean;
}

export function RadioGroup({
  legend,
  name,
  options,
  value,
  onChange,
  className,
  inline,
}: RadioGroupProps) {
  const groupId = useId();
  return (
    <fieldset className={className}>
      <legend className="fs-6 fw-semibold mb-1">{legend}</legend>
      {options.map((option) => (
        <div key={option.value} className={cx('form-check', inline && 'form-check-inline')}>
          <input
            type="radio"
            id={`${groupId}-${option.value}`}
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <label htmlFor={`${groupId}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** After a failed submit, take the user to the first field that needs attention. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  // Wait for React to render the error state before looking for it.
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
  });
}

/**
 * Field errors of a form: set them after validation or from the API's violations; a field's
 * error goes away as soon as the user edits that field.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const bind =
    <T,>(field: string, setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setErrors((current) => {
        if (!(field in current)) return current;
        const { [field]: _removed, ...rest } = current;
        return rest;
      });
    };
  return { errors, setErrors, bind };
}
