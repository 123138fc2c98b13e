import type { OrgUnitRow } from './repo.ts';

export const orgUnitKinds = ['direzione', 'settore', 'unita_progetto'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export interface OrgUnitView {
  id: string;
  kind: OrgUnitKind;
  name: string;
  code: string | null;
  parentId: string | null;
  archived: boolean;
  version: number;
}

export function presentOrgUnit(row: OrgUnitRow): OrgUnitView {
  return {
    id: row.id,
    kind: row.kind as OrgUnitKind,
    name: row.name,
    code: row.code,
    parentId: row.parentId,
    archived: row.archivedAt !== null,
    version: row.version,
  };
}
