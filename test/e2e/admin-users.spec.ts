import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, logInAsAdmin } from './support/auth.ts';
import { launchBrowser, newVisitor, pathOf, snap, tableFit } from './support/browser.ts';
import { admin } from './support/env.ts';

describe('The administrator manages accounts', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates the referent of a comune and is shown the temporary password once', async () => {
    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);

    // The admin opens the reserved area from the main navigation: users come first.
    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Area riservata' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Utenti' }).waitFor();
    expect(pathOf(page)).toBe('/admin/utenti');

    // "Nuovo utente" opens the form; an empty submit is refused field by field.
    await page.getByRole('button', { name: 'Nuovo utente' }).click();
    const form = page.getByRole('region', { name: 'Nuovo utente' });
    await form.getByRole('button', { name: 'Crea utente' }).click();
    expect(await form.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');

    // The admin fills in a comune referent for Abbiategrasso.
    const email = `referente.abbiategrasso.${Date.now()}@example.it`;
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Nome e cognome').fill('Anna Referente');
    await form.getByLabel('Ruolo').selectOption({ label: 'Referente comunale' });
    const comune = form.getByLabel('Comune');
    await comune.waitFor();
    await expect.poll(() => comune.locator('option').count()).toBeGreaterThan(100);
    await comune.selectOption({ label: 'Abbiategrasso' });
    await snap(page, 'admin-new-user');
    await form.getByRole('button', { name: 'Crea utente' }).click();

    // The temporary password is shown, once, in a dismissable message.
    await page.getByRole('heading', { name: `Utente ${email} creato` }).waitFor();
    const temporary = (await page.getByTestId('temporary-password').innerText()).trim();
    expect(temporary.length).toBeGreaterThanOrEqual(8);
    await snap(page, 'admin-user-created');

    // The new account is in the list with its role and comune.
    const row = page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain('Referente comunale');
    expect(rowText).toContain('Abbiategrasso');
    expect(rowText).toContain('Deve cambiare password');

    // Closing the message hides the password for good.
    await page.getByRole('button', { name: 'Chiudi' }).click();
    await expect.poll(() => page.getByTestId('temporary-password').count()).toBe(0);

    // The same address again is refused with its reason, not as a stale copy to reload.
    await page.getByRole('button', { name: 'Nuovo utente' }).click();
    const again = page.getByRole('region', { name: 'Nuovo utente' });
    await again.getByLabel('Email').fill(email.toUpperCase());
    await again.getByLabel('Nome e cognome').fill('Anna Referente Bis');
    await again.getByLabel('Ruolo').selectOption({ label: 'Referente comunale' });
    await expect
      .poll(() => again.getByLabel('Comune').locator('option').count())
      .toBeGreaterThan(100);
    await again.getByLabel('Comune').selectOption({ label: 'Abbiategrasso' });
    await again.getByRole('button', { name: 'Crea utente' }).click();
    await again.getByText(`Esiste già un account per ${email}.`).waitFor();
    expect(await again.getByRole('button', { name: 'Ricarica' }).count()).toBe(0);
    // Said beside the e-mail, and gone once the e-mail changes.
    expect(await again.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await again.getByLabel('Email').fill(`bis.${email}`);
    await expect.poll(() => again.getByText(`Esiste già un account per ${email}.`).count()).toBe(0);
    await expect.poll(() => again.getByText('Alcuni campi non sono validi').count()).toBe(0);
    await again.getByRole('button', { name: 'Annulla' }).click();

    // Searching finds the user; the role filter narrows the list.
    await page.getByRole('searchbox', { name: 'Cerca per nome o email' }).fill('Anna Referente');
    await page.getByText(/^\d+ utent[ei]$/).waitFor();
    await page.getByLabel('Ruolo').selectOption({ label: 'Referente comunale' });
    await row.waitFor();

    expect(errors).toEqual([]);
  });

  it('keeps the top bar within a phone screen for a user with a long name', async () => {
    const { page } = await newVisitor(browser);
    await logInAsAdmin(page);
    const { csrfToken } = await (await page.request.get('/api/v1/session')).json();
    const email = `ufficio.piano.${Date.now()}@example.it`;
    const created = await page.request.post('/api/v1/users', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        email,
        name: 'Maria Antonietta Castiglioni Bianchi della Valle',
        role: 'pnrr_officer',
      },
    });
    expect(created.status()).toBe(201);
    const { temporaryPassword } = await created.json();

    const phone = await newVisitor(browser);
    await phone.page.setViewportSize({ width: 390, height: 844 });
    await logIn(phone.page, email, temporaryPassword);
    // On a phone the button shows its icon alone; its accessible name still says who is in.
    await phone.page
      .getByRole('button', {
        name: 'Menu utente: Maria Antonietta Castiglioni Bianchi della Valle',
        exact: true,
      })
      .waitFor();
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(phone.errors).toEqual([]);
  });

  it('scrolls the users table inside its box on a phone, where every button can be reached', async () => {
    const { page, errors } = await newVisitor(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await logInAsAdmin(page);
    await page.goto('/admin/utenti');
    const table = page.getByRole('table').first();
    await table.locator('tbody tr').first().waitFor();
    const fit = await tableFit(page, table);
    await snap(page, 'admin-users-phone');
    expect(fit.pageWidth).toBeLessThanOrEqual(390);
    expect(fit.scrollsInItsBox).toBe(true);
    expect(fit.boxRight).toBeLessThanOrEqual(390);
    // Scrolled to its end, the box shows the last column (the row's buttons) on screen.
    expect(fit.lastCellRightScrolled).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });

  it('resets a password after confirming, and disables an account', async () => {
    const { page } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/admin/utenti?role=comune_referent');
    const row = page.getByRole('row', { name: /Anna Referente/ }).first();
    await row.waitFor();

    // Reset asks first.
    await row.getByRole('button', { name: /Reimposta password/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Reimpostare la password?' });
    await dialog.waitFor();
    await snap(page, 'admin-reset-dialog');
    await dialog.getByRole('button', { name: 'Reimposta' }).click();
    await page.getByRole('heading', { name: /Password di .* reimpostata/ }).waitFor();
    const temporaryPassword = await page.getByTestId('temporary-password').innerText();
    expect(temporaryPassword.length).toBeGreaterThan(0);

    // Disabling through the edit form.
    await row.getByRole('button', { name: /Modifica/ }).click();
    await page.getByText('Account disattivato', { exact: true }).click();
    expect(await page.getByLabel('Account disattivato').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Salva' }).click();
    await expect.poll(() => row.innerText()).toContain('Disattivato');
    // Saved, and told so, as the other admin forms do.
    await page.getByText(/^Utente «Anna Referente.*» salvato\.$/).waitFor();

    // Its holder, with the right password, is told the account is disabled and by whom to turn.
    const holder = await newVisitor(browser);
    const email = /\S+@example\.it/.exec(await row.innerText())![0];
    await holder.page.goto('/accedi');
    await holder.page.getByLabel('Email').fill(email);
    await holder.page.getByLabel('Password', { exact: true }).fill(temporaryPassword);
    await holder.page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await holder.page.getByText('Questo account è disattivato.', { exact: false }).waitFor();
  });

  it('browses the activity log and opens the details of an entry', async () => {
    // Someone who is not signed in types a wrong password for the admin's account.
    const { page: stranger } = await newVisitor(browser);
    await stranger.goto('/accedi');
    await stranger.getByLabel('Email').fill(admin.email);
    await stranger.getByLabel('Password', { exact: true }).fill('not-the-password');
    await stranger.getByRole('button', { name: 'Accedi', exact: true }).click();
    await stranger.getByText('Email o password non corretti.').waitFor();

    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/admin/registro-attivita');
    await page.getByRole('heading', { level: 1, name: 'Registro attività' }).waitFor();
    await page.locator('tbody tr').first().waitFor();

    await page.getByLabel('Tipo di elemento').selectOption({ label: 'Utente' });
    // Actions read as sentences, with their code beside them for the filter.
    const created = page.getByRole('cell', { name: /^Utente creato/ }).first();
    await created.waitFor();
    expect(await created.innerText()).toContain('user.created');
    // A wrong password typed by someone not signed in is the anonymous visitor's.
    // The action is chosen by its text, among the actions the log knows.
    const actionFilter = page.getByRole('combobox', { name: 'Azione', exact: true });
    await actionFilter.selectOption({ label: 'Accesso non riuscito' });
    await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('session.failed');
    const failed = page.locator('tbody tr').filter({ hasText: 'Accesso non riuscito' }).first();
    await failed.waitFor();
    expect(await failed.innerText()).toContain('Visitatore anonimo');
    expect(await failed.innerText()).not.toContain('anonymous');
    await expect
      .poll(() => page.locator('tbody tr').filter({ hasText: 'Utente creato' }).count())
      .toBe(0);
    await actionFilter.selectOption({ label: 'Tutte le azioni' });
    await created.waitFor();
    const show = page.getByRole('button', { name: /^Dettagli/ }).first();
    await show.click();
    await page.getByRole('heading', { name: 'Dopo' }).first().waitFor();
    await snap(page, 'admin-audit');
    expect(errors).toEqual([]);
  });
});
