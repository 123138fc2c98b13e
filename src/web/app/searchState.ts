import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the URL query, so a filtered list can be bookmarked, shared and
 * restored with Back. Changing any filter but `page` goes back to page 1.
 */
export function useSearchState<K extends string>(
  defaults: Record<K, string>,
): [Record<K, string>, (patch: Partial<Record<K, string>>) => void] {
  const [params, setParams] = useSearchParams();
  const keys = useMemo(() => Object.keys(defaults) as K[], [defaults]);

  const state = useMemo(() => {
    const values = { ...defaults };
    for (const key of keys) values[key] = params.get(key) ?? defaults[key];
    return values;
  }, [params, defaults, keys]);

  const update = useCallback(
    (patch: Partial<Record<K, string>>) => {
      setParams(
        () => {
          // From the address as it is now, not as the last render saw it: react-router hands the
          // updater the rendered params, so two quick changes (a band, then a sort) lost the first.
          const next = new URLSearchParams(window.location.search);
          for (const [key, value] of Object.entries(patch) as [K, string | undefined][]) {
            if (value === undefined || value === '' || value === defaults[key]) next.delete(key);
            else next.set(key, value);
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: !('page' in patch) },
      );
    },
    [setParams, defaults],
  );

  return [state, update];
}

export function toPage(value: string): number {
  const page = Number.parseInt(value, 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}
