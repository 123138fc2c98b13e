import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { systemActor } from '../src/domain/roles.ts';
import { withRawTransaction, type RawSession } from '../src/db/rawSession.ts';
import { mapHeaders } from '../src/domain/csvHeaders.ts';
import { csvPieces } from '../src/domain/csvPieces.ts';
import { formats } from '../src/modules/projects/import/formats.ts';
import { localizzazioniRows } from '../src/modules/projects/import/localizzazioni.ts';
import { loadNorm } from '../src/modules/projects/import/normalise.ts';
import { progettiRows } from '../src/modules/projects/import/progetti.ts';
import { openMigrated, prepareDeployment } from '../src/cli/runtime.ts';
import { importPnrrFile } from '../src/modules/projects/import/importFile.ts';
import { copyValue } from '../src/modules/projects/import/rows.ts';
import { writeNationalRelease } from './projectsData.ts';
import { root, startServer } from './server.ts';

/** The physical limit: COPY of the same file into an unindexed text table, in the same run. */
async function copyRate(
  db: Parameters<typeof withRawTransaction>[0],
  file: string,
  columns: number,
  rows: number,
) {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const names = Array.from({ length: columns }, (_, i) => `c${i}`);
  const started = performance.now();
  await withRawTransaction(db, async (s) => {
    await s.query(
      `CREATE TEMP TABLE copy_reference (${names.map((n) => `${n} text`).join(', ')}) ON COMMIT DROP`,
    );
    await s.copyCsv('copy_reference', names, text, { delimiter: ';', header: true });
  });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, rowsPerSecond: rows / seconds };
}

/**
 * The floor under any import into the final table: `COPY` of the rows an import just stored,
 * already normalised (nothing to read, check or compare), into a logged table shaped like the
 * final one, then the final table's keys and indexes built over them. What an import does beyond
 * this is its own cost; what this costs is the price of a durable, indexed table. Rolled back.
 */
async function finalTableFloor(
  db: Parameters<typeof withRawTransaction>[0],
  table: string,
  releaseId: string,
) {
  let seconds = 0;
  let copied = 0;
  await withRawTransaction(db, async (s) => {
    const columns = (
      await s.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'
         ORDER BY ordinal_position`,
        [table],
      )
    ).map((c) => c.name);
    const rows = await s.query<{ v: (string | null)[] }>(
      `SELECT ARRAY[${columns.map((c) => `"${c}"::text`).join(', ')}] AS v FROM ${table}
       WHERE release_id = $1`,
      [releaseId],
    );
    const chunks: string[] = [];
    for (let i = 0; i < rows.length; i += 1024)
      chunks.push(
        rows
          .slice(i, i + 1024)
          .map((r) => `${r.v.map(copyValue).join('\t')}\n`)
          .join(''),
      );
    const constraints = await s.query<{ definition: string }>(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE conrelid = $1::regclass AND contype IN ('p', 'u')`,
      [table],
    );
    const indexes = await s.query<{ definition: string }>(
      `SELECT pg_get_indexdef(x.indexrelid) AS definition FROM pg_index x
       WHERE x.indrelid = $1::regclass
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
      [table],
    );
    await s.query(
      `CREATE TABLE bench_floor (LIKE ${table} INCLUDING DEFAULTS INCLUDING GENERATED)`,
    );
    await s.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const started = performance.now();
    await s.copyText('bench_floor', columns, chunks);
    copied = (performance.now() - started) / 1000;
    for (const c of constraints) await s.query(`ALTER TABLE bench_floor ADD ${c.definition}`);
    for (const i of indexes)
      await s.query(
        i.definition
          .replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+/, 'CREATE $1INDEX ON bench_floor')
          .replace(`public.${table}`, 'bench_floor'),
      );
    seconds = (performance.now() - started) / 1000;
    throw new FloorDone(); // rolls the table back
  }).catch((error) => {
    if (!(error instanceof FloorDone)) throw error;
  });
  return { seconds, copy: copied, indexes: seconds - copied };
}

class FloorDone extends Error {}

/**
 * Node's part alone: the file decoded, its records read and checked, the rows made into COPY's
 * text, as an import does (`loadNorm`), with nothing sent anywhere. An import that reads in Node
 * takes at least the longer of this and the floor's `COPY` (the two overlap: the server stores
 * one chunk while Node reads the next), plus the floor's indexes.
 */
async function readingSeconds(file: string, kind: 'localizzazioni' | 'progetti') {
  const bytes = readFileSync(file);
  const started = performance.now();
  const pieces = csvPieces(bytes);
  const first = pieces.texts().next().value ?? '';
  const headers = first.slice(0, first.indexOf('\n')).replace(/\r$/, '').split(';');
  const { columns } = mapHeaders(headers, formats[kind].synonyms);
  const discard: RawSession = {
    query: async () => [],
    copyCsv: async () => undefined,
    copyText: async (_table, _columns, chunks) => {
      for (const _ of chunks);
    },
  };
  await loadNorm(discard, kind === 'progetti' ? progettiRows : localizzazioniRows, {
    text: () => pieces.texts(),
    size: bytes.length,
    separator: ';',
    columns,
  });
  return (performance.now() - started) / 1000;
}

async function sequential(url: string, n: number) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    first: times[0]!,
    p50Ms: sorted[Math.floor(n * 0.5)]!,
    p95Ms: sorted[Math.floor(n * 0.95)]!,
  };
}

/**
 * BENCH_DATABASE_URL=postgres://…: the run uses a fresh database on that PostgreSQL server (dropped
 * at the end) instead of PGlite, to measure the production driver.
 */
async function benchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) return { url: '', drop: async () => undefined };
  const name = `metroplan_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function projectsBenchmark(dataDir: string) {
  const size = Number(process.env.BENCH_PROJECTS ?? 300_000);
  const release = await writeNationalRelease(dataDir, size, Math.round((size * 4) / 3));
  const database = await benchDatabase();
  try {
    return {
      database: database.url ? 'postgresql' : 'pglite',
      ...(await measure(dataDir, size, release, database.url)),
    };
  } finally {
    await database.drop();
  }
}

async function measure(
  dataDir: string,
  size: number,
  release: Awaited<ReturnType<typeof writeNationalRelease>>,
  databaseUrl: string,
) {
  const config = loadConfig({ ...process.env, METROPLAN_DATA: dataDir, DATABASE_URL: databaseUrl });
  const handle = await openMigrated(config);
  const ctx = { db: handle.db };
  const imports: Record<string, unknown> = {};
  try {
    await prepareDeployment(ctx, { ...config, adminPassword: 'bench-admin-password' });
    // Bundled real files first, then the national-size set.
    for (const name of [
      'PNRR_Localizzazione_MI_validati_2023-02.csv',
      'PNRR_Progetti_MI_validati_2023-02.csv',
    ]) {
      const bytes = readFileSync(`${root}/reference-data/pnrr/${name}`);
      const started = performance.now();
      const report = await importPnrrFile(ctx, systemActor, { fileName: name, bytes });
      imports[name] = {
        rows: report.rowsRead,
        seconds: (performance.now() - started) / 1000,
        rowsPerSecond: report.rowsRead / ((performance.now() - started) / 1000),
      };
    }
    for (const [kind, file, rows, columns, table] of [
      ['localizzazioni', release.localizzazioni, release.locations, 10, 'project_locations'],
      ['progetti', release.progetti, release.projects, 20, 'projects'],
    ] as const) {
      const reference = await copyRate(handle.db, file, columns, rows);
      const bytes = readFileSync(file);
      const started = performance.now();
      const report = await importPnrrFile(ctx, systemActor, {
        fileName: file.split('/').pop()!,
        bytes,
      });
      const seconds = (performance.now() - started) / 1000;
      const floor = await finalTableFloor(handle.db, table, report.releaseId);
      const reading = await readingSeconds(file, kind);
      // The target's time, against what no import that reads in Node can go below here.
      const budget = 3 * reference.seconds;
      const lowerBound = Math.max(reading, floor.copy) + floor.indexes;
      imports[`national ${kind}`] = {
        rows,
        megabytes: Math.round(statSync(file).size / 2 ** 20),
        seconds,
        rowsPerSecond: rows / seconds,
        created: report.created,
        rejected: report.rejected,
        copyReference: reference,
        ratioToCopy: rows / seconds / reference.rowsPerSecond,
        targetRatio: 1 / 3,
        met: rows / seconds / reference.rowsPerSecond >= 1 / 3,
        // COPY of the stored rows into the final table's shape plus its indexes: no import can
        // beat this ratio on this machine (see finalTableFloor).
        finalTableFloor: { ...floor, ratioToCopy: reference.seconds / floor.seconds },
        // The import against that floor: the ratio we recommend the target be stated in.
        ratioToFloor: floor.seconds / seconds,
        readingInNode: { seconds: reading },
        targetBudget: {
          seconds: budget,
          floorShare: floor.seconds / budget,
          lowerBoundSeconds: lowerBound,
          reachable: lowerBound <= budget,
        },
      };
      console.log(kind, imports[`national ${kind}`]);
    }
  } finally {
    await handle.close();
  }
  const server = await startServer({ METROPLAN_DATA: dataDir, DATABASE_URL: databaseUrl });
  try {
    const base = `${server.url}/api/v1`;
    const analytics = {
      all: await sequential(`${base}/analytics/pnrr`, 50),
      mission: await sequential(`${base}/analytics/pnrr?mission=M4`, 50),
      projectsByComune: await sequential(`${base}/projects?comune=015146`, 50),
      // Words found anywhere in title, summary or implementer, with their accents and other forms
      // (domain/searchWords.ts): no index, every project read.
      search: await sequential(`${base}/projects?q=${encodeURIComponent('scuola mobilità')}`, 20),
      // The last page of the explorer, sorted by money: places are worked out for its rows only.
      lastPage: await sequential(`${base}/projects?page=${Math.ceil(size / 100)}&pageSize=100`, 20),
      // Every project of one mission (tens of thousands) as a spreadsheet, in one query.
      exportXlsx: await sequential(`${base}/projects/export?format=xlsx&mission=M2`, 3),
    };
    return {
      projects: size,
      imports,
      analyticsWith300kProjects: analytics,
      targets: {
        analyticsP95Ms: {
          target: 100,
          measured: Math.max(analytics.all.p95Ms, analytics.mission.p95Ms),
          met: Math.max(analytics.all.p95Ms, analytics.mission.p95Ms) < 100,
        },
      },
    };
  } finally {
    await server.stop();
  }
}
