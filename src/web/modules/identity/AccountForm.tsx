import { Button } from 'design-react-kit';
import type { FormEvent, ReactNode, RefObject } from 'react';

interface AccountFormProps {
  title: string;
  /** Between the heading and the form. */
  intro: ReactNode;
  formRef: RefObject<HTMLFormElement>;
  onSubmit: (event: FormEvent) => void;
  busy: boolean;
  submitLabel: string;
  /** The form's error and fields, above its one button. */
  children: ReactNode;
}

/** A page that is one narrow form about the user's own account: sign in, change the password. */
export function AccountForm({
  title,
  intro,
  formRef,
  onSubmit,
  busy,
  submitLabel,
  children,
}: AccountFormProps) {
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-5">
        <h1>{title}</h1>
        {intro}
        <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-4">
          {children}
          <Button type="submit" color="primary" className="w-100" disabled={busy}>
            {submitLabel}
          </Button>
        </form>
      </div>
    </div>
  );
}
