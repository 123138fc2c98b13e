import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { seedMilanPlan } from '../../src/modules/plan/seed.ts';
import { loadPnrrTaxonomy } from '../../src/modules/pnrr/setup.ts';
import { setUpMetro } from '../../src/modules/territory/setup.ts';
import { adminQuery, onPostgres, serverUrl, uniqueName, urlForDatabase } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: string;
  }
}

/** Migrates and seeds one database for the whole run; each test file starts from a copy. */
export default async function setup(project: TestProject) {
  if (onPostgres) {
    const name = uniqueName('metroplan_tpl');
    await adminQuery(`CREATE DATABASE ${name}`);
    const handle = await openDatabase({ kind: 'postgres', url: urlForDatabase(serverUrl(), name) });
    await handle.migrate();
    await setUpMetro({ db: handle.db }, '215');
    await loadPnrrTaxonomy({ db: handle.db });
    await seedMilanPlan({ db: handle.db });
    await handle.close();
    project.provide('databaseTemplate', name);
    return async () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  await handle.migrate();
  await setUpMetro({ db: handle.db }, '215');
  await loadPnrrTaxonomy({ db: handle.db });
  await seedMilanPlan({ db: handle.db });
  const dump = await handle.dump!();
  await handle.close();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'metroplan-test-'));
  const file = path.join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('databaseTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
