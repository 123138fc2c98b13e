import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInAsAdmin } from './support/auth.ts';
import { launchBrowser, newVisitor, snap } from './support/browser.ts';

/** A project outside the PNRR releases, entered through the API as the signed-in page's user. */
async function enterProject(page: Page, title: string): Promise<string> {
  const session = await page.request.get('/api/v1/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await page.request.post('/api/v1/projects', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      cup: `E41B26${String(Date.now()).slice(-9)}`,
      title,
      programme: 'PR FESR 2021-2027',
      mission: 'M3',
    },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** A call to the API as the signed-in page's user, with its CSRF token. */
async function apiAs(page: Page, method: 'POST' | 'PUT' | 'DELETE', url: string, data?: object) {
  const session = await page.request.get('/api/v1/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await page.request.fetch(`/api/v1${url}`, {
    method,
    headers: { 'x-csrf-token': csrfToken },
    data,
  });
  expect(res.status(), `${method} ${url}`).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}

describe('a project linked to a plan action by hand', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the admin links a project entered by hand to an action, sees it listed, then removes it', async () => {
    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);
    const title = `Ciclabile della Martesana ${String(Date.now()).slice(-6)}`;
    const projectId = await enterProject(page, title);
    await page.goto(`/progetti/${projectId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const section = page.getByRole('region', { name: 'Azioni del piano a cui contribuisce' });
    await section
      .getByText('Il progetto non è ancora collegato ad azioni del piano strategico.')
      .waitFor();

    // The form opens on the adopted version of the plan being implemented.
    await section.getByRole('button', { name: "Collega a un'azione" }).click();
    const form = page.getByRole('region', { name: "Collega a un'azione del piano" });
    const version = form.getByLabel('Versione del piano');
    await expect
      .poll(() =>
        version.evaluate(
          (select: HTMLSelectElement) => select.options[select.selectedIndex]?.text ?? '',
        ),
      )
      .toMatch(/^PSTTM 2022-2024.*\(Adottato\)$/);

    // Linking without an action is refused beside the list; a search that finds nothing says so.
    await form.getByRole('group', { name: 'Azione' }).getByRole('radio').first().waitFor();
    await form.getByRole('button', { name: 'Collega', exact: true }).click();
    await form.getByText("Scegli un'azione.").waitFor();
    const search = form.getByLabel("Cerca un'azione");
    await search.fill('nessuna azione ha queste parole');
    await form.getByText('Nessuna azione corrisponde alla ricerca.').waitFor();

    // The search finds the action without its accents or capitals; the admin links it.
    await search.fill('biciplan');
    await form.getByText('1 azione trovata').waitFor();
    // Bootstrap Italia draws the radio button on its label, which takes the click.
    await form.locator('label', { hasText: 'Biciplan CAMBIO' }).click();
    await expect.poll(() => form.getByLabel(/Biciplan CAMBIO/).isChecked()).toBe(true);
    await snap(page, 'project-link-by-hand');
    const axe = await new AxeBuilder({ page })
      .include('[data-testid="link-to-action"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((violation) => `${violation.impact} ${violation.id}`)).toEqual([]);
    await form.getByRole('button', { name: 'Collega', exact: true }).click();
    await section.getByText(/^Progetto collegato a «Biciplan CAMBIO: .+»\.$/).waitFor();

    // The link is listed at once, as a link to the action's page; the form has closed.
    const linked = page.getByTestId('project-linked-actions');
    await linked.getByRole('link', { name: /^Biciplan CAMBIO/ }).waitFor();
    expect(await form.count()).toBe(0);
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(focused).toBe("Collega a un'azione");

    // Removing asks first; cancelling keeps the link.
    const remove = linked.getByRole('button', {
      name: /^Rimuovi collegamento con «Biciplan CAMBIO: .+»$/,
    });
    await remove.click();
    const dialog = page.getByRole('dialog', { name: 'Rimuovere il collegamento?' });
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await linked.getByRole('link', { name: /^Biciplan CAMBIO/ }).count()).toBe(1);

    await remove.click();
    await dialog.getByRole('button', { name: 'Rimuovi', exact: true }).click();
    await section.getByText(/^Collegamento rimosso: «Biciplan CAMBIO: .+»\.$/).waitFor();
    await section
      .getByText('Il progetto non è ancora collegato ad azioni del piano strategico.')
      .waitFor();
    expect(await page.getByTestId('project-linked-actions').count()).toBe(0);
    // The button that was clicked is gone: the focus waits at the list's heading.
    await expect.poll(focused).toBe('Azioni del piano a cui contribuisce');

    // The public reads the page without the controls.
    const visitor = await newVisitor(browser);
    await visitor.page.goto(`/progetti/${projectId}`);
    await visitor.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await visitor.page
      .getByText('Il progetto non è ancora collegato ad azioni del piano strategico.')
      .waitFor();
    expect(await visitor.page.getByRole('button', { name: "Collega a un'azione" }).count()).toBe(0);
    expect(errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
  });

  it('the admin removes a link to an action since deleted from a draft', async () => {
    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);
    // Setup through the API: a draft plan with an action, a project linked to it, the action
    // deleted. The plan's period is long past, so it is nobody's plan in force.
    const run = String(Date.now()).slice(-6);
    const plan = (await apiAs(page, 'POST', '/plans', {
      slug: `prova-collegamenti-${run}`,
      title: `Piano di prova ${run}`,
      periodStart: 2016,
      periodEnd: 2018,
    })) as { versions: { id: string }[] };
    const versionId = plan.versions[0]!.id;
    const goal = await apiAs(page, 'POST', `/plan-versions/${versionId}/items`, {
      kind: 'goal',
      title: 'Obiettivo di prova',
      sectionCode: '1',
    });
    const action = (await apiAs(page, 'POST', `/plan-versions/${versionId}/items`, {
      kind: 'action',
      title: 'Azione che sarà cancellata',
      parentKey: goal.key,
    })) as { key: string; rowVersion: number };
    const title = `Navetta per la stazione ${run}`;
    const projectId = await enterProject(page, title);
    await apiAs(page, 'PUT', `/projects/${projectId}/links/${action.key}`, {
      versionId,
      status: 'accepted',
    });
    await apiAs(
      page,
      'DELETE',
      `/plan-versions/${versionId}/items/${action.key}?rowVersion=${action.rowVersion}`,
    );

    // The project's page says the action is no longer in the plan, with the title it had when
    // linked and its key.
    await page.goto(`/progetti/${projectId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const linked = page.getByTestId('project-linked-actions');
    const gone = 'Azione non più presente nel piano: Azione che sarà cancellata';
    await linked.getByText(gone).waitFor();
    await linked.getByText(action.key).waitFor();

    // The admin removes it, confirming first.
    await linked.getByRole('button', { name: `Rimuovi collegamento con «${gone}»` }).click();
    const dialog = page.getByRole('dialog', { name: 'Rimuovere il collegamento?' });
    await dialog.getByRole('button', { name: 'Rimuovi', exact: true }).click();
    await page.getByText(`Collegamento rimosso: «${gone}».`).waitFor();
    await page
      .getByText('Il progetto non è ancora collegato ad azioni del piano strategico.')
      .waitFor();
    expect(errors).toEqual([]);
  });
});
