import { useState } from 'react';

/** The mutation a row's form sends, as the form and its opener see it. */
interface Mutation {
  isPending: boolean;
  error: unknown;
  reset: () => void;
}

/**
 * Whether the form for a new row is open. Opening it forgets the last attempt's error; `formProps`
 * are what the form takes from the page.
 */
export function useNewRowForm(create: Mutation) {
  const [creating, setCreating] = useState(false);
  const close = () => setCreating(false);
  return {
    creating,
    open: () => {
      create.reset();
      setCreating(true);
    },
    close,
    formProps: {
      mode: 'create' as const,
      busy: create.isPending,
      error: create.error,
      onEdited: () => create.error && create.reset(),
      onCancel: close,
    },
  };
}

/**
 * Which row has its form open. Opening one forgets the last attempt's error; `reload` fetches the
 * rows again when the edited one changed meanwhile.
 */
export function useEditRowForm(update: Mutation, reload: () => unknown) {
  const [editing, setEditing] = useState<string | null>(null);
  const close = () => setEditing(null);
  return {
    editing,
    onEdit: (id: string | null) => {
      update.reset();
      setEditing(id);
    },
    close,
    formProps: {
      mode: 'edit' as const,
      busy: update.isPending,
      error: update.error,
      onEdited: () => update.error && update.reset(),
      onCancel: close,
      onReload: () => {
        close();
        void reload();
      },
    },
  };
}
