import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, logInAsAdmin } from './support/auth.ts';
import { launchBrowser, newVisitor, pathOf, snap } from './support/browser.ts';

/** A call to the public API with the page's session, as another tab (or a script) would make it. */
function apiCall(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/v1/session')).json();
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
}

const plan = '/piano/psttm-2022-2024';
const editor = {
  email: 'elena.redattrice@example.it',
  password: 'una frase lunga per la mobilità dolce',
};
const newGoal = 'Corridoi verdi e blu lungo i Navigli';
const newAction = 'Progettazione del corridoio del Naviglio Grande';

describe('The strategic plan: read by the public, updated by the plan office and an editor', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the public opens the plan, sees its three sections, filters by a mission and reads the matrix', async () => {
    const { page, errors } = await newVisitor(browser);

    // The visitor opens "Piano strategico" from the main navigation.
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Piano strategico' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Piano strategico' }).waitFor();

    // Every edition is a card. The plan in force comes first and stands out: the latest adopted or
    // in consultation with something to read, not the 2025-2027 proposal that has no goals yet.
    const current = page.getByRole('article').filter({ hasText: 'Piano in corso' });
    expect(await current.getByRole('heading', { level: 2 }).innerText()).toMatch(
      /^PSTTM 2022-2024/,
    );
    const headings = await page
      .getByRole('article')
      .getByRole('heading', { level: 2 })
      .allInnerTexts();
    expect(headings[0]).toMatch(/^PSTTM 2022-2024/);
    // The empty proposal is still there to be picked.
    expect(headings).toContain('PSTTM 2025-2027');
    const edition = page.getByRole('article', { name: /PSTTM 2022-2024/ });
    expect(await edition.innerText()).toContain('Adottato');
    await snap(page, 'plan-plans');

    // The 2022-2024 plan opens on its adopted version.
    await edition.getByRole('link', { name: /PSTTM 2022-2024/ }).click();
    await page.waitForURL(`**${plan}/versioni/1`);
    await page.getByRole('heading', { level: 1, name: /PSTTM 2022-2024/ }).waitFor();
    await page.getByText('Contenuto di esempio').waitFor();

    // The tree shows the three sections of the plan, with all its goals and actions.
    for (const section of [
      'Sezione 1 · Indirizzi per le funzioni di area vasta',
      "Sezione 2 · Indirizzi per l'esercizio delle funzioni comunali",
      'Sezione 3 · Patto metropolitano',
    ]) {
      await page.getByRole('heading', { level: 3, name: section }).waitFor();
    }
    expect(await page.getByTestId('tree-count').innerText()).toBe('6 obiettivi e 8 azioni');
    await snap(page, 'plan-version');

    // Filtering by mission M4 leaves one goal with its two actions, shown open; the URL keeps it.
    await page.getByText('M4 · Istruzione e ricerca', { exact: true }).click();
    await page.getByText('Trovati 1 obiettivo e 2 azioni').waitFor();
    expect(page.url()).toContain('mission=M4');
    await page.getByRole('link', { name: /Edilizia scolastica superiori/ }).waitFor();
    await page.reload();
    await page.getByText('Trovati 1 obiettivo e 2 azioni').waitFor();

    // A text search with no match says so.
    await page.getByRole('searchbox', { name: 'Cerca nel testo' }).fill('astronave');
    await page.getByText('Nessun obiettivo o azione corrisponde ai filtri scelti').waitFor();
    await page.getByRole('button', { name: 'Azzera i filtri' }).click();
    await page.getByText('6 obiettivi e 8 azioni').waitFor();

    // The coverage matrix: sections × missions, empty cells marked.
    await page.getByRole('link', { name: 'Matrice di copertura' }).click();
    const matrix = page.getByRole('table', { name: /Obiettivi e azioni per sezione del piano/ });
    await matrix.waitFor();
    expect(await matrix.locator('tbody tr').count()).toBe(3);
    expect(await matrix.locator('thead th').count()).toBe(7);
    const areaVasta = matrix.getByRole('row', { name: /1\. Indirizzi per le funzioni/ });
    expect((await areaVasta.locator('td').nth(3).innerText()).replace(/\s+/g, ' ')).toMatch(
      /^1 obiettivo 2 azioni/,
    );
    expect(await areaVasta.locator('td').first().innerText()).toContain('vuota');
    // The tab is a page of its own, and the window title says which.
    expect(await page.title()).toMatch(/^Matrice di copertura — PSTTM 2022-2024/);
    await snap(page, 'plan-matrix');

    // A cell leads to its goals in the tree.
    await areaVasta.getByRole('link', { name: /missione M4/ }).click();
    await expect.poll(() => page.url()).toMatch(/section=1.*mission=M4|mission=M4.*section=1/);
    await page.getByText('Trovati 1 obiettivo e 2 azioni').waitFor();
    await page.getByRole('button', { name: /Scuole superiori sicure/ }).waitFor();

    expect(errors).toEqual([]);
  });

  it('a keyboard user unfolds a goal of the tree and opens its page', async () => {
    const { page } = await newVisitor(browser);
    await page.goto(`${plan}/versioni/1`);
    const toggle = page.getByRole('button', { name: /1\.1 Una rete ciclabile metropolitana/ });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    // Tab from "Comprimi tutto" reaches the first section, then its first goal.
    await page.getByRole('button', { name: 'Comprimi tutto' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true);

    // Enter opens it, Space closes it again.
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const action = page.getByRole('link', { name: /Biciplan CAMBIO/ });
    await action.waitFor();
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await action.isVisible()).toBe(false);

    // Open again, Tab on to the goal's page link and follow it.
    await page.keyboard.press('Enter');
    const goalLink = page.getByRole('link', { name: /Apri la scheda dell'obiettivo/ });
    await goalLink.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('heading', { level: 1, name: /Una rete ciclabile metropolitana/ })
      .waitFor();
    expect(pathOf(page)).toMatch(
      /\/piano\/psttm-2022-2024\/versioni\/1\/obiettivi\/[0-9a-f-]{36}$/,
    );
  });

  it('the page of an action fits a phone, a long source wrapping inside its facts', async () => {
    const { page, errors } = await newVisitor(browser);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${plan}/versioni/1`);
    await page.getByRole('button', { name: /1\.1 Una rete ciclabile metropolitana/ }).click();
    await page.getByRole('link', { name: /Biciplan CAMBIO/ }).click();
    await page.getByRole('heading', { level: 1, name: /Biciplan CAMBIO/ }).waitFor();

    // The source names a web address with no space to break at; it stays within the list.
    const facts = page.locator('dl.mp-facts').filter({ hasText: /cleancitiescampaign/ });
    await facts.waitFor();
    const overflowing = await facts.evaluate((list) => {
      const right = list.getBoundingClientRect().right;
      return [...list.querySelectorAll('dd')]
        .filter((value) => value.getBoundingClientRect().right > right + 1)
        .map((value) => value.textContent);
    });
    expect(overflowing).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(errors).toEqual([]);
  });

  it('the plan office starts the annual update of PSTTM 2022-2024', async () => {
    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/piano');

    // The adopted plan offers the annual update; the admin names it.
    const edition = page.getByRole('article', { name: /PSTTM 2022-2024/ });
    await edition.getByRole('button', { name: 'Avvia aggiornamento annuale' }).click();
    const dialog = page.getByRole('dialog', { name: /Avviare l'aggiornamento annuale/ });
    await dialog.getByLabel("Nome dell'aggiornamento").fill('Aggiornamento 2025');
    await snap(page, 'plan-update-dialog');
    await dialog.getByRole('button', { name: 'Avvia aggiornamento' }).click();

    // The new draft opens: a copy of the adopted version.
    await page.waitForURL(`**${plan}/versioni/2`);
    await page.getByText('Aggiornamento annuale avviato').waitFor();
    await page.getByText('Bozza', { exact: true }).first().waitFor();
    await page.getByText('6 obiettivi e 8 azioni').waitFor();

    // While it is open no second update can start.
    await page.goto('/piano');
    await page.getByRole('article', { name: /PSTTM 2022-2024/ }).waitFor();
    expect(await edition.getByRole('button', { name: 'Avvia aggiornamento annuale' }).count()).toBe(
      0,
    );
    expect(errors).toEqual([]);
  });

  it('an editor adds a goal to a section and an action under it', async () => {
    // Setup through the API, as the admin: an org unit and an editor who belongs to it.
    const { page: adminPage } = await newVisitor(browser);
    await logInAsAdmin(adminPage);
    const unit = await apiCall(adminPage, 'POST', '/org-units', {
      kind: 'settore',
      name: 'Settore mobilità sostenibile',
    });
    expect(unit.status).toBe(201);
    const created = await apiCall(adminPage, 'POST', '/users', {
      email: editor.email,
      name: 'Elena Redattrice',
      role: 'editor',
      orgUnitIds: [unit.body.id],
    });
    expect(created.status).toBe(201);

    // The editor logs in with the temporary password and must choose their own.
    const { page, errors } = await newVisitor(browser);
    await logIn(page, editor.email, created.body.temporaryPassword);
    await page.waitForURL('**/account/password*');
    await page.getByLabel('Password attuale').fill(created.body.temporaryPassword);
    await page.getByLabel('Nuova password', { exact: true }).fill(editor.password);
    await page.getByLabel('Ripeti la nuova password').fill(editor.password);
    await page.getByRole('button', { name: 'Cambia password' }).click();
    await page.waitForURL((url) => url.pathname !== '/account/password');

    // The editor opens the draft and adds a goal to section 1.
    await page.goto(`${plan}/versioni/2`);
    await page.getByRole('link', { name: 'Nuovo obiettivo nella sezione 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuovo obiettivo' }).waitFor();
    expect(await page.getByLabel('Unità organizzativa').inputValue()).toBe(unit.body.id);

    // Saving without a title is refused next to the field.
    await page.getByRole('button', { name: 'Crea obiettivo' }).click();
    const title = page.getByLabel('Titolo', { exact: true });
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');

    await title.fill(newGoal);
    await page.getByLabel('Codice').fill('1.4');
    await page
      .getByLabel('Descrizione')
      .fill('<p>Una rete di <strong>corridoi ecologici</strong> lungo i Navigli.</p>');
    await page.getByText('M2 · Rivoluzione verde e transizione ecologica', { exact: true }).click();
    await page
      .getByText('M3 · Infrastrutture per una mobilità sostenibile', { exact: true })
      .click();
    await page.getByText('11. Città e comunità sostenibili', { exact: true }).click();
    await page.getByText('PUMS (Piano urbano della mobilità sostenibile)', { exact: true }).click();
    await page.getByLabel('Anno di inizio').fill('2025');
    await page.getByLabel('Anno di fine').fill('2027');
    await snap(page, 'plan-goal-form');
    await page.getByRole('button', { name: 'Crea obiettivo' }).click();

    // The goal's page shows it, with its classification.
    await page.getByText('Obiettivo creato.').waitFor();
    await page.getByRole('heading', { level: 1, name: new RegExp(newGoal) }).waitFor();
    await page.getByText('corridoi ecologici').waitFor();
    await page.getByText('Settore mobilità sostenibile').first().waitFor();

    // Then an action under it, for one comune.
    await page.getByRole('link', { name: 'Nuova azione' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuova azione' }).waitFor();
    expect(
      await page
        .getByLabel('Obiettivo', { exact: true })
        .evaluate((select: HTMLSelectElement) => select.value),
    ).not.toBe('');
    await page.getByLabel('Titolo', { exact: true }).fill(newAction);
    await page
      .getByRole('group', { name: 'Si applica a' })
      .getByText('Comuni', { exact: true })
      .click();
    await page.getByLabel('Cerca un comune').fill('Abbiate');
    await page.getByText('Abbiategrasso', { exact: true }).click();
    await page.getByText('1 comune scelto').waitFor();
    await page.getByRole('button', { name: 'Crea azione' }).click();
    await page.getByText('Azione creata.').waitFor();
    await page.getByText('Comuni: Abbiategrasso').waitFor();
    await page
      .getByRole('link', { name: new RegExp(newGoal) })
      .first()
      .waitFor();

    // Meanwhile the goal is changed in another tab; saving the stale copy shows both side by side.
    await page
      .getByRole('link', { name: new RegExp(newGoal) })
      .first()
      .click();
    await page.getByRole('link', { name: 'Modifica', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Modifica/ }).waitFor();
    const goalUrl = pathOf(page).replace(/\/modifica$/, '');
    const key = goalUrl.split('/').pop()!;
    const versionId = await page.evaluate(async () => {
      const plans = await (await fetch('/api/v1/plans/psttm-2022-2024')).json();
      return plans.versions.find((v: { number: number }) => v.number === 2).id as string;
    });
    const fresh = await apiCall(page, 'GET', `/plan-versions/${versionId}/items/${key}`);
    const other = await apiCall(page, 'PATCH', `/plan-versions/${versionId}/items/${key}`, {
      rowVersion: fresh.body.rowVersion,
      title: `${newGoal} e delle Vie d'acqua`,
    });
    expect(other.status).toBe(200);
    await page.getByLabel('Titolo', { exact: true }).fill(`${newGoal} (rivisto)`);
    await page.getByRole('button', { name: 'Salva' }).click();
    const compare = page.getByTestId('conflict-compare');
    await compare.waitFor();
    expect(await compare.innerText()).toContain("e delle Vie d'acqua");
    expect(await compare.innerText()).toContain('(rivisto)');
    await snap(page, 'plan-conflict');

    // "Ricarica" starts again from the current values.
    await compare.getByRole('button', { name: 'Ricarica' }).click();
    await expect
      .poll(() => page.getByLabel('Titolo', { exact: true }).inputValue())
      .toBe(`${newGoal} e delle Vie d'acqua`);
    // The editor puts the title back and saves.
    await page.getByLabel('Titolo', { exact: true }).fill(newGoal);
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Modifiche salvate.').waitFor();

    expect(errors).toEqual([]);
  });

  it('an editor moves a goal of theirs up and deletes it, warned that its action goes too', async () => {
    const { page, errors } = await newVisitor(browser);
    await logIn(page, editor.email, editor.password);

    // Setup through the API, as the editor: a goal in section 3 with one action.
    const plans = await apiCall(page, 'GET', '/plans/psttm-2022-2024');
    const draft = plans.body.versions.find((v: { number: number }) => v.number === 2);
    const me = await apiCall(page, 'GET', '/session');
    const orgUnitId = me.body.user.orgUnitIds[0];
    const goal = await apiCall(page, 'POST', `/plan-versions/${draft.id}/items`, {
      kind: 'goal',
      title: 'Obiettivo provvisorio da togliere',
      sectionCode: '3',
      orgUnitId,
    });
    expect(goal.status).toBe(201);
    const action = await apiCall(page, 'POST', `/plan-versions/${draft.id}/items`, {
      kind: 'action',
      title: 'Azione provvisoria',
      parentKey: goal.body.key,
      orgUnitId,
    });
    expect(action.status).toBe(201);

    // In the tree the new goal comes last in section 3; the editor moves it up.
    await page.goto(`${plan}/versioni/2`);
    const section = page.getByRole('region', { name: 'Sezione 3 · Patto metropolitano' });
    const titles = () => section.locator('.mp-tree-goal h4').allInnerTexts();
    await expect.poll(async () => (await titles()).at(-1)).toContain('Obiettivo provvisorio');
    await section
      .getByRole('button', { name: 'Sposta su Obiettivo provvisorio da togliere' })
      .click();
    await expect.poll(async () => (await titles())[0]).toContain('Obiettivo provvisorio');
    // Goals of other org units offer no tools to this editor.
    expect(await section.getByRole('link', { name: /^Modifica Servizi digitali/ }).count()).toBe(0);

    // Deleting it asks first, and says its action goes too.
    await section
      .getByRole('button', { name: /Obiettivo provvisorio da togliere/ })
      .first()
      .click();
    await section
      .getByRole('link', { name: /Apri la scheda dell'obiettivo Obiettivo provvisorio/ })
      .click();
    await page.getByRole('button', { name: 'Elimina' }).click();
    const dialog = page.getByRole('dialog', { name: "Eliminare l'obiettivo?" });
    await dialog.getByText('Sarà eliminata anche la sua azione.').waitFor();
    await dialog.getByRole('button', { name: 'Elimina' }).click();
    await page.getByText('Obiettivo eliminato.').waitFor();
    expect(pathOf(page)).toBe(`${plan}/versioni/2`);
    await expect.poll(async () => (await titles()).join(' ')).not.toContain('provvisorio');
    expect(errors).toEqual([]);
  });

  it('the plan office opens the consultation and adopts the update with its act', async () => {
    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto(`${plan}/versioni/2`);
    const workflow = page.getByRole('region', { name: 'Gestione della versione' });

    // Consultation first.
    await workflow.getByRole('button', { name: 'Metti in consultazione' }).click();
    const consult = page.getByRole('dialog', { name: 'Mettere la versione in consultazione?' });
    await consult.getByRole('button', { name: 'Metti in consultazione' }).click();
    await page.getByText('La versione è ora in consultazione.').waitFor();

    // Then adoption, which asks for the act.
    await workflow.getByRole('button', { name: 'Adotta' }).click();
    const adopt = page.getByRole('dialog', { name: 'Adottare la versione?' });
    await adopt.getByRole('button', { name: 'Adotta' }).click();
    await adopt.getByText('Campo obbligatorio.').waitFor();
    await adopt.getByLabel('Organo').selectOption({ label: 'Consiglio metropolitano' });
    await adopt.getByLabel('Tipo di atto').selectOption({ label: 'Delibera' });
    await adopt.getByLabel('Numero').fill('n. 21/2025');
    await adopt.getByLabel('Data').fill('2025-07-30');
    await adopt
      .getByLabel("Titolo dell'atto")
      .fill("Approvazione dell'aggiornamento 2025 del PSTTM");
    await snap(page, 'plan-adopt-dialog');
    await adopt.getByRole('button', { name: 'Adotta' }).click();
    await page.getByText('La versione è stata adottata.').waitFor();

    // The act is on record, and version 1 is now superseded.
    await page.getByRole('link', { name: 'Atti e cronologia' }).click();
    await page
      .getByRole('region', { name: 'Atti' })
      .getByText("Approvazione dell'aggiornamento 2025 del PSTTM")
      .waitFor();
    await page.goto('/piano');
    const edition = page.getByRole('article', { name: /PSTTM 2022-2024/ });
    await expect
      .poll(() => edition.getByRole('listitem').filter({ hasText: 'Versione 1' }).innerText())
      .toContain('Superato');
    expect(errors).toEqual([]);
  });

  it('the public finds the new goal in the matrix and in the comparison of the two versions', async () => {
    const { page, errors } = await newVisitor(browser);

    // The plan now opens on version 2, the adopted one.
    await page.goto(plan);
    await page.waitForURL(`**${plan}/versioni/2`);

    // In the matrix, section 1 × M3 counts the new goal and its action.
    await page.getByRole('link', { name: 'Matrice di copertura' }).click();
    const matrix = page.getByRole('table', { name: /Obiettivi e azioni per sezione del piano/ });
    const areaVasta = matrix.getByRole('row', { name: /1\. Indirizzi per le funzioni/ });
    await expect
      .poll(async () => (await areaVasta.locator('td').nth(2).innerText()).replace(/\s+/g, ' '))
      .toMatch(/^2 obiettivi 1 azione/);
    await areaVasta.getByRole('link', { name: /missione M3/ }).click();
    await page.getByRole('button', { name: new RegExp(newGoal) }).waitFor();
    await page.getByRole('link', { name: newAction }).waitFor();

    // The comparison with version 1 lists the goal and the action as added.
    await page.getByRole('link', { name: 'Confronta versioni' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confronta versioni' }).waitFor();
    const added = page.getByTestId('diff-added');
    await added.waitFor();
    expect(await added.innerText()).toContain(newGoal);
    expect(await added.innerText()).toContain(newAction);
    expect(await page.getByLabel('Versione di partenza').inputValue()).toBe('1');
    expect(await page.getByLabel('Versione di arrivo').inputValue()).toBe('2');
    await snap(page, 'plan-diff');

    // The changelog of version 2 tells the same story; the status history is shown once, on the
    // acts tab it links to.
    await page.goto(`${plan}/versioni/2/modifiche`);
    await page.getByRole('heading', { name: /Modifiche rispetto alla versione 1/ }).waitFor();
    expect(await page.getByTestId('diff-added').innerText()).toContain(newGoal);
    expect(await page.getByRole('heading', { name: 'Cronologia', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Cronologia degli stati e atti della versione' }).click();
    await page.waitForURL(`**${plan}/versioni/2/atti`);
    await page.getByRole('heading', { name: 'Cronologia', exact: true }).waitFor();
    await page.getByText('annual update started from version 1').waitFor();

    expect(errors).toEqual([]);
  });
});
