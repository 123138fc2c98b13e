import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { useResetPassword, useUpdateUser } from './hooks.ts';
import { useEditRowForm } from './rowFormState.ts';
import { RowButton, RowsTable } from './RowsTable.tsx';
import { labelOf, useScopeOptions } from './scopeOptions.ts';
import type { User } from './types.ts';
import { scopeOf, UserForm, type IssuedPassword, type UserFormValues } from './UserForm.tsx';

interface UsersTableProps {
  users: User[];
  onPasswordIssued: (issued: IssuedPassword) => void;
  /** After an edit is saved, with the name the user now has. */
  onSaved: (name: string) => void;
}

export function UsersTable({ users, onPasswordIssued, onSaved }: UsersTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const scope = useScopeOptions();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const queryClient = useQueryClient();
  const editRow = useEditRowForm(update, () =>
    queryClient.invalidateQueries({ queryKey: ['users'] }),
  );
  const [resetting, setResetting] = useState<User | null>(null);

  const scopeLabel = (user: User) => {
    if (user.role === 'comune_referent') return labelOf(scope.comuneOptions, user.comuneCode);
    if (user.role === 'zone_referent') return labelOf(scope.zoneOptions, user.zoneId);
    if (user.role === 'editor') {
      return user.orgUnitIds.map((id) => labelOf(scope.orgUnitOptions, id)).join(', ');
    }
    return undefined;
  };

  const onSave = (user: User) => async (values: UserFormValues) => {
    await update.mutateAsync({
      id: user.id,
      changes: {
        version: user.version,
        name: values.name.trim(),
        role: values.role,
        disabled: values.disabled,
        ...scopeOf(values),
      },
    });
    editRow.close();
    onSaved(values.name.trim());
  };

  const confirmReset = () => {
    if (!resetting) return;
    const user = resetting;
    reset.mutate(user.id, {
      onSuccess: (result) => {
        setResetting(null);
        onPasswordIssued({
          email: user.email,
          password: result.temporaryPassword,
          reason: 'reset',
        });
      },
    });
  };

  return (
    <>
      <RowsTable
        caption={t('admin.users.tableCaption')}
        rows={users}
        columns={[
          { header: t('admin.users.name'), cell: (user) => <UserName user={user} /> },
          {
            header: t('admin.users.role'),
            cell: (user) => (
              <>
                <span className="d-block">{t(`roles.${user.role}`)}</span>
                {scopeLabel(user) ? (
                  <span className="d-block small">{scopeLabel(user)}</span>
                ) : null}
              </>
            ),
          },
          { header: t('admin.users.status'), cell: (user) => <UserStatus user={user} /> },
          {
            header: t('admin.users.lastLogin'),
            cell: (user) =>
              user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('admin.users.never'),
          },
        ]}
        nameOf={(user) => user.name}
        editing={editRow.editing}
        onEdit={editRow.onEdit}
        actions={(user) => (
          <RowButton
            color="secondary"
            label={t('admin.users.resetPassword')}
            subject={user.name}
            onClick={() => {
              reset.reset();
              setResetting(user);
            }}
          />
        )}
        form={(user) => (
          <UserForm
            {...editRow.formProps}
            initial={{
              email: user.email,
              name: user.name,
              role: user.role,
              comuneCode: user.comuneCode ?? '',
              zoneId: user.zoneId ?? '',
              orgUnitIds: user.orgUnitIds,
              disabled: user.disabled,
            }}
            onSubmit={onSave(user)}
          />
        )}
      />
      <ConfirmDialog
        open={resetting !== null}
        title={t('admin.users.resetTitle')}
        confirmLabel={t('admin.users.resetConfirm')}
        onConfirm={confirmReset}
        onCancel={() => setResetting(null)}
        busy={reset.isPending}
      >
        <p>{t('admin.users.resetBody', { name: resetting?.name, email: resetting?.email })}</p>
        <MutationError error={reset.error} />
      </ConfirmDialog>
    </>
  );
}

function UserName({ user }: { user: User }) {
  return (
    <>
      <span className="d-block">{user.name}</span>
      <span className="d-block small fw-normal">{user.email}</span>
    </>
  );
}

function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <>
      {user.disabled ? (
        <span className="badge mp-badge-danger">{t('admin.users.isDisabled')}</span>
      ) : (
        <span className="badge mp-badge-confirmed">{t('admin.users.isActive')}</span>
      )}
      {user.mustChangePassword ? (
        <span className="d-block small">{t('admin.users.pendingPassword')}</span>
      ) : null}
    </>
  );
}
