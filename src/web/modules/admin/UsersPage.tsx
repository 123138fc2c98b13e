import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toPage, useSearchState } from '../../app/searchState.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { SelectField } from '../../ui/fields.tsx';
import { SearchField } from '../../ui/SearchField.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { roles, type Role } from '../identity/types.ts';
import { useCreateUser, useUsers } from './hooks.ts';
import { TemporaryPassword } from './TemporaryPassword.tsx';
import { scopeOf, UserForm, type IssuedPassword, type UserFormValues } from './UserForm.tsx';
import { UsersTable } from './UsersTable.tsx';

const PAGE_SIZE = 25;
const defaults = { q: '', role: '', page: '1' };
const blankUser: UserFormValues = {
  email: '',
  name: '',
  role: 'participant',
  comuneCode: '',
  zoneId: '',
  orgUnitIds: [],
  disabled: false,
};

export default function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.users.title'));
  const [filters, setFilters] = useSearchState(defaults);
  const page = toPage(filters.page);
  const users = useUsers({
    q: filters.q.trim() || undefined,
    role: (filters.role || undefined) as Role | undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const create = useCreateUser();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);

  const onCreate = async (values: UserFormValues) => {
    const result = await create.mutateAsync({
      email: values.email.trim(),
      name: values.name.trim(),
      role: values.role,
      ...scopeOf(values),
    });
    setCreating(false);
    setIssued({ email: result.user.email, password: result.temporaryPassword, reason: 'created' });
  };

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <h1>{t('admin.users.title')}</h1>
        {!creating ? (
          <Button
            color="primary"
            onClick={() => {
              create.reset();
              setCreating(true);
            }}
          >
            {t('admin.users.new')}
          </Button>
        ) : null}
      </div>
      {issued ? <TemporaryPassword {...issued} onDismiss={() => setIssued(null)} /> : null}
      {creating ? (
        <section aria-labelledby="new-user-title" className="card card-bg no-after p-4 mb-4">
          <h2 id="new-user-title" className="h4">
            {t('admin.users.new')}
          </h2>
          <UserForm
            mode="create"
            initial={blankUser}
            busy={create.isPending}
            error={create.error}
            onSubmit={onCreate}
            onCancel={() => setCreating(false)}
          />
        </section>
      ) : null}
      <form
        role="search"
        aria-label={t('admin.users.filters')}
        className="row g-3 mt-2"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="col-12 col-md-6">
          <SearchField
            label={t('admin.users.search')}
            value={filters.q}
            onSearch={(q) => setFilters({ q })}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            label={t('admin.users.role')}
            value={filters.role}
            onChange={(role) => setFilters({ role })}
            emptyLabel={t('admin.users.allRoles')}
            options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </div>
      </form>
      {users.isPending ? <Loading /> : null}
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : null}
      {users.data ? (
        <p aria-live="polite" className="fw-semibold">
          {t('admin.users.count', { count: users.data.total })}
        </p>
      ) : null}
      {users.data && users.data.items.length === 0 ? (
        <EmptyState>{t('admin.users.empty')}</EmptyState>
      ) : null}
      {users.data && users.data.items.length > 0 ? (
        <>
          <UsersTable users={users.data.items} onPasswordIssued={setIssued} />
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={users.data.total}
            onChange={(next) => setFilters({ page: String(next) })}
          />
        </>
      ) : null}
    </>
  );
}
