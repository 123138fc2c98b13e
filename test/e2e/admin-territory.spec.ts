import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, logInAsAdmin } from './support/auth.ts';
import { launchBrowser, newVisitor, snap } from './support/browser.ts';

/** A write through the public API with the page's session, as another tab would do it. */
function apiWrite(page: Page, method: string, path: string, body: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/v1/session')).json();
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
}

describe('The administrator looks after the territory and the organisation', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('edits the contacts of a comune, and is told to reload when someone else saved first', async () => {
    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/comuni/015005');
    const form = page.getByRole('region', { name: 'Modifica i dati del comune' });
    await form.waitFor();

    // A malformed address is refused next to its field.
    await form.getByLabel('Sito web').fill('www.comune');
    await form.getByRole('button', { name: 'Salva' }).click();
    await form.getByText('Inserisci un indirizzo web completo').waitFor();

    // A good one is saved and shown in the facts.
    await form.getByLabel('Sito web').fill('https://www.comune.albairate.mi.it');
    await form.getByLabel('PEC').fill('comune.albairate@pec.regione.lombardia.it');
    await form.getByRole('button', { name: 'Salva' }).click();
    await form.getByText('Modifiche salvate.').waitFor();
    await page
      .locator('dl.mp-facts')
      .getByRole('link', { name: /www\.comune\.albairate/ })
      .waitFor();

    // Meanwhile someone else changes the comune (another tab, through the API)...
    const current = await page.evaluate(async () => (await fetch('/api/v1/comuni/015005')).json());
    const other = await apiWrite(page, 'PATCH', '/comuni/015005', {
      version: current.version,
      pec: 'protocollo.albairate@pec.regione.lombardia.it',
    });
    expect(other.status).toBe(200);

    // ...so this form's version is stale: saving is refused with a way to reload.
    await form.getByLabel('Sito web').fill('https://www.albairate.example.it');
    await form.getByRole('button', { name: 'Salva' }).click();
    await form.getByText('Nel frattempo qualcun altro ha modificato').waitFor();
    await snap(page, 'comune-conflict');
    await form.getByRole('button', { name: 'Ricarica' }).click();
    await expect
      .poll(() => form.getByLabel('PEC').inputValue())
      .toBe('protocollo.albairate@pec.regione.lombardia.it');
    expect(await form.getByLabel('Sito web').inputValue()).toBe(
      'https://www.comune.albairate.mi.it',
    );

    expect(errors).toEqual([]);
  });

  it('creates a zone, moves a comune into it and back, renames it and deletes it once empty', async () => {
    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/admin/zone');
    await page.getByRole('heading', { level: 1, name: 'Zone omogenee' }).waitFor();

    // A new zone: the identifier follows the name.
    await page.getByRole('button', { name: 'Nuova zona' }).click();
    const form = page.getByRole('region', { name: 'Nuova zona' });
    await form.getByLabel('Nome').fill('Zona di prova');
    expect(await form.getByLabel('Identificativo').inputValue()).toBe('zona-di-prova');
    await form.getByLabel('Visione').fill('Una visione provvisoria');
    await form.getByRole('button', { name: 'Crea zona' }).click();
    await page.getByText('Zona «Zona di prova» creata.').waitFor();
    const row = page.getByRole('row', { name: /Zona di prova/ });
    await row.getByRole('button', { name: /Elimina/ }).waitFor();

    // Moving Albairate into it from the comune's page.
    await page.goto('/comuni/015005');
    const comuneForm = page.getByRole('region', { name: 'Modifica i dati del comune' });
    await comuneForm.getByLabel('Zona omogenea').selectOption({ label: 'Zona di prova' });
    await comuneForm.getByRole('button', { name: 'Salva' }).click();
    await comuneForm.getByText('Modifiche salvate.').waitFor();
    await page.locator('dl.mp-facts').getByRole('link', { name: 'Zona di prova' }).waitFor();
    await page.getByText('Assegnazione manuale', { exact: true }).waitFor();

    // A zone with a comune cannot be deleted: the button is not offered.
    await page.goto('/admin/zone');
    await row.waitFor();
    expect(await row.getByRole('button', { name: /Elimina/ }).count()).toBe(0);

    // Back to its zone.
    await page.goto('/comuni/015005');
    await comuneForm.getByLabel('Zona omogenea').selectOption({ label: 'Magentino e Abbiatense' });
    await comuneForm.getByRole('button', { name: 'Salva' }).click();
    await comuneForm.getByText('Modifiche salvate.').waitFor();

    // Renaming the zone.
    await page.goto('/admin/zone');
    await row.getByRole('button', { name: /Modifica/ }).click();
    await page.getByLabel('Nome').fill('Zona di prova rinominata');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Zona «Zona di prova rinominata» salvata.').waitFor();

    // Deleting it, after confirming.
    const renamed = page.getByRole('row', { name: /Zona di prova rinominata/ });
    await renamed.getByRole('button', { name: /Elimina/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Eliminare la zona?' });
    await dialog.getByRole('button', { name: 'Elimina' }).click();
    await page.getByText('Zona «Zona di prova rinominata» eliminata.').waitFor();
    expect(await page.getByRole('row', { name: /Zona di prova/ }).count()).toBe(0);

    expect(errors).toEqual([]);
  });

  it('creates, edits and archives an organisational unit, and gives it to an editor', async () => {
    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/admin/unita-organizzative');
    await page.getByRole('heading', { level: 1, name: 'Unità organizzative' }).waitFor();

    // A Direzione, then a Settore under it (named for this run: units are never deleted).
    const run = String(Date.now()).slice(-6);
    const direzioneName = `Direzione generale ${run}`;
    const settoreName = `Settore pianificazione strategica ${run}`;
    const create = async (name: string, kind: string, parent?: string) => {
      await page.getByRole('button', { name: 'Nuova unità organizzativa' }).click();
      const form = page.getByRole('region', { name: 'Nuova unità organizzativa' });
      await form.getByLabel('Nome').fill(name);
      await form.getByLabel('Tipo').selectOption({ label: kind });
      if (parent) await form.getByLabel('Unità superiore').selectOption({ label: parent });
      await form.getByRole('button', { name: 'Crea unità' }).click();
      await page.getByText(`Unità «${name}» creata.`).waitFor();
    };
    await create(direzioneName, 'Direzione');
    await create(settoreName, 'Settore', direzioneName);
    const settore = page.getByRole('row', { name: new RegExp(settoreName) });
    expect(await settore.innerText()).toContain(direzioneName);

    // Editing its code.
    await settore.getByRole('button', { name: /Modifica/ }).click();
    await page.getByLabel('Codice').fill('SPS');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText(`Unità «${settoreName}» salvata.`).waitFor();
    expect(await settore.innerText()).toContain('SPS');

    // An editor gets the Settore as scope.
    await page.goto('/admin/utenti');
    await page.getByRole('button', { name: 'Nuovo utente' }).click();
    const userForm = page.getByRole('region', { name: 'Nuovo utente' });
    const editorEmail = `redattore.${run}@example.it`;
    await userForm.getByLabel('Email').fill(editorEmail);
    await userForm.getByLabel('Nome e cognome').fill('Elena Redattrice');
    await userForm.getByLabel('Ruolo').selectOption({ label: 'Redattore' });
    await userForm.getByText(settoreName, { exact: true }).click();
    await userForm.getByRole('button', { name: 'Crea utente' }).click();
    await page.getByTestId('temporary-password').waitFor();
    const editorRow = page.getByRole('row', {
      name: new RegExp(editorEmail.replace(/\./g, '\\.')),
    });
    expect(await editorRow.innerText()).toContain(settoreName);

    // Archiving the Direzione, after confirming; it disappears unless archived ones are shown.
    await page.goto('/admin/unita-organizzative');
    const direzione = page.getByRole('row', { name: new RegExp(`^${direzioneName}`) });
    await direzione.getByRole('button', { name: /Archivia/ }).click();
    const dialog = page.getByRole('dialog', { name: "Archiviare l'unità organizzativa?" });
    await dialog.getByRole('button', { name: 'Archivia' }).click();
    await page.getByText(`Unità «${direzioneName}» archiviata.`).waitFor();
    await page.getByText('Mostra anche le unità archiviate').click();
    await page.getByRole('row', { name: new RegExp(`${direzioneName} Archiviata`) }).waitFor();
    await snap(page, 'admin-org-units');

    expect(errors).toEqual([]);
  });

  it("lets a comune's referent edit their own comune's contacts, and only those", async () => {
    // Setup through the API, as the admin: the referent of Albairate with a one-time password.
    const admin = await newVisitor(browser);
    await logInAsAdmin(admin.page);
    const email = `referente.albairate.${Date.now()}@example.it`;
    const created = await apiWrite(admin.page, 'POST', '/users', {
      email,
      name: 'Rita Referente',
      role: 'comune_referent',
      comuneCode: '015005',
    });
    expect(created.status).toBe(201);

    // The referent signs in and chooses a password.
    const { page, errors } = await newVisitor(browser);
    await logIn(page, email, created.body.temporaryPassword);
    await page.waitForURL('**/account/password*');
    await page.getByLabel('Password attuale').fill(created.body.temporaryPassword);
    await page.getByLabel('Nuova password', { exact: true }).fill('albairate è il mio comune');
    await page.getByLabel('Ripeti la nuova password').fill('albairate è il mio comune');
    await page.getByRole('button', { name: 'Cambia password' }).click();
    await page.getByText('Password cambiata.').waitFor();

    // On their comune they may edit the contacts, not the zone.
    await page.goto('/comuni/015005');
    const form = page.getByRole('region', { name: 'Modifica i dati del comune' });
    await form.getByLabel('PEC').waitFor();
    expect(await form.getByLabel('Zona omogenea').count()).toBe(0);
    await form.getByLabel('PEC').fill('segreteria.albairate@pec.regione.lombardia.it');
    await form.getByRole('button', { name: 'Salva' }).click();
    await form.getByText('Modifiche salvate.').waitFor();

    // Another comune is read-only for them, and the reserved area is not offered.
    await page.goto('/comuni/015002');
    await page.getByRole('heading', { level: 1, name: 'Abbiategrasso' }).waitFor();
    expect(await page.getByRole('region', { name: 'Modifica i dati del comune' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Area riservata' }).count()).toBe(0);

    expect(errors).toEqual([]);
  });
});
