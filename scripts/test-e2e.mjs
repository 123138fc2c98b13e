// npm run test:e2e: the browser stories against a real server on a throw-away data directory.
// Builds the web client when it is missing or older than its sources, starts
// `metroplan serve` on a free port, waits for /api/v1/health, runs vitest with
// vitest.e2e.config.ts (extra arguments are passed on), then stops the server and deletes the
// data whatever happened. Exits with vitest's code.
import { spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const adminEmail = process.env.E2E_ADMIN_EMAIL ?? 'admin@example.it';
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? 'metroplan-e2e-initial';

/** Newest modification time under a directory (or of a file), in ms. */
function newestMtime(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function buildWebIfStale() {
  const index = path.join(root, 'dist/web/index.html');
  const sources = Math.max(
    newestMtime(path.join(root, 'src/web')),
    newestMtime(path.join(root, 'vite.config.ts')),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('[e2e] building the web client (vite build)');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer from ${baseUrl}/api/v1/health within ${timeoutMs / 1000} s`);
}

function stopServer(server) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

function runVitest(env) {
  const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
  const args = [vitest, 'run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'metroplan-e2e-'));
const dataDir = path.join(tmp, 'data');
const stateDir = path.join(tmp, 'state');
const logFile = path.join(tmp, 'server.log');
mkdirSync(dataDir);
let server = null;
let exitCode = 1;

async function cleanUp() {
  await stopServer(server);
  rmSync(tmp, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  buildWebIfStale();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  console.log(`[e2e] starting the server on ${baseUrl} (data in ${dataDir})`);
  const log = createWriteStream(logFile);
  server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      METROPLAN_DATA: dataDir,
      METROPLAN_ADMIN_EMAIL: adminEmail,
      METROPLAN_ADMIN_PASSWORD: adminPassword,
      // Every browser of the stories comes from 127.0.0.1: about 30 logins in a few minutes, which
      // a fast machine makes within the window of the per-address throttle (then refused with 429).
      METROPLAN_LOGIN_ATTEMPTS_PER_ADDRESS: '1000',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  try {
    await waitForHealth(baseUrl, server, 120_000);
  } catch (error) {
    console.error(`[e2e] ${error.message}; server log:\n${readFileSync(logFile, 'utf8')}`);
    throw error;
  }
  exitCode = await runVitest({
    ...process.env,
    E2E_BASE_URL: baseUrl,
    E2E_ADMIN_EMAIL: adminEmail,
    E2E_ADMIN_PASSWORD: adminPassword,
    E2E_STATE_DIR: stateDir,
  });
  if (exitCode !== 0) {
    const lines = readFileSync(logFile, 'utf8').trim().split('\n');
    console.error(`[e2e] last server log lines:\n${lines.slice(-30).join('\n')}`);
  }
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
