type Setter<Values> = <K extends keyof Values>(key: K) => (value: Values[K]) => void;

/**
 * The props that tie a field to one key of a form's values: its value, its setter and its error
 * come from the same key, so `<TextField label={…} {...field('title')} />` cannot mix two up.
 * `field` suits the one-value fields (text, text area, select), `group` a CheckboxGroup.
 */
export function bindFields<Values>(
  values: Values,
  errors: Record<string, string>,
  set: Setter<Values>,
) {
  return {
    field: <K extends keyof Values & string>(key: K) => ({
      value: values[key],
      onChange: set(key),
      error: errors[key],
    }),
    group: <K extends keyof Values & string>(key: K) => ({
      values: values[key],
      onChange: set(key),
      error: errors[key],
    }),
  };
}
