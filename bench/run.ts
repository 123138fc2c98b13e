// npm run bench: measures what the issues set targets for, as ratios to a reference measured
// in the same run, and writes bench/results/<name>-<timestamp>.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { root, startServer } from './server.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections, duration, headers });
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    bytesPerSecond: result.throughput.average,
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'metroplan-bench-'));
  const env = {
    METROPLAN_DATA: dataDir,
    METROPLAN_ADMIN_PASSWORD: 'bench-admin-password',
    DATABASE_URL: '',
  };
  try {
    // First start creates the data directory (initdb, migrations, Milan data); not the cold start we measure.
    const first = await startServer(env);
    await first.stop();
    const server = await startServer(env);
    const coldStartMs = server.startMs;
    console.log(`cold start on an existing data directory: ${coldStartMs.toFixed(0)} ms`);

    const gzip = { 'accept-encoding': 'gzip' };
    // Warm the JIT and the read caches, so the reference is not measured on a cold process.
    for (const route of ['/api/v1/health', '/api/v1/comuni', '/api/v1/geo/comuni'])
      await autocannon({ url: server.url + route, connections, duration: 2 });
    const trivial = await load(`${server.url}/api/v1/health`);
    const comuni = await load(`${server.url}/api/v1/comuni`);
    const comuniFiltered = await load(
      `${server.url}/api/v1/comuni?zone=adda-martesana&sort=-population`,
    );
    const geo = await load(`${server.url}/api/v1/geo/comuni`, gzip);
    await server.stop();

    const ratio = (x: { requestsPerSecond: number }) =>
      x.requestsPerSecond / trivial.requestsPerSecond;
    const results = {
      benchmark: 'foundation',
      date: new Date().toISOString(),
      node: process.version,
      machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
      settings: { connections, durationSeconds: duration, database: 'pglite' },
      coldStart: { ms: coldStartMs, targetMs: 3000, met: coldStartMs < 3000 },
      reference: { route: 'GET /api/v1/health', ...trivial },
      routes: {
        'GET /api/v1/comuni': {
          ...comuni,
          ratioToReference: ratio(comuni),
          targetRatio: 0.5,
          met: ratio(comuni) >= 0.5,
        },
        'GET /api/v1/comuni?zone=…&sort=…': {
          ...comuniFiltered,
          ratioToReference: ratio(comuniFiltered),
        },
        'GET /api/v1/geo/comuni (gzip)': { ...geo, ratioToReference: ratio(geo) },
      },
    };
    const dir = path.join(root, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `foundation-${results.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
    console.log(JSON.stringify(results, null, 2));
    console.log(`written to ${path.relative(root, file)}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
