import { brokenUniqueIndex } from '../../db/uniqueViolation.ts';
import {
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  StaleVersion,
  Unauthenticated,
} from '../../domain/errors.ts';
import { searchableName } from '../../domain/istat.ts';
import { populationBands, type PopulationBand } from '../../domain/population.ts';
import type { Actor } from '../../domain/roles.ts';
import { recordAudit } from '../audit/service.ts';
import type { Ctx, Page, PageRequest } from '../context.ts';
import { pageWindow } from '../context.ts';
import { canEditComuneContacts, canManageZones } from './policy.ts';
import * as present from './presenters.ts';
import * as repo from './repo.ts';

export async function getMetro(ctx: Ctx): Promise<present.MetroView> {
  const row = await repo.findMetro(ctx.db);
  if (!row) throw NotFound('Metropolitan city', 'setup');
  return present.presentMetro(row, await repo.metroTotals(ctx.db));
}

export async function territoryRevision(ctx: Ctx): Promise<number> {
  return repo.territoryRevision(ctx.db);
}

export interface ComuneQuery extends PageRequest {
  q?: string;
  zone?: string;
  band?: PopulationBand;
  populationMin?: number;
  populationMax?: number;
  sort?: string;
}

export async function listComuni(
  ctx: Ctx,
  query: ComuneQuery,
): Promise<Page<present.ComuneSummaryView>> {
  const { page, pageSize, offset } = pageWindow(query);
  const band = query.band ? populationBands[query.band] : undefined;
  const populationMin = Math.max(query.populationMin ?? 0, band?.min ?? 0);
  const bandMax = band?.max ?? undefined;
  const populationMax =
    query.populationMax !== undefined && bandMax !== undefined
      ? Math.min(query.populationMax, bandMax)
      : (query.populationMax ?? bandMax);
  const sort = query.sort ?? 'name';
  const by = sort.replace(/^-/, '') as repo.ComuneSort;
  const { rows, total } = await repo.listComuni(
    ctx.db,
    {
      q: query.q ? searchableName(query.q) : undefined,
      zoneId: query.zone,
      populationMin: populationMin > 0 ? populationMin : undefined,
      populationMax,
    },
    { by, descending: sort.startsWith('-') },
    pageSize,
    offset,
  );
  return { items: rows.map(present.presentComuneSummary), total, page, pageSize };
}

export async function getComune(ctx: Ctx, code: string): Promise<present.ComuneView> {
  const found = await repo.findComune(ctx.db, code);
  if (!found) throw NotFound('Comune', code);
  return present.presentComune(found.comune, found.zoneName);
}

export async function comuneExists(ctx: Ctx, code: string): Promise<boolean> {
  return repo.comuneCodeExists(ctx.db, code);
}

export async function zoneExists(ctx: Ctx, id: string): Promise<boolean> {
  return (await repo.findZone(ctx.db, id)) !== undefined;
}

export interface ComuneChanges {
  version: number;
  zoneId?: string | null;
  website?: string | null;
  pec?: string | null;
}

/** Edits a comune: its contacts (admins or its referent) or its zone (admins: a Consiglio decision). */
export async function updateComune(
  ctx: Ctx,
  actor: Actor,
  code: string,
  changes: ComuneChanges,
): Promise<present.ComuneView> {
  if (!actor.user) throw Unauthenticated();
  const before = await getComune(ctx, code);
  const movesZone = changes.zoneId !== undefined && changes.zoneId !== before.zoneId;
  const editsContacts = changes.website !== undefined || changes.pec !== undefined;
  if (movesZone && !canManageZones(actor.user))
    throw Forbidden('Only administrators can move a comune to another zone.');
  if (editsContacts && !canEditComuneContacts(actor.user, code))
    throw Forbidden(`You can edit only the comune you are referent of, not ${before.name}.`);
  if (movesZone && changes.zoneId && !(await zoneExists(ctx, changes.zoneId)))
    throw Invalid('body.zoneId', `no zone has id "${changes.zoneId}"`, 'unknownZone', {
      id: changes.zoneId,
    });

  return ctx.db.transaction(async (tx) => {
    const ok = await repo.updateComuneAtVersion(tx, code, changes.version, {
      website: changes.website === undefined ? undefined : changes.website?.trim() || null,
      pec: changes.pec === undefined ? undefined : changes.pec?.trim() || null,
      ...(movesZone
        ? { zoneId: changes.zoneId ?? null, zoneConfidence: changes.zoneId ? 'assigned' : null }
        : {}),
    });
    if (!ok) throw StaleVersion('Comune', code);
    if (movesZone) {
      // The published outlines no longer match: they are derived from the comuni from now on.
      for (const id of [before.zoneId, changes.zoneId])
        if (id) await repo.updateZoneGeometry(tx, id, null);
    }
    await repo.bumpTerritoryRevision(tx);
    const found = await repo.findComune(tx, code);
    const after = present.presentComune(found!.comune, found!.zoneName);
    await recordAudit(tx, actor, {
      action: movesZone ? 'comune.zone_changed' : 'comune.updated',
      entityType: 'comune',
      entityId: code,
      before,
      after,
    });
    ctx.onTerritoryChange?.();
    return after;
  });
}

export async function listZones(ctx: Ctx): Promise<present.ZoneView[]> {
  const rows = await repo.listZonesWithTotals(ctx.db);
  return rows.map((r) => present.presentZone(r.zone, r));
}

export async function getZone(
  ctx: Ctx,
  id: string,
): Promise<present.ZoneView & { comuni: present.ComuneSummaryView[] }> {
  const zone = (await listZones(ctx)).find((z) => z.id === id);
  if (!zone) throw NotFound('Zone', id);
  const comuni = await repo.listComuniOfZone(ctx.db, id);
  return { ...zone, comuni: comuni.map(present.presentComuneSummary) };
}

function requireZoneManager(actor: Actor) {
  if (!actor.user) throw Unauthenticated();
  if (!canManageZones(actor.user)) throw Forbidden('Only administrators can define zones.');
}

/** Two zones of one name could not be told apart in the filters and on the public pages. */
async function refuseTakenName(ctx: Ctx, name: string, exceptId?: string) {
  const other = await repo.zoneNamed(ctx.db, name, exceptId);
  if (other)
    throw Conflict(`The zone "${other.id}" is already called "${other.name}".`, 'zoneNameExists', {
      name: other.name,
      id: other.id,
    });
}

/**
 * A name taken by a request that passed the same check at the same instant: the unique index
 * refuses the second, which is told so as if it had come later.
 */
const nameTakenMeanwhile =
  (ctx: Ctx, name: string, exceptId?: string) =>
  async (error: unknown): Promise<never> => {
    if (brokenUniqueIndex(error) === 'zones_name_unique')
      await refuseTakenName(ctx, name, exceptId);
    throw error;
  };

export async function createZone(
  ctx: Ctx,
  actor: Actor,
  input: { id: string; name: string; vision?: string | null },
): Promise<present.ZoneView> {
  requireZoneManager(actor);
  if (await zoneExists(ctx, input.id))
    throw Conflict(`A zone with id "${input.id}" already exists.`, 'zoneExists', { id: input.id });
  // Trimmed as it is stored (SQL's btrim takes spaces only, not tabs or line ends).
  const name = input.name.trim();
  await refuseTakenName(ctx, name);
  await ctx.db
    .transaction(async (tx) => {
      const inserted = await repo.insertZone(tx, {
        id: input.id,
        name,
        vision: input.vision?.trim() || null,
        isZonaOmogenea: true,
        membershipConfidence: 'assigned',
        position: (await repo.maxZonePosition(tx)) + 1,
      });
      if (!inserted)
        throw Conflict(`A zone with id "${input.id}" already exists.`, 'zoneExists', {
          id: input.id,
        });
      await repo.bumpTerritoryRevision(tx);
      await recordAudit(tx, actor, {
        action: 'zone.created',
        entityType: 'zone',
        entityId: input.id,
        after: input,
      });
    })
    .catch(nameTakenMeanwhile(ctx, name));
  ctx.onTerritoryChange?.();
  return (await getZone(ctx, input.id)) as present.ZoneView;
}

export async function updateZone(
  ctx: Ctx,
  actor: Actor,
  id: string,
  changes: { version: number; name?: string; vision?: string | null },
): Promise<present.ZoneView> {
  requireZoneManager(actor);
  const { comuni: _comuni, ...before } = await getZone(ctx, id);
  const name = changes.name?.trim();
  if (name !== undefined) await refuseTakenName(ctx, name, id);
  await ctx.db
    .transaction(async (tx) => {
      const ok = await repo.updateZoneAtVersion(tx, id, changes.version, {
        name,
        vision: changes.vision === undefined ? undefined : changes.vision?.trim() || null,
      });
      if (!ok) throw StaleVersion('Zone', id);
      await repo.bumpTerritoryRevision(tx);
      const after = {
        ...before,
        name: name ?? before.name,
        vision: changes.vision ?? before.vision,
      };
      await recordAudit(tx, actor, {
        action: 'zone.updated',
        entityType: 'zone',
        entityId: id,
        before,
        after,
      });
    })
    .catch(nameTakenMeanwhile(ctx, name ?? before.name, id));
  ctx.onTerritoryChange?.();
  const { comuni: _c, ...after } = await getZone(ctx, id);
  return after;
}

export async function deleteZone(
  ctx: Ctx,
  actor: Actor,
  id: string,
  version: number,
): Promise<void> {
  requireZoneManager(actor);
  const { comuni, ...before } = await getZone(ctx, id);
  if (comuni.length > 0)
    throw Conflict(
      `Zone "${before.name}" still has ${comuni.length} comuni: move them to another zone first.`,
      'zoneNotEmpty',
      { name: before.name, count: comuni.length },
    );
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deleteZoneAtVersion(tx, id, version))) throw StaleVersion('Zone', id);
    await repo.bumpTerritoryRevision(tx);
    await recordAudit(tx, actor, {
      action: 'zone.deleted',
      entityType: 'zone',
      entityId: id,
      before,
    });
  });
  ctx.onTerritoryChange?.();
}
