// npm run test:pg: the integration suite against a real PostgreSQL server (TEST_DATABASE_URL).
// Each run creates its own databases on that server and drops them at the end.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
console.log(`PostgreSQL suite on ${url.replace(/\/\/[^@]*@/, '//***@')}`);
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const result = spawnSync(
  process.execPath,
  [vitest, 'run', '--project', 'integration', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, METROPLAN_TEST_DB: 'postgres', TEST_DATABASE_URL: url },
  },
);
process.exit(result.status ?? 1);
