import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Settings handed over by scripts/test-e2e.mjs (or set by hand against a running server). */
export const baseUrl = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');

const initialPassword = process.env.E2E_ADMIN_PASSWORD ?? 'metroplan-e2e-initial';

export const admin = {
  email: process.env.E2E_ADMIN_EMAIL ?? 'admin@example.it',
  initialPassword,
  /** What the first-login story changes the password to. */
  renewedPassword: `${initialPassword}-renewed`,
};

const stateDir = process.env.E2E_STATE_DIR ?? path.join(os.tmpdir(), 'metroplan-e2e-state');
const passwordFile = path.join(stateDir, 'admin-password');

/** The admin's password right now: the initial one until a story has changed it. */
export function currentAdminPassword(): string {
  return existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8') : admin.initialPassword;
}

export function recordAdminPassword(password: string): void {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(passwordFile, password);
}

export const screenshotDir = path.resolve(
  process.env.E2E_SCREENSHOTS_DIR ?? path.join('test-results', 'e2e'),
);
