import { Conflict, Invalid } from '../../domain/errors.ts';
import { resolveMetroCode, searchableName } from '../../domain/istat.ts';
import { systemActor, type Actor } from '../../domain/roles.ts';
import { recordAudit } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import { listMetros, territoryOf } from './referenceData.ts';
import * as repo from './repo.ts';

export interface SetupResult {
  created: boolean;
  utsCode: string;
  name: string;
  comuni: number;
  zones: number;
}

/**
 * Sets the deployment up for one metropolitan city from the bundled ISTAT data. Idempotent for
 * the same city; a database already set up for another city is refused (one tenant per database).
 */
export async function setUpMetro(
  ctx: Ctx,
  code: string,
  actor: Actor = systemActor,
): Promise<SetupResult> {
  const metros = listMetros();
  const utsCode = resolveMetroCode(code, metros);
  if (!utsCode)
    throw Invalid(
      'metro',
      `"${code}" is not one of the 14 metropolitan cities; use a UTS code (${metros.map((m) => `${m.utsCode} ${m.sigla}`).join(', ')})`,
      'unknownMetro',
      { code },
    );
  const existing = await repo.findMetro(ctx.db);
  if (existing) {
    if (existing.utsCode !== utsCode)
      throw Conflict(
        `This database is already set up for ${existing.name}; use an empty data directory or database for another city.`,
        'otherCity',
        { name: existing.name },
      );
    const totals = await repo.metroTotals(ctx.db);
    return {
      created: false,
      utsCode,
      name: existing.name,
      comuni: totals.comuniCount,
      zones: totals.zonesCount,
    };
  }
  const records = territoryOf(utsCode)!;
  await ctx.db.transaction(async (tx) => {
    await repo.insertMetro(tx, records.metro);
    await repo.insertZones(tx, records.zones);
    await repo.insertComuni(
      tx,
      records.comuni.map((c) => ({ ...c, nameSearch: searchableName(c.name) })),
    );
    await recordAudit(tx, actor, {
      action: 'metro.setup',
      entityType: 'metro',
      entityId: utsCode,
      after: {
        name: records.metro.name,
        comuni: records.comuni.length,
        zones: records.zones.length,
      },
    });
  });
  return {
    created: true,
    utsCode,
    name: records.metro.name,
    comuni: records.comuni.length,
    zones: records.zones.length,
  };
}

export async function isSetUp(ctx: Ctx): Promise<boolean> {
  return (await repo.findMetro(ctx.db)) !== undefined;
}
