import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, logInAsAdmin } from './support/auth.ts';
import { launchBrowser, newVisitor, pathOf, snap } from './support/browser.ts';
import { admin, currentAdminPassword, recordAdminPassword } from './support/env.ts';

describe('The administrator signs in for the first time', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is sent to the login page when opening the reserved area anonymously', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/admin/utenti');
    await page.waitForURL('**/accedi?next=*');
    await page.getByRole('heading', { level: 1, name: "Accedi all'area riservata" }).waitFor();
  });

  it('must replace the temporary password, then lands signed in, and can sign out', async () => {
    const { page, errors } = await newVisitor(browser);
    // Other stories may already have renewed the password when this one runs on its own.
    const firstLogin = currentAdminPassword() === admin.initialPassword;

    // The admin opens the login page from the header.
    await page.goto('/');
    await page.getByRole('link', { name: 'Accedi' }).click();
    await page.getByRole('heading', { level: 1, name: "Accedi all'area riservata" }).waitFor();

    // Submitting the empty form shows an error next to each field.
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    const email = page.getByLabel('Email');
    const password = page.getByLabel('Password', { exact: true });
    await page.getByText('Campo obbligatorio.').first().waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => email.evaluate((input) => input === document.activeElement)).toBe(true);
    await snap(page, 'login-errors');

    // A wrong password is refused.
    await email.fill(admin.email);
    await password.fill('not-the-password');
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByText('Email o password non corretti.').waitFor();
    // The alert stays clear of the label of the first field, which floats above its input.
    const alert = page.locator('.alert').filter({ hasText: 'Email o password non corretti.' });
    const label = page.locator('label').filter({ hasText: /^Email$/ });
    const alertBox = (await alert.boundingBox())!;
    expect((await label.boundingBox())!.y).toBeGreaterThanOrEqual(alertBox.y + alertBox.height);

    // With the right one the admin gets in.
    await password.fill(currentAdminPassword());
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();

    if (firstLogin) {
      // The first login demands a new password.
      await page.waitForURL('**/account/password*');
      await page.getByText('Stai usando una password temporanea').waitFor();
      await snap(page, 'change-password');

      // A short one is refused next to the field.
      await page.getByLabel('Password attuale').fill(admin.initialPassword);
      await page.getByLabel('Nuova password', { exact: true }).fill('short');
      await page.getByLabel('Ripeti la nuova password').fill('short');
      await page.getByRole('button', { name: 'Cambia password' }).click();
      await page.getByText('Inserisci almeno 12 caratteri.').waitFor();

      // One the server refuses is refused next to the field too, in Italian.
      await page.getByLabel('Nuova password', { exact: true }).fill('abababababababab');
      await page.getByLabel('Ripeti la nuova password').fill('abababababababab');
      await page.getByRole('button', { name: 'Cambia password' }).click();
      await page.getByText('La password deve usare almeno 5 caratteri diversi.').waitFor();

      // A good one is accepted.
      await page.getByLabel('Nuova password', { exact: true }).fill(admin.renewedPassword);
      await page.getByLabel('Ripeti la nuova password').fill(admin.renewedPassword);
      await page.getByRole('button', { name: 'Cambia password' }).click();
      await page.getByText('Password cambiata.').waitFor();
      recordAdminPassword(admin.renewedPassword);
    }

    // The admin is signed in: the header shows the user menu and the reserved area.
    await page.waitForURL(
      (url) => !url.pathname.startsWith('/accedi') && !url.pathname.startsWith('/account'),
    );
    const userMenu = page.getByRole('button', { name: /Menu utente/ });
    await userMenu.waitFor();
    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Area riservata' })
      .waitFor();
    await snap(page, 'signed-in');

    // Signing out from the user menu.
    await userMenu.click();
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByRole('link', { name: 'Accedi' }).waitFor();
    expect(pathOf(page)).toBe('/');
    expect(await page.getByRole('link', { name: 'Area riservata' }).count()).toBe(0);

    // The session is really over: the reserved area asks for a login again.
    await page.goto('/admin');
    await page.waitForURL('**/accedi?next=*');

    expect(errors).toEqual([]);
  });

  it('tells a signed-in user without the right role that the page is not for them', async () => {
    // Setup through the API, as the admin: a participant account with a one-time password.
    const { page } = await newVisitor(browser);
    await logInAsAdmin(page);
    const email = `partecipante.${Date.now()}@example.it`;
    const created = await page.evaluate(async (address) => {
      const session = await (await fetch('/api/v1/session')).json();
      const response = await fetch('/api/v1/users', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify({ email: address, name: 'Paola Partecipante', role: 'participant' }),
      });
      return response.json();
    }, email);
    const temporary: string = created.temporaryPassword;
    expect(temporary).toBeTruthy();

    // The participant signs in and sets a password of their own.
    const visitor = await newVisitor(browser);
    const other = visitor.page;
    await logIn(other, email, temporary);
    await other.waitForURL('**/account/password*');
    await other.getByLabel('Password attuale').fill(temporary);
    await other.getByLabel('Nuova password', { exact: true }).fill('una frase lunga e sicura');
    await other.getByLabel('Ripeti la nuova password').fill('una frase lunga e sicura');
    await other.getByRole('button', { name: 'Cambia password' }).click();
    await other.getByText('Password cambiata.').waitFor();

    // The reserved area is not in their menu, and typing its address explains the refusal.
    await other.goto('/admin/unita-organizzative');
    await other.getByText('Accesso non consentito').waitFor();
    expect(await other.getByRole('link', { name: 'Area riservata' }).count()).toBe(0);
  });
});
