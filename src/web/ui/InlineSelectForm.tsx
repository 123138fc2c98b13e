import { Button } from 'design-react-kit';
import { useState, type FormEvent, type ReactNode } from 'react';
import { SelectField, type Option } from './fields.tsx';
import { LiveNotice } from './LiveNotice.tsx';

interface InlineSelectFormProps {
  /** Id of the heading, which names the form. */
  titleId: string;
  title: string;
  /** Shown under the heading, e.g. what is chosen now. */
  intro?: ReactNode;
  label: string;
  /** The empty first option, which asks for a choice. */
  emptyLabel: string;
  options: Option[];
  submitLabel: string;
  busy: boolean;
  /** Apply the choice; call `done` with what to announce once it has been applied. */
  onSubmit: (choice: Option, done: (message: string) => void) => void;
  /** Under the form: the error of the mutation. */
  children?: ReactNode;
}

/** One choice from a list and a button that applies it: move an item, assign a project. */
export function InlineSelectForm({
  titleId,
  title,
  intro,
  label,
  emptyLabel,
  options,
  submitLabel,
  busy,
  onSubmit,
  children,
}: InlineSelectFormProps) {
  const [value, setValue] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value) return;
    const choice = options.find((option) => option.value === value) ?? { value, label: value };
    onSubmit(choice, (message) => {
      setValue('');
      setDone(message);
    });
  };

  return (
    <form className="mp-inline-form" aria-labelledby={titleId} onSubmit={submit}>
      <h3 id={titleId} className="h6">
        {title}
      </h3>
      {intro}
      <div className="row g-2 align-items-end">
        <div className="col-12 col-md-8">
          <SelectField
            label={label}
            value={value}
            onChange={(next) => {
              setValue(next);
              setDone(null);
            }}
            emptyLabel={emptyLabel}
            options={options}
          />
        </div>
        <div className="col-12 col-md-4">
          <Button type="submit" color="primary" outline size="sm" disabled={!value || busy}>
            {submitLabel}
          </Button>
        </div>
      </div>
      <LiveNotice message={done} />
      {children}
    </form>
  );
}
