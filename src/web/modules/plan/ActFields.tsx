import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { bindFields } from '../../ui/fieldBindings.ts';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { actBodies, actKinds } from './types.ts';

export interface ActValues {
  body: string;
  kind: string;
  number: string;
  date: string;
  title: string;
  documentUrl: string;
}

export const blankAct: ActValues = {
  body: 'consiglio',
  kind: 'delibera',
  number: '',
  date: '',
  title: '',
  documentUrl: '',
};

const URL_PATTERN = /^https?:\/\/[^\s<>"]+\.[^\s<>"]+$/i;

export function validateAct(act: ActValues, t: TFunction): Record<string, string> {
  const found: Record<string, string> = {};
  if (!act.date) found.date = t('validation.required');
  if (act.title.trim().length < 3) found.title = t('validation.minLength', { count: 3 });
  if (act.documentUrl.trim() && !URL_PATTERN.test(act.documentUrl.trim()))
    found.documentUrl = t('validation.url');
  return found;
}

interface ActFieldsProps {
  values: ActValues;
  errors: Record<string, string>;
  onChange: (values: ActValues, field: keyof ActValues) => void;
}

/** The act that adopts a version: who, what kind, number, date, title and where to read it. */
export function ActFields({ values, errors, onChange }: ActFieldsProps) {
  const { t } = useTranslation();
  const set = (field: keyof ActValues) => (value: string) =>
    onChange({ ...values, [field]: value }, field);
  const { field } = bindFields(values, errors, set);
  return (
    <fieldset className="mb-3">
      <legend className="fs-6 fw-semibold">{t('plan.act.legend')}</legend>
      <div className="row g-2">
        <div className="col-12 col-sm-6">
          <SelectField
            label={t('plan.act.body')}
            {...field('body')}
            options={actBodies.map((body) => ({ value: body, label: t(`plan.bodies.${body}`) }))}
          />
        </div>
        <div className="col-12 col-sm-6">
          <SelectField
            label={t('plan.act.kind')}
            {...field('kind')}
            options={actKinds.map((kind) => ({ value: kind, label: t(`plan.actKinds.${kind}`) }))}
          />
        </div>
        <div className="col-12 col-sm-6">
          <TextField
            label={t('plan.act.number')}
            {...field('number')}
            hint={t('plan.act.numberHint')}
            maxLength={60}
          />
        </div>
        <div className="col-12 col-sm-6">
          <TextField label={t('plan.act.date')} type="date" {...field('date')} required />
        </div>
        <div className="col-12">
          <TextField label={t('plan.act.title')} {...field('title')} maxLength={300} required />
        </div>
        <div className="col-12">
          <TextField
            label={t('plan.act.documentUrl')}
            type="url"
            {...field('documentUrl')}
            hint={t('plan.act.documentUrlHint')}
            maxLength={500}
          />
        </div>
      </div>
    </fieldset>
  );
}
