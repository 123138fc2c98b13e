import { Button } from 'design-react-kit';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { focusFirstInvalid, SelectField, TextField, useFormErrors } from '../../ui/fields.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { useUpdateComune, useZones } from './hooks.ts';
import type { Comune, ComuneChanges } from './types.ts';

interface ComuneEditFormProps {
  comune: Comune;
  canEditContacts: boolean;
  canChangeZone: boolean;
  onReload: () => void;
}

const URL_PATTERN = /^https?:\/\/[^\s.]+\.[^\s]+$/i;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Contacts (admins and the comune's referent) and zone (admins), sent with the version read. */
export function ComuneEditForm({
  comune,
  canEditContacts,
  canChangeZone,
  onReload,
}: ComuneEditFormProps) {
  const { t } = useTranslation();
  const zones = useZones();
  const update = useUpdateComune(comune.istatCode);
  const form = useRef<HTMLFormElement>(null);
  const [website, setWebsite] = useState(comune.website ?? '');
  const [pec, setPec] = useState(comune.pec ?? '');
  const [zoneId, setZoneId] = useState(comune.zoneId ?? '');
  const { errors, setErrors, bind } = useFormErrors();
  const [saved, setSaved] = useState(false);

  // A fresh copy from the server (after save or "Ricarica") restarts the form from it.
  useEffect(() => {
    setWebsite(comune.website ?? '');
    setPec(comune.pec ?? '');
    setZoneId(comune.zoneId ?? '');
  }, [comune]);

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (website.trim() && !URL_PATTERN.test(website.trim())) found.website = t('validation.url');
    if (pec.trim() && !EMAIL_PATTERN.test(pec.trim())) found.pec = t('validation.email');
    return found;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(form.current);
      return;
    }
    const changes: ComuneChanges = { version: comune.version };
    if (canEditContacts) {
      if (website.trim() !== (comune.website ?? '')) changes.website = website.trim() || null;
      if (pec.trim() !== (comune.pec ?? '')) changes.pec = pec.trim() || null;
    }
    if (canChangeZone && zoneId && zoneId !== comune.zoneId) changes.zoneId = zoneId;
    update.mutate(changes, {
      onSuccess: () => setSaved(true),
      onError: (error) => {
        if (isApiError(error)) {
          setErrors(error.fieldErrors());
          focusFirstInvalid(form.current);
        }
      },
    });
  };

  const reload = () => {
    update.reset();
    setErrors({});
    onReload();
  };

  return (
    <section aria-labelledby="edit-title" className="card card-bg no-after p-4">
      <h2 id="edit-title" className="h4">
        {t('comune.edit.title')}
      </h2>
      <form ref={form} onSubmit={onSubmit} noValidate>
        {canEditContacts ? (
          <>
            <TextField
              label={t('comune.website')}
              type="url"
              value={website}
              onChange={bind('website', setWebsite)}
              error={errors.website}
              hint={t('comune.edit.websiteHint')}
              autoComplete="url"
            />
            <TextField
              label={t('comune.pec')}
              type="email"
              value={pec}
              onChange={bind('pec', setPec)}
              error={errors.pec}
              autoComplete="email"
            />
          </>
        ) : null}
        {canChangeZone ? (
          <SelectField
            label={t('comune.zone')}
            value={zoneId}
            onChange={bind('zoneId', setZoneId)}
            error={errors.zoneId}
            emptyLabel={comune.zoneId ? undefined : t('comune.noZone')}
            options={(zones.data ?? []).map((zone) => ({ value: zone.id, label: zone.name }))}
            hint={t('comune.edit.zoneHint')}
          />
        ) : null}
        <MutationError
          error={update.error}
          onReload={reload}
          fields={['website', 'pec', 'zoneId']}
        />
        <div aria-live="polite">
          {saved && !update.isPending ? (
            <p className="text-success fw-semibold">{t('comune.edit.saved')}</p>
          ) : null}
        </div>
        <Button type="submit" color="primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </form>
    </section>
  );
}
