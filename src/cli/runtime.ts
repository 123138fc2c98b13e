import type { Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import type { Ctx } from '../modules/context.ts';
import { ensureFirstAdmin } from '../modules/identity/service.ts';
import { seedMilanPlan } from '../modules/plan/seed.ts';
import { loadPnrrTaxonomy } from '../modules/pnrr/setup.ts';
import { getMetro } from '../modules/territory/service.ts';
import { isSetUp, setUpMetro } from '../modules/territory/setup.ts';

/** Opens the configured database with its schema up to date. */
export async function openMigrated(config: Config): Promise<DatabaseHandle> {
  const handle = await openDatabase(config.database);
  await handle.migrate();
  return handle;
}

/**
 * First start: the configured metropolitan city (Milano by default) from the bundled data, and a
 * system administrator whose one-time password is returned to be printed once.
 */
export async function prepareDeployment(ctx: Ctx, config: Config) {
  const setup = (await isSetUp(ctx)) ? null : await setUpMetro(ctx, config.metroCode);
  // National reference data: loaded on first start, again only when a release brings new files.
  await loadPnrrTaxonomy(ctx);
  // Milano ships the facts of its plans; other cities start their first plan in the admin area.
  if (setup && (await getMetro(ctx)).utsCode === '215') await seedMilanPlan(ctx);
  const admin = await ensureFirstAdmin(ctx, config.adminEmail, config.adminPassword);
  return { setup, admin };
}

export function adminBanner(admin: {
  email: string;
  password: string;
  generated: boolean;
}): string {
  const lines = [
    'Metroplan: first start, an administrator account was created.',
    `  e-mail:   ${admin.email}`,
    admin.generated
      ? `  password: ${admin.password}   (one-time: shown only now; you must change it at first login)`
      : '  password: the value of METROPLAN_ADMIN_PASSWORD (you must change it at first login)',
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const bar = '═'.repeat(width);
  return [`╔${bar}╗`, ...lines.map((l) => `║ ${l.padEnd(width - 1)}║`), `╚${bar}╝`].join('\n');
}
