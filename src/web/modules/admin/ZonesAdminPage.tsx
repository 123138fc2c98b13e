import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { LiveNotice } from '../../ui/LiveNotice.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { QueryList } from '../../ui/QueryList.tsx';
import { useZones } from '../territory/hooks.ts';
import type { Zone } from '../territory/types.ts';
import { useCreateZone, useDeleteZone, useUpdateZone } from './hooks.ts';
import { HeadingWithNew, NewRowCard } from './NewRow.tsx';
import { useEditRowForm, useNewRowForm } from './rowFormState.ts';
import { RowButton, RowsTable } from './RowsTable.tsx';
import type { ZoneDraft } from './types.ts';
import { ZoneForm } from './ZoneForm.tsx';

export default function ZonesAdminPage() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('admin.zones.title'));
  const zones = useZones();
  const create = useCreateZone();
  const update = useUpdateZone();
  const remove = useDeleteZone();
  const newRow = useNewRowForm(create);
  const editRow = useEditRowForm(update, () => zones.refetch());
  const [deleting, setDeleting] = useState<Zone | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const onCreate = async (draft: ZoneDraft) => {
    const zone = await create.mutateAsync(draft);
    newRow.close();
    setNotice(t('admin.zones.created', { name: zone.name }));
  };

  const onSave = (zone: Zone) => async (draft: ZoneDraft) => {
    await update.mutateAsync({
      id: zone.id,
      changes: { version: zone.version, name: draft.name, vision: draft.vision ?? null },
    });
    editRow.close();
    setNotice(t('admin.zones.saved', { name: draft.name }));
  };

  const confirmDelete = () => {
    if (!deleting) return;
    const zone = deleting;
    remove.mutate(
      { id: zone.id, version: zone.version },
      {
        onSuccess: () => {
          setDeleting(null);
          setNotice(t('admin.zones.deleted', { name: zone.name }));
        },
      },
    );
  };

  // Only a zone without comuni may go.
  const deleteButton = (zone: Zone) =>
    zone.comuniCount === 0 ? (
      <RowButton
        color="danger"
        label={t('common.delete')}
        subject={zone.name}
        onClick={() => {
          remove.reset();
          setDeleting(zone);
        }}
      />
    ) : null;

  return (
    <>
      <HeadingWithNew
        title={t('admin.zones.title')}
        newLabel={t('admin.zones.new')}
        creating={newRow.creating}
        onNew={newRow.open}
      />
      <p>{t('admin.zones.lead')}</p>
      <LiveNotice message={notice} />
      {newRow.creating ? (
        <NewRowCard titleId="new-zone-title" title={t('admin.zones.new')}>
          <ZoneForm {...newRow.formProps} onSubmit={onCreate} />
        </NewRowCard>
      ) : null}
      <QueryList query={zones} items={zones.data} empty={t('zones.empty')}>
        {(rows) => (
          <RowsTable
            caption={t('admin.zones.title')}
            rows={rows}
            columns={[
              { header: t('admin.zones.name'), cell: (zone) => <ZoneName zone={zone} /> },
              { header: t('admin.zones.vision'), cell: (zone) => zone.vision ?? '—' },
              {
                header: t('zones.comuni'),
                numeric: true,
                cell: (zone) => format.integer(zone.comuniCount),
              },
            ]}
            nameOf={(zone) => zone.name}
            editing={editRow.editing}
            onEdit={editRow.onEdit}
            actions={deleteButton}
            form={(zone) => (
              <ZoneForm {...editRow.formProps} initial={zone} onSubmit={onSave(zone)} />
            )}
          />
        )}
      </QueryList>
      <p className="small">{t('admin.zones.deleteRule')}</p>
      <ConfirmDialog
        open={deleting !== null}
        title={t('admin.zones.deleteTitle')}
        confirmLabel={t('common.delete')}
        danger
        busy={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        <p>{t('admin.zones.deleteBody', { name: deleting?.name })}</p>
        <MutationError
          error={remove.error}
          onReload={() => {
            setDeleting(null);
            void zones.refetch();
          }}
        />
      </ConfirmDialog>
    </>
  );
}

function ZoneName({ zone }: { zone: Zone }) {
  return (
    <>
      <Link to={`/zone/${zone.id}`}>{zone.name}</Link>
      <span className="d-block small fw-normal">
        <code>{zone.id}</code>
      </span>
    </>
  );
}
