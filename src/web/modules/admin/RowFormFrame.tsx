import { Button } from 'design-react-kit';
import type { FormEvent, ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../ui/MutationError.tsx';

/** What an admin page gives the form of a new row or of the row being edited. */
export interface RowFormProps<Draft> {
  mode: 'create' | 'edit';
  busy: boolean;
  error: unknown;
  onSubmit: (draft: Draft) => Promise<unknown>;
  onCancel: () => void;
  /**
   * The user changed a field after a refusal: its message, about values no longer there, goes
   * (a taken e-mail stayed on screen after the e-mail was changed).
   */
  onEdited?: () => void;
  /** Offered when the row changed meanwhile (409). */
  onReload?: () => void;
}

interface RowFormFrameProps extends Omit<RowFormProps<never>, 'onSubmit'> {
  formRef: RefObject<HTMLFormElement>;
  onSubmit: (event: FormEvent) => void;
  /** The submit button's label for a new row, e.g. "Create zone". */
  createLabel: string;
  /** The fields shown, whose violations appear beside them rather than above the buttons. */
  fields: string[];
  /** The fields, each in its grid column. */
  children: ReactNode;
}

/** The frame of a row's form: its fields, why the API refused them, save and cancel. */
export function RowFormFrame({
  formRef,
  onSubmit,
  mode,
  createLabel,
  busy,
  error,
  fields,
  onCancel,
  onEdited,
  onReload,
  children,
}: RowFormFrameProps) {
  const { t } = useTranslation();
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onInput={onEdited}
      noValidate
      className="mp-inline-form"
    >
      <div className="row g-3">{children}</div>
      <MutationError error={error} onReload={onReload} fields={fields} />
      <div className="d-flex gap-2">
        <Button type="submit" color="primary" size="sm" disabled={busy}>
          {busy ? t('common.saving') : mode === 'create' ? createLabel : t('common.save')}
        </Button>
        <Button type="button" color="secondary" outline size="sm" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
