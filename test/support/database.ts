import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';

/**
 * The suite runs on PGlite by default and on a real PostgreSQL server when
 * METROPLAN_TEST_DB=postgres (npm run test:pg, with TEST_DATABASE_URL).
 */
export const onPostgres = process.env.METROPLAN_TEST_DB === 'postgres';

export function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('TEST_DATABASE_URL must point at a PostgreSQL server for the postgres suite');
  return url;
}

export function urlForDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/**
 * A fresh database holding the migrated schema and the Milan territory, copied from the template
 * that the global setup prepared once (a PGlite dump, or a PostgreSQL template database).
 */
export async function openTestDatabase(template: string): Promise<DatabaseHandle> {
  if (onPostgres) {
    const name = uniqueName('metroplan_t');
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const handle = await openDatabase({
      kind: 'postgres',
      url: urlForDatabase(serverUrl(), name),
      maxConnections: 5,
    });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const dump = new Blob([readFileSync(template)]);
  return openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: dump });
}
