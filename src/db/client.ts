import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repository function can run its query on: the database or an open transaction. */
export type Executor = Database | Tx;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Brings the schema up to date; two processes starting at once take turns. */
  migrate(): Promise<void>;
  /**
   * Runs `work` while no other Metroplan process runs its own `exclusively` on this database (a
   * PostgreSQL advisory lock): first-start set-up checks, then writes, and must not interleave.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (a template for tests). */
  dump?(): Promise<Blob>;
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; maxConnections?: number };

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.maxConnections ?? 10 });
    // An idle client that loses its server must not crash the process.
    pool.on('error', () => undefined);
    const db = drizzlePg({ client: pool, schema }) as unknown as Database;
    const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
      // A session lock on a connection of its own, held while `work` uses the others.
      const holder = await pool.connect();
      try {
        await holder.query(`SELECT pg_advisory_lock(hashtext('metroplan.deployment'))`);
      } catch (error) {
        holder.release(true);
        throw error;
      }
      try {
        return await work();
      } finally {
        // A connection that cannot unlock is closed instead: its session's lock goes with it.
        const unlocked = await holder
          .query(`SELECT pg_advisory_unlock(hashtext('metroplan.deployment'))`)
          .then(
            () => true,
            () => false,
          );
        holder.release(!unlocked);
      }
    };
    return {
      db,
      kind: 'postgres',
      // Two processes started together both migrated a fresh database: one died on a duplicate key.
      migrate: () =>
        exclusively(() => migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder })),
      exclusively,
      close: () => pool.end(),
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const release = target.dataDir ? lockDataDir(target.dataDir) : () => undefined;
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
  } catch (error) {
    release();
    throw error;
  }
  const pgliteDb = drizzlePglite({ client, schema });
  return {
    db: pgliteDb as unknown as Database,
    kind: 'pglite',
    migrate: () => migratePglite(pgliteDb, { migrationsFolder }),
    // One process has the directory (lockDataDir): nobody to take turns with.
    exclusively: (work) => work(),
    close: async () => {
      await client.close();
      release();
    },
    dump: () => client.dumpDataDir('gzip'),
  };
}

/** The embedded database is in another process's hands: it cannot be opened here. */
export class DatabaseInUse extends Error {}

/**
 * The embedded database belongs to one process: a second one opening the same directory (a CLI
 * import while the server runs) wrote to its own copy, lost its writes, and once left the directory
 * unreadable. A lock file beside the directory names the owner; a lock whose process is gone is
 * taken over. Returns the release.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          unlinkSync(lockFile);
        } catch {
          // Already gone.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner))
        throw new DatabaseInUse(
          `the embedded database in ${path.resolve(dataDir)} is in use by another Metroplan ` +
            `process (pid ${owner}). Stop it first, or import through its admin page or API ` +
            `(POST /api/v1/imports); several processes can share a PostgreSQL database ` +
            `(DATABASE_URL) instead.`,
        );
      // Left behind by a process that ended without releasing it.
      unlinkSync(lockFile);
    }
  }
  throw new DatabaseInUse(`the lock ${lockFile} could not be taken`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
