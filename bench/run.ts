// npm run bench [-- foundation|plan]: measures what the issues set targets for, as ratios to a
// reference measured in the same run, and writes bench/results/<suite>-<timestamp>.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { foundationBenchmark } from './foundation.ts';
import { planBenchmark } from './plan.ts';
import { projectsBenchmark } from './projects.ts';
import { root } from './server.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

const suites: Record<string, (dataDir: string) => Promise<unknown>> = {
  foundation: (dir) => foundationBenchmark(dir, duration, connections),
  plan: (dir) => planBenchmark(dir, duration),
  projects: (dir) => projectsBenchmark(dir),
};

const chosen = process.argv.slice(2).filter((a) => a in suites);
for (const name of chosen.length > 0 ? chosen : Object.keys(suites)) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `metroplan-bench-${name}-`));
  try {
    console.log(`== ${name}`);
    const date = new Date().toISOString();
    const results = {
      benchmark: name,
      date,
      node: process.version,
      machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
      ...((await suites[name]!(dataDir)) as object),
    };
    const dir = path.join(root, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}-${date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
    console.log(JSON.stringify(results, null, 2));
    console.log(`written to ${path.relative(root, file)}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
