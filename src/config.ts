import path from 'node:path';
import type { DatabaseTarget } from './db/client.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  /** ISTAT code of the metropolitan city set up on first start (UTS 215 = Milano). */
  metroCode: string;
  adminEmail: string;
  adminPassword: string | null;
  sessionTtlHours: number;
  /** Login attempts one address may make in 5 minutes, whatever the accounts. */
  loginAttemptsPerAddress: number;
  trustProxy: boolean;
  logLevel: string;
  webRoot: string;
}

/** Reads the configuration from the environment; every variable is listed in the README. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.METROPLAN_DATA ?? './var/data');
  const databaseUrl = env.DATABASE_URL?.trim();
  return {
    port: integerFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    metroCode: env.METROPLAN_METRO ?? '215',
    adminEmail: env.METROPLAN_ADMIN_EMAIL ?? 'admin@metroplan.local',
    adminPassword: env.METROPLAN_ADMIN_PASSWORD || null,
    sessionTtlHours: integerFrom(
      env.METROPLAN_SESSION_TTL_HOURS,
      12,
      'METROPLAN_SESSION_TTL_HOURS',
    ),
    loginAttemptsPerAddress: integerFrom(
      env.METROPLAN_LOGIN_ATTEMPTS_PER_ADDRESS,
      30,
      'METROPLAN_LOGIN_ATTEMPTS_PER_ADDRESS',
    ),
    trustProxy: env.METROPLAN_TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    webRoot: path.resolve(env.METROPLAN_WEB_ROOT ?? 'dist/web'),
  };
}

function integerFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}
