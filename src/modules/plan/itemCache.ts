import type { Executor } from '../../db/client.ts';
import * as repo from './repo.ts';

/**
 * The items of a version, kept per process and keyed by the version's change counter, which
 * every item write bumps in the same transaction: a hit is never stale, in any process.
 */
const cache = new Map<string, { counter: number; items: repo.ItemRow[] }>();
const maxVersions = 50;

export async function itemsOfVersion(
  db: Executor,
  version: repo.VersionRow,
): Promise<repo.ItemRow[]> {
  const hit = cache.get(version.id);
  if (hit && hit.counter === version.version) return hit.items;
  const items = await repo.listItems(db, version.id);
  cache.delete(version.id);
  if (cache.size >= maxVersions) cache.delete(cache.keys().next().value!);
  cache.set(version.id, { counter: version.version, items });
  return items;
}
