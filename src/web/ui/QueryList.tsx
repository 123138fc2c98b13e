import type { ReactNode } from 'react';
import { EmptyState, ErrorState, Loading } from './QueryStates.tsx';

interface QueryListProps<Item> {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  /** What the query found, once it has. */
  items: Item[] | undefined;
  /** Said when it found nothing. */
  empty: ReactNode;
  children: (items: Item[]) => ReactNode;
}

/** The states of a list being fetched: loading, failed, empty, or the list itself. */
export function QueryList<Item>({ query, items, empty, children }: QueryListProps<Item>) {
  return (
    <>
      {query.isPending ? <Loading /> : null}
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      {items && items.length === 0 ? <EmptyState>{empty}</EmptyState> : null}
      {items && items.length > 0 ? children(items) : null}
    </>
  );
}
