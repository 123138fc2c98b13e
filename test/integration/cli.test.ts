import { execFile, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminQuery,
  onPostgres,
  serverUrl,
  uniqueName,
  urlForDatabase,
} from '../support/database.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/metroplan.mjs');
let dataDir: string;
let databaseName: string | null = null;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'metroplan-cli-'));
  env = { ...process.env, METROPLAN_DATA: dataDir, DATABASE_URL: '' };
  if (onPostgres) {
    databaseName = uniqueName('metroplan_cli');
    await adminQuery(`CREATE DATABASE ${databaseName}`);
    env.DATABASE_URL = urlForDatabase(serverUrl(), databaseName);
  }
});

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (databaseName) await adminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
});

async function metroplan(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Every call starts a process that opens the database: generous time on a loaded 2-core machine.
describe('metroplan CLI on a fresh database', { timeout: 120_000 }, () => {
  it('sets up another metropolitan city from the bundled ISTAT list, with no zones yet', async () => {
    const result = await metroplan('init', '--metro', 'BO');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Set up Città metropolitana di Bologna: 55 comuni, 0 zones');
  });

  it('does nothing the second time for the same city', async () => {
    const result = await metroplan('init', '--metro', '237');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Already set up for Città metropolitana di Bologna');
  });

  it('refuses to set up a second city in the same database', async () => {
    const result = await metroplan('init', '--metro', 'MI');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already set up for Città metropolitana di Bologna');
  });

  it('explains which codes are valid when the code is not a metropolitan city', async () => {
    const result = await metroplan('init', '--metro', 'XX');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"XX" is not one of the 14 metropolitan cities');
  });

  it('adds, lists, disables and resets an account', async () => {
    const added = await metroplan(
      'user',
      'add',
      '--email',
      'referente@comune.bologna.it',
      '--name',
      'Referente Bologna',
      '--role',
      'comune_referent',
      '--comune',
      '037006',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/One-time password: \S{16}/);
    const listed = await metroplan('user', 'list');
    expect(listed.stdout).toMatch(
      /referente@comune\.bologna\.it\tcomune_referent\tReferente Bologna\tactive\t037006/,
    );
    expect((await metroplan('user', 'disable', 'referente@comune.bologna.it')).code).toBe(0);
    expect((await metroplan('user', 'list')).stdout).toContain('\tdisabled\t');
    const reset = await metroplan('user', 'reset-password', 'referente@comune.bologna.it');
    expect(reset.stdout).toMatch(/New one-time password for referente@comune\.bologna\.it: \S{16}/);
  });

  it('imports the official PNRR files, locations first, keeping only the territory when asked', async () => {
    const pnrr = (f: string) => path.resolve('reference-data/pnrr', f);
    const result = await metroplan(
      'import',
      'pnrr',
      '--territory',
      pnrr('PNRR_Progetti_MI_validati_2023-02.csv'),
      pnrr('PNRR_Localizzazione_MI_validati_2023-02.csv'),
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    // The localisation file goes first, whatever the order given.
    expect(lines[0]).toContain('[1/2] PNRR_Localizzazione_MI_validati_2023-02.csv');
    // This database is set up for Bologna: the Milan projects are all outside its territory.
    expect(result.stdout).toMatch(
      /rows read 2123 · created 0 · updated 0 · unchanged 0 · outside the territory 2123 · rejected 0/,
    );
    expect(result.stdout).toMatch(/rows read 1942 · created 0 .* outside the territory \d+/);
  });

  it('refuses a file that is not a PNRR release, saying why and writing nothing', async () => {
    const result = await metroplan('import', 'pnrr', path.resolve('reference-data/comuni_mi.csv'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('refused, nothing written');
    expect(result.stderr).toContain('none of the columns of the PNRR open-data files');
  });

  it('refuses a file over the limit without reading it', async () => {
    // Sparse: 1.1 GB long, and no time or disk to write it.
    const huge = path.join(dataDir, 'PNRR_Soggetti_enorme.csv');
    writeFileSync(huge, 'CUP;Codice Locale Progetto;Ruolo Soggetto\n');
    truncateSync(huge, 1100 * 1024 * 1024);
    const result = await metroplan('import', 'pnrr', huge);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('refused, nothing written');
    expect(result.stderr).toContain('the file is larger than 1024 MB');
  });

  it('names the field when an account cannot be created', async () => {
    const noComune = await metroplan(
      'user',
      'add',
      '--email',
      'x@example.it',
      '--name',
      'X Y',
      '--role',
      'comune_referent',
    );
    expect(noComune.code).toBe(2);
    expect(noComune.stderr).toContain('body.comuneCode: is required for a comune referent');
    const badRole = await metroplan(
      'user',
      'add',
      '--email',
      'x@example.it',
      '--name',
      'X Y',
      '--role',
      'boss',
    );
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain("option '--role <role>' argument 'boss' is invalid");
    // The checks of the API's schema, made by the service the command calls.
    for (const [email, name, said] of [
      ['notanemail', 'X Y', 'body.email: must be an e-mail address'],
      ['z@example.it', 'X\u0001\u0002', 'body.name: must not contain control characters'],
      ['z@example.it', 'N'.repeat(300), 'body.name: must have at most 120 characters'],
    ]) {
      const refused = await metroplan(
        'user',
        'add',
        '--email',
        email!,
        '--name',
        name!,
        '--role',
        'participant',
      );
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(said);
    }
    const listed = await metroplan('user', 'list');
    expect(listed.stdout).not.toContain('notanemail');
  });
});

describe('two processes on one database', { timeout: 240_000 }, () => {
  // PGlite belongs to one process: a lock file beside its directory. PostgreSQL is shared: two
  // processes starting on a fresh database take turns to migrate and set it up.
  it('lets one process at a time prepare the database, and says which holds an embedded one', async () => {
    if (onPostgres) {
      const fresh = uniqueName('metroplan_cli_twice');
      await adminQuery(`CREATE DATABASE ${fresh}`);
      try {
        const both = { ...env, DATABASE_URL: urlForDatabase(serverUrl(), fresh) };
        const file = path.resolve('reference-data/pnrr/PNRR_Soggetti_MI_validati_2023-02.csv');
        const runs = await Promise.all(
          [1, 2].map(() =>
            run(process.execPath, [bin, 'import', 'pnrr', file], { env: both }).then(
              () => 0,
              (error: { code: number; stderr: string }) => error.stderr,
            ),
          ),
        );
        // Both ran: one created the rows, the other found them unchanged.
        expect(runs).toEqual([0, 0]);
      } finally {
        await adminQuery(`DROP DATABASE IF EXISTS ${fresh} WITH (FORCE)`);
      }
      return;
    }
    const lockFile = path.join(dataDir, 'pglite.lock');
    // A live process (this one) holds the database.
    writeFileSync(lockFile, String(process.pid));
    const refused = await metroplan('user', 'list');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`is in use by another Metroplan process (pid ${process.pid})`);
    expect(refused.stderr).not.toContain('    at ');
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    // A process that has ended left its lock: the next one takes it and gives it back.
    const ended = spawnSync(process.execPath, ['-e', '0']);
    writeFileSync(lockFile, String(ended.pid));
    const taken = await metroplan('user', 'list');
    expect(taken.code).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  });
});
