import type { Page } from 'playwright-core';
import { admin, currentAdminPassword, recordAdminPassword } from './env.ts';

/** Signs in through the login form as the email and password given. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/accedi');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  // The login's answer, so that a refused or missing login says why instead of timing out on the
  // address (it did, now and then, in clean-clone runs).
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/session',
  );
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  const response = await answer.catch((error: Error) => {
    throw new Error(`no answer to the login of ${email}: ${error.message}`);
  });
  if (!response.ok())
    throw new Error(
      `the login of ${email} answered ${response.status()}: ${await response.text()}`,
    );
  await page.waitForURL((url) => url.pathname !== '/accedi');
}

/**
 * Signs in as the bootstrap admin, whatever earlier stories did: on the first login of the run
 * the server demands a new password, which is then remembered for the next stories.
 */
export async function logInAsAdmin(page: Page): Promise<void> {
  const password = currentAdminPassword();
  await logIn(page, admin.email, password);
  if (new URL(page.url()).pathname === '/account/password') {
    await page.getByLabel('Password attuale').fill(password);
    await page.getByLabel('Nuova password', { exact: true }).fill(admin.renewedPassword);
    await page.getByLabel('Ripeti la nuova password').fill(admin.renewedPassword);
    await page.getByRole('button', { name: 'Cambia password' }).click();
    await page.waitForURL((url) => url.pathname !== '/account/password');
    recordAdminPassword(admin.renewedPassword);
  }
  await page.getByRole('button', { name: /Menu utente/ }).waitFor();
}
