import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, type Config } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { roles, systemActor } from '../domain/roles.ts';
import type { Ctx } from '../modules/context.ts';
import * as users from '../modules/identity/service.ts';
import { removeExamples } from '../modules/plan/seed.ts';
import { importFiles } from './importCommand.ts';
import { setUpMetro } from '../modules/territory/setup.ts';
import { DatabaseInUse, type DatabaseHandle } from '../db/client.ts';
import { buildApp } from '../server/app.ts';
import { adminBanner, openMigrated, prepareDeployment } from './runtime.ts';

async function withDatabase<T>(
  config: Config,
  work: (ctx: Ctx, handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const handle = await openMigrated(config);
  try {
    return await work({ db: handle.db }, handle);
  } finally {
    await handle.close();
  }
}

async function serve(config: Config): Promise<void> {
  const started = Date.now();
  const handle = await openMigrated(config);
  const { setup, admin } = await handle.exclusively(() =>
    prepareDeployment({ db: handle.db }, config),
  );
  if (setup) console.log(`Set up ${setup.name}: ${setup.comuni} comuni, ${setup.zones} zones.`);
  if (admin) console.log(adminBanner(admin));
  const app = await buildApp({ db: handle.db, config, logger: { level: config.logLevel } });
  const shutdown = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(
    `Metroplan is serving http://${shown}:${config.port} (${handle.kind}, ready in ${Date.now() - started} ms)`,
  );
}

function parseRoleOption(value: string): (typeof roles)[number] {
  const role = roles.find((r) => r === value);
  if (!role) throw new InvalidArgumentError(`must be one of ${roles.join(', ')}.`);
  return role;
}

export function buildCli(config: Config = loadConfig()): Command {
  const program = new Command('metroplan')
    .description('Metroplan: the strategic plan of a metropolitan city, in the open')
    .showHelpAfterError();

  program
    .command('serve')
    .description('migrate, set up on first start, and serve the web app and the API')
    .action(() => serve(config));

  program
    .command('migrate')
    .description('apply the database migrations')
    .action(() => withDatabase(config, async () => console.log('Database schema is up to date.')));

  program
    .command('init')
    .description('set the deployment up for a metropolitan city from the bundled ISTAT data')
    .requiredOption('--metro <code>', 'UTS code (215), province code (015) or sigla (MI)')
    .action((opts: { metro: string }) =>
      withDatabase(config, async (ctx) => {
        const result = await setUpMetro(ctx, opts.metro);
        console.log(
          result.created
            ? `Set up ${result.name}: ${result.comuni} comuni, ${result.zones} zones${result.zones === 0 ? ' (define them in the admin area)' : ''}.`
            : `Already set up for ${result.name} (${result.comuni} comuni); nothing changed.`,
        );
      }),
    );

  program
    .command('plan')
    .description('the strategic plan')
    .command('remove-examples')
    .description('delete the example goals and actions seeded where the real plan text was unknown')
    .action(() =>
      withDatabase(config, async (ctx) => {
        const { removed } = await removeExamples(ctx);
        console.log(
          removed === 0
            ? 'No example items left.'
            : `Removed ${removed} example goals and actions.`,
        );
      }),
    );

  program
    .command('import')
    .description('import data files')
    .command('pnrr')
    .description('import official PNRR open-data files (Progetti, Localizzazione, Soggetti)')
    .argument('<files...>', 'CSV files as published (any order: locations are imported first)')
    .option('--territory', 'keep only projects located in the comuni of this metropolitan city')
    .action((files: string[], opts: { territory?: boolean }) =>
      withDatabase(config, async (ctx, handle) => {
        // On a fresh database: the territory (for --territory) and the PNRR codes (to resolve them).
        const { admin } = await handle.exclusively(() => prepareDeployment(ctx, config));
        if (admin) console.log(adminBanner(admin));
        await importFiles(ctx, files, opts.territory ? 'territory' : 'all');
      }),
    );

  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .description('create an account and print its one-time password')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', roles.join(' | '), parseRoleOption)
    .option('--comune <istatCode>', 'for a comune referent')
    .option('--zone <zoneId>', 'for a zone referent')
    .option('--org-unit <id...>', 'for an editor')
    .action(
      (opts: {
        email: string;
        name: string;
        role: (typeof roles)[number];
        comune?: string;
        zone?: string;
        orgUnit?: string[];
      }) =>
        withDatabase(config, async (ctx) => {
          const { user: created, temporaryPassword } = await users.createUser(ctx, systemActor, {
            email: opts.email,
            name: opts.name,
            role: opts.role,
            comuneCode: opts.comune,
            zoneId: opts.zone,
            orgUnitIds: opts.orgUnit,
          });
          console.log(
            `Created ${created.email} (${created.role}). One-time password: ${temporaryPassword}`,
          );
        }),
    );
  user
    .command('list')
    .description('list the accounts')
    .option('--role <role>', 'only this role', parseRoleOption)
    .action((opts: { role?: (typeof roles)[number] }) =>
      withDatabase(config, async (ctx) => {
        const page = await users.listUsers(ctx, systemActor, { role: opts.role, pageSize: 200 });
        for (const u of page.items)
          console.log(
            [
              u.email,
              u.role,
              u.name,
              u.disabled ? 'disabled' : 'active',
              u.comuneCode ?? u.zoneId ?? '',
            ].join('\t'),
          );
        console.log(`${page.total} account(s).`);
      }),
    );
  user
    .command('disable')
    .description('disable an account and end its sessions')
    .argument('<email>')
    .action((email: string) =>
      withDatabase(config, async (ctx) => {
        const id = await users.findUserIdByEmail(ctx, email);
        if (!id) throw new DomainError('not-found', `No account has e-mail ${email}.`);
        const current = await users.getUser(ctx, systemActor, id);
        await users.updateUser(ctx, systemActor, id, { version: current.version, disabled: true });
        console.log(`Disabled ${email}.`);
      }),
    );
  user
    .command('reset-password')
    .description('give an account a new one-time password')
    .argument('<email>')
    .action((email: string) =>
      withDatabase(config, async (ctx) => {
        const id = await users.findUserIdByEmail(ctx, email);
        if (!id) throw new DomainError('not-found', `No account has e-mail ${email}.`);
        const { temporaryPassword } = await users.resetPassword(ctx, systemActor, id);
        console.log(`New one-time password for ${email}: ${temporaryPassword}`);
      }),
    );
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(`metroplan: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof DatabaseInUse) {
      console.error(`metroplan: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
