import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../app/title.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { CheckboxField } from '../../ui/fields.tsx';
import { LiveNotice } from '../../ui/LiveNotice.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { QueryList } from '../../ui/QueryList.tsx';
import { useCreateOrgUnit, useOrgUnits, useUpdateOrgUnit } from './hooks.ts';
import { HeadingWithNew, NewRowCard } from './NewRow.tsx';
import { OrgUnitForm } from './OrgUnitForm.tsx';
import { useEditRowForm, useNewRowForm } from './rowFormState.ts';
import { RowButton, RowsTable } from './RowsTable.tsx';
import type { OrgUnit, OrgUnitDraft } from './types.ts';

export default function OrgUnitsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.orgUnits.title'));
  const [showArchived, setShowArchived] = useState(false);
  const units = useOrgUnits(showArchived);
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const newRow = useNewRowForm(create);
  const editRow = useEditRowForm(update, () => units.refetch());
  const [archiving, setArchiving] = useState<OrgUnit | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const all = units.data ?? [];
  const nameOf = (id: string | null) => all.find((unit) => unit.id === id)?.name ?? '—';

  const onCreate = async (draft: OrgUnitDraft) => {
    const unit = await create.mutateAsync(draft);
    newRow.close();
    setNotice(t('admin.orgUnits.created', { name: unit.name }));
  };

  const onSave = (unit: OrgUnit) => async (draft: OrgUnitDraft) => {
    await update.mutateAsync({ id: unit.id, changes: { version: unit.version, ...draft } });
    editRow.close();
    setNotice(t('admin.orgUnits.saved', { name: draft.name }));
  };

  const setArchived = (unit: OrgUnit, archived: boolean) =>
    update.mutate(
      { id: unit.id, changes: { version: unit.version, archived } },
      {
        onSuccess: () => {
          setArchiving(null);
          setNotice(
            t(archived ? 'admin.orgUnits.archived' : 'admin.orgUnits.restored', {
              name: unit.name,
            }),
          );
        },
      },
    );

  const archiveButton = (unit: OrgUnit) =>
    unit.archived ? (
      <RowButton
        color="secondary"
        label={t('admin.orgUnits.restore')}
        subject={unit.name}
        onClick={() => setArchived(unit, false)}
      />
    ) : (
      <RowButton
        color="danger"
        label={t('admin.orgUnits.archive')}
        subject={unit.name}
        onClick={() => {
          update.reset();
          setArchiving(unit);
        }}
      />
    );

  return (
    <>
      <HeadingWithNew
        title={t('admin.orgUnits.title')}
        newLabel={t('admin.orgUnits.new')}
        creating={newRow.creating}
        onNew={newRow.open}
      />
      <LiveNotice message={notice} />
      {newRow.creating ? (
        <NewRowCard titleId="new-unit-title" title={t('admin.orgUnits.new')}>
          <OrgUnitForm {...newRow.formProps} units={all} onSubmit={onCreate} />
        </NewRowCard>
      ) : null}
      <CheckboxField
        label={t('admin.orgUnits.showArchived')}
        checked={showArchived}
        onChange={setShowArchived}
      />
      <QueryList query={units} items={units.data} empty={t('admin.orgUnits.empty')}>
        {(rows) => (
          <RowsTable
            caption={t('admin.orgUnits.title')}
            rows={rows}
            columns={[
              { header: t('admin.orgUnits.name'), cell: (unit) => <UnitName unit={unit} /> },
              { header: t('admin.orgUnits.kind'), cell: (unit) => t(`orgUnitKinds.${unit.kind}`) },
              { header: t('admin.orgUnits.code'), cell: (unit) => unit.code ?? '—' },
              { header: t('admin.orgUnits.parent'), cell: (unit) => nameOf(unit.parentId) },
            ]}
            nameOf={(unit) => unit.name}
            editing={editRow.editing}
            onEdit={editRow.onEdit}
            actions={archiveButton}
            form={(unit) => (
              <OrgUnitForm
                {...editRow.formProps}
                initial={unit}
                units={all}
                onSubmit={onSave(unit)}
              />
            )}
          />
        )}
      </QueryList>
      <ConfirmDialog
        open={archiving !== null}
        title={t('admin.orgUnits.archiveTitle')}
        confirmLabel={t('admin.orgUnits.archive')}
        danger
        busy={update.isPending}
        onConfirm={() => archiving && setArchived(archiving, true)}
        onCancel={() => setArchiving(null)}
      >
        <p>{t('admin.orgUnits.archiveBody', { name: archiving?.name })}</p>
        <MutationError
          error={archiving ? update.error : null}
          onReload={() => {
            setArchiving(null);
            void units.refetch();
          }}
        />
      </ConfirmDialog>
    </>
  );
}

function UnitName({ unit }: { unit: OrgUnit }) {
  const { t } = useTranslation();
  return (
    <>
      {unit.name}
      {unit.archived ? (
        <span className="badge mp-badge-neutral ms-2">{t('admin.orgUnits.isArchived')}</span>
      ) : null}
    </>
  );
}
