import autocannon from 'autocannon';
import { startServer } from './server.ts';

async function load(
  url: string,
  connections: number,
  duration: number,
  headers: Record<string, string> = {},
) {
  const result = await autocannon({ url, connections, duration, headers });
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    bytesPerSecond: result.throughput.average,
    errors: result.errors + result.non2xx,
  };
}

/** Throughput of the public territory endpoints as ratios to a trivial route, and cold start. */
export async function foundationBenchmark(dataDir: string, duration: number, connections: number) {
  const env = {
    METROPLAN_DATA: dataDir,
    METROPLAN_ADMIN_PASSWORD: 'bench-admin-password',
    DATABASE_URL: '',
  };
  // The first start creates the data directory (initdb, migrations, Milan data): not the cold start measured.
  const first = await startServer(env);
  await first.stop();
  const server = await startServer(env);
  const coldStartMs = server.startMs;
  try {
    const gzip = { 'accept-encoding': 'gzip' };
    // Warm the JIT and the read caches, so the reference is not measured on a cold process.
    for (const route of ['/api/v1/health', '/api/v1/comuni', '/api/v1/geo/comuni'])
      await autocannon({ url: server.url + route, connections, duration: 2 });
    const trivial = await load(`${server.url}/api/v1/health`, connections, duration);
    const comuni = await load(`${server.url}/api/v1/comuni`, connections, duration);
    const filtered = await load(
      `${server.url}/api/v1/comuni?zone=adda-martesana&sort=-population`,
      connections,
      duration,
    );
    const geo = await load(`${server.url}/api/v1/geo/comuni`, connections, duration, gzip);
    const ratio = (x: { requestsPerSecond: number }) =>
      x.requestsPerSecond / trivial.requestsPerSecond;
    return {
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
        'GET /api/v1/comuni?zone=…&sort=…': { ...filtered, ratioToReference: ratio(filtered) },
        'GET /api/v1/geo/comuni (gzip)': { ...geo, ratioToReference: ratio(geo) },
      },
    };
  } finally {
    await server.stop();
  }
}
