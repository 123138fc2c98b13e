import type { Database } from '../db/client.ts';

/** What every service function needs from the outside world. */
export interface Ctx {
  db: Database;
  /** Called after a write that changes what public read caches hold. */
  onTerritoryChange?: () => void;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageRequest {
  page?: number;
  pageSize?: number;
}

export function pageWindow(
  req: PageRequest,
  defaultSize = 25,
): { page: number; pageSize: number; offset: number } {
  const page = req.page ?? 1;
  const pageSize = req.pageSize ?? defaultSize;
  return { page, pageSize, offset: (page - 1) * pageSize };
}
