import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { TextField } from '../../ui/fields.tsx';
import { PlanMutationError } from './PlanMutationError.tsx';
import { useStartAnnualUpdate } from './hooks.ts';
import type { Plan } from './types.ts';
import { versionPath } from './versionRules.ts';

/** The plan office opens next year's update: a draft copied from the adopted version. */
export function AnnualUpdateButton({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartAnnualUpdate();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | undefined>();
  const apiError = isApiError(start.error) ? start.error.fieldErrors().label : undefined;

  const confirm = () => {
    if (label.trim().length < 3) {
      setError(t('validation.minLength', { count: 3 }));
      return;
    }
    start.mutate(
      { planId: plan.id, label: label.trim() },
      {
        onSuccess: (version) => {
          setOpen(false);
          navigate(versionPath(plan.slug, version.number), {
            state: { flash: 'planUpdateStarted' },
          });
        },
      },
    );
  };

  return (
    <>
      <Button
        color="primary"
        outline
        size="sm"
        onClick={() => {
          start.reset();
          setError(undefined);
          setLabel(t('plan.update.defaultLabel', { year: new Date().getFullYear() }));
          setOpen(true);
        }}
      >
        {t('plan.update.start')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('plan.update.title', { title: plan.title })}
        confirmLabel={t('plan.update.confirm')}
        busy={start.isPending}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p>{t('plan.update.body')}</p>
        <TextField
          label={t('plan.update.label')}
          value={label}
          onChange={(value) => {
            setLabel(value);
            setError(undefined);
          }}
          error={error ?? apiError}
          hint={t('plan.update.labelHint')}
          maxLength={120}
          required
        />
        <PlanMutationError
          error={start.error}
          conflict={t('plan.update.conflict')}
          fields={['label']}
        />
      </ConfirmDialog>
    </>
  );
}
