import autocannon from 'autocannon';
import { buildBenchPlan } from './planData.ts';
import { startServer } from './server.ts';

/** Latency of sequential requests, as a client would see them one after another. */
async function sequential(url: string, n: number) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { requests: n, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: times[times.length - 1]! };
}

export async function planBenchmark(dataDir: string, duration: number) {
  const { versionIds } = await buildBenchPlan(dataDir);
  const server = await startServer({ METROPLAN_DATA: dataDir, DATABASE_URL: '' });
  try {
    const base = `${server.url}/api/v1`;
    const [first, , , , last] = versionIds as [string, string, string, string, string];
    const urls = {
      reference: `${base}/health`,
      tree: `${base}/plan-versions/${last}/tree`,
      treeFiltered: `${base}/plan-versions/${last}/tree?mission=M2&q=scuole`,
      matrix: `${base}/plan-versions/${last}/matrix`,
      diff: `${base}/plan-versions/diff?from=${first}&to=${last}`,
    };
    for (const url of Object.values(urls)) await sequential(url, 20); // warm up
    const latency: Record<string, Awaited<ReturnType<typeof sequential>>> = {};
    for (const [name, url] of Object.entries(urls))
      latency[name] = await sequential(url, name === 'diff' ? 50 : 300);
    const load = await autocannon({ url: urls.tree, connections: 10, duration });
    return {
      plan: { goals: 50, actionsPerGoal: 20, versions: versionIds.length },
      latency,
      treeUnderLoad: {
        connections: 10,
        requestsPerSecond: load.requests.average,
        p99Ms: load.latency.p99,
      },
      targets: {
        treeP95Ms: { target: 50, measured: latency.tree!.p95Ms, met: latency.tree!.p95Ms < 50 },
        matrixP95Ms: {
          target: 50,
          measured: latency.matrix!.p95Ms,
          met: latency.matrix!.p95Ms < 50,
        },
        diffMs: { target: 200, measured: latency.diff!.p95Ms, met: latency.diff!.p95Ms < 200 },
      },
      ratiosToReferenceP50: {
        tree: latency.tree!.p50Ms / latency.reference!.p50Ms,
        matrix: latency.matrix!.p50Ms / latency.reference!.p50Ms,
        diff: latency.diff!.p50Ms / latency.reference!.p50Ms,
      },
    };
  } finally {
    await server.stop();
  }
}
