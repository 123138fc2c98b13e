import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './client.ts';

/**
 * One connection, one transaction, plain SQL and COPY: what bulk imports need and an ORM does
 * not give. Both drivers get the same interface, so the import SQL is written once.
 */
export interface RawSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** COPY … FROM STDIN with the given CSV text (PGlite reads it as /dev/blob). */
  copyCsv(
    table: string,
    columns: string[],
    csv: string,
    options: { delimiter: string; header: boolean },
  ): Promise<void>;
  /**
   * COPY … FROM STDIN in the text format: lines already escaped, each ending with \n. PostgreSQL
   * takes the chunks as they come; an error thrown while producing them cancels the COPY.
   */
  copyText(table: string, columns: string[], chunks: Iterable<string>): Promise<void>;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

function copyStatement(
  table: string,
  columns: string[],
  source: string,
  o: { delimiter: string; header: boolean },
) {
  const delimiter = o.delimiter === '\t' ? "E'\\t'" : `'${o.delimiter.replaceAll("'", "''")}'`;
  return `COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM ${source} WITH (FORMAT csv, DELIMITER ${delimiter}, HEADER ${o.header})`;
}

const textCopy = (table: string, columns: string[], source: string) =>
  `COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM ${source}`;

/**
 * The chunks, with a turn of the event loop after each: the socket sends one chunk while Node
 * makes the next, so PostgreSQL stores rows while Node reads them (read ahead without a pause,
 * the chunks would all be made before the first was sent); and other requests are answered
 * meanwhile.
 */
async function* interleaved(chunks: Iterable<string>): AsyncGenerator<string> {
  for (const chunk of chunks) {
    // An empty chunk is only a turn (rows read and none kept).
    if (chunk) yield chunk;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** METROPLAN_TRACE_SQL=1 prints each statement's time: how an import's cost is found. */
function traced(session: RawSession): RawSession {
  if (!process.env.METROPLAN_TRACE_SQL) return session;
  const time = async <R>(label: string, run: () => Promise<R>) => {
    const started = performance.now();
    const result = await run();
    console.error(
      `[sql ${(performance.now() - started).toFixed(1)} ms] ${label.replace(/\s+/g, ' ').slice(0, 110)}`,
    );
    return result;
  };
  return {
    query: (sql, params) => time(sql, () => session.query(sql, params)),
    copyCsv: (table, columns, csv, options) =>
      time(`COPY ${table}`, () => session.copyCsv(table, columns, csv, options)),
    copyText: (table, columns, chunks) =>
      time(`COPY ${table} (text)`, () => session.copyText(table, columns, chunks)),
  } as RawSession;
}

export async function withRawTransaction<T>(
  db: Database,
  work: (session: RawSession) => Promise<T>,
): Promise<T> {
  const client = (db as unknown as { $client: PGlite | pg.Pool }).$client;
  if (client instanceof PGlite) {
    return client.transaction(async (tx) =>
      work(
        traced({
          query: async <R>(sql: string, params: unknown[] = []) =>
            (await tx.query<R>(sql, params)).rows,
          copyCsv: async (table, columns, csv, options) => {
            await tx.query(copyStatement(table, columns, "'/dev/blob'", options), [], {
              blob: new Blob([csv]),
            });
          },
          copyText: async (table, columns, chunks) => {
            // PGlite runs in this thread: with a turn of the event loop after each chunk, the
            // server still answers while a large file is read (an upload's progress, /health).
            const parts: string[] = [];
            for await (const chunk of interleaved(chunks)) parts.push(chunk);
            await tx.query(textCopy(table, columns, "'/dev/blob'"), [], {
              blob: new Blob(parts),
            });
          },
        }),
      ),
    );
  }
  const connection = await client.connect();
  try {
    await connection.query('BEGIN');
    const result = await work(
      traced({
        query: async <R>(sql: string, params: unknown[] = []) =>
          (await connection.query(sql, params)).rows as R[],
        copyCsv: async (table, columns, csv, options) => {
          const stream = connection.query(
            copyFrom(copyStatement(table, columns, 'STDIN', options)),
          );
          await pipeline(Readable.from([csv]), stream);
        },
        copyText: async (table, columns, chunks) => {
          const stream = connection.query(copyFrom(textCopy(table, columns, 'STDIN')));
          await pipeline(Readable.from(interleaved(chunks)), stream);
        },
      }),
    );
    await connection.query('COMMIT');
    return result;
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}
