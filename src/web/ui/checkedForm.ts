import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../app/api.ts';
import { bindFields } from './fieldBindings.ts';
import { focusFirstInvalid, useFormErrors } from './fields.tsx';

type Errors = Record<string, string>;

/**
 * A form whose values are checked before they are sent: the errors found, or those the API
 * answers with, show beside their fields and the focus goes to the first of them. Editing a field
 * clears its error.
 */
export function useCheckedForm<Values extends object>(initial: Values) {
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const { errors, setErrors, bind } = useFormErrors();
  const set = <K extends keyof Values>(key: K) =>
    bind(String(key), (value: Values[K]) => setValues((current) => ({ ...current, [key]: value })));

  /** After the API refused the values: its field errors, over `fallback` (errors it may omit). */
  const refused = (failure: unknown, fallback: Errors = {}) => {
    if (isApiError(failure)) setErrors({ ...fallback, ...failure.fieldErrors() });
    focusFirstInvalid(form.current);
  };

  /** The submit handler: `send` runs only when `check` finds nothing; a rejection is refused. */
  const handleSubmit = (check: () => Errors, send: () => unknown) => async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(form.current);
      return;
    }
    try {
      await send();
    } catch (failure) {
      refused(failure);
    }
  };

  return {
    form,
    values,
    setValues,
    errors,
    set,
    ...bindFields(values, errors, set),
    refused,
    handleSubmit,
  };
}
