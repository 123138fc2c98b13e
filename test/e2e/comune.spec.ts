import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newVisitor, pathOf, snap } from './support/browser.ts';

describe('A visitor looks up a comune', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds Abbiategrasso in the list and reads its figures, in Italian number format', async () => {
    const { page, errors } = await newVisitor(browser);

    // From the home page the visitor goes to the list of comuni.
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Comuni' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Comuni' }).waitFor();
    await page.getByText('133 comuni trovati').waitFor();
    // A breadcrumb says where the list is, as on every other page.
    const breadcrumb = page.getByRole('navigation', { name: 'Percorso di navigazione' });
    const crumbs = async () => (await breadcrumb.innerText()).split('/').map((s) => s.trim());
    expect(await crumbs()).toEqual(['Home', 'Comuni']);
    await snap(page, 'comuni-list');

    // They search by name.
    await page.getByRole('searchbox', { name: 'Cerca per nome' }).fill('Abbiategrasso');
    await page.getByText('1 comune trovato').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('Abbiategrasso');

    // They open the only result.
    await page.getByRole('link', { name: 'Abbiategrasso', exact: true }).click();
    await page.waitForURL('**/comuni/015002');
    await page.getByRole('heading', { level: 1, name: 'Abbiategrasso' }).waitFor();

    // Population, codes and zone are shown; the zone assignment is flagged as inferred.
    const facts = page.locator('dl.mp-facts');
    const text = await facts.innerText();
    expect(text).toContain('33.042');
    // The register and the day of the count, not the file it was read from.
    expect(text).toContain('residenti (fonte: ANPR, 10 gennaio 2024)');
    expect(text).toContain('015002');
    expect(text).toContain('A010');
    expect(text).toContain('47,81');
    await page.getByText('Assegnazione dedotta').waitFor();
    await page.getByText(/non è ancora confermata/).waitFor();
    await snap(page, 'comune-abbiategrasso');

    // The zone is a link to the zone's page.
    await facts.getByRole('link', { name: 'Magentino e Abbiatense' }).click();
    await page.waitForURL('**/zone/magentino-abbiatense');
    await page.getByRole('heading', { level: 1, name: 'Magentino e Abbiatense' }).waitFor();
    await page.getByRole('link', { name: 'Abbiategrasso' }).waitFor();
    expect(pathOf(page)).toBe('/zone/magentino-abbiatense');

    // The breadcrumb leads back to the list of zones, which has its own.
    await breadcrumb.getByRole('link', { name: 'Zone omogenee' }).click();
    await page.waitForURL((url) => url.pathname === '/zone');
    await page.getByRole('heading', { level: 1, name: 'Zone omogenee' }).waitFor();
    expect(await crumbs()).toEqual(['Home', 'Zone omogenee']);
    expect(await breadcrumb.locator('[aria-current="page"]').innerText()).toBe('Zone omogenee');

    expect(errors).toEqual([]);
  });

  it('fits the page of a comune, with the source of its population, on a phone', async () => {
    const { page, errors } = await newVisitor(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/comuni/015002');
    await page.getByRole('heading', { level: 1, name: 'Abbiategrasso' }).waitFor();
    await page.locator('dl.mp-facts').getByText(/ANPR/).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });

  it('filters the list by zone and population band and sorts it, keeping the state in the URL', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/comuni');
    await page.getByText('133 comuni trovati').waitFor();

    await page.getByLabel('Zona omogenea').selectOption({ label: 'Nord Milano' });
    await page.getByText('6 comuni trovati').waitFor();
    await page.getByLabel('Fascia di popolazione').selectOption('over-50k');
    await page.getByLabel('Ordina per').selectOption('-population');
    await expect
      .poll(async () => (await page.locator('tbody tr').count()) > 0 && page.url())
      .toContain('band=over-50k');

    // Reloading the page keeps the filters.
    await page.reload();
    const firstRow = page.locator('tbody tr').first();
    await firstRow.waitFor();
    expect(await page.getByLabel('Zona omogenea').inputValue()).toBe('nord-milano');
    expect(await firstRow.innerText()).toMatch(/Sesto San Giovanni|Cinisello Balsamo/);
  });

  it('shows the top of the next page of comuni, not its end, after the pager at the bottom', async () => {
    const { page, errors } = await newVisitor(browser);
    await page.goto('/comuni');
    await page.getByText('133 comuni trovati').waitFor();

    // The visitor reads to the end of the first page and asks for the second.
    const pager = page.getByRole('navigation', { name: 'Paginazione' });
    await pager.getByRole('button', { name: 'Pagina 2', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');

    // The first comune of page 2 is in view: the list starts again at the top of the screen.
    const firstRow = page.locator('tbody tr').first();
    await expect.poll(() => firstRow.innerText()).not.toMatch(/^Abbiategrasso/);
    await expect
      .poll(() => firstRow.evaluate((row) => row.getBoundingClientRect().top))
      .toBeGreaterThanOrEqual(0);
    expect(
      await firstRow.evaluate((row) => row.getBoundingClientRect().bottom),
    ).toBeLessThanOrEqual(page.viewportSize()?.height ?? 0);
    expect(errors).toEqual([]);
  });

  it('on a page past the last one, says the list is shorter and leads back to its first page', async () => {
    const { page, errors } = await newVisitor(browser);
    await page.goto('/comuni?page=99');
    await page.getByText("Questa pagina dell'elenco è vuota").waitFor();
    expect(await page.getByText('Nessun comune corrisponde').count()).toBe(0);
    await page.getByRole('button', { name: 'Torna alla prima pagina' }).click();
    await page.getByRole('link', { name: 'Abbiategrasso', exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    expect(errors).toEqual([]);
  });

  it('says so when nothing matches', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/comuni?q=zzzzzz');
    await page.getByText('Nessun comune corrisponde ai filtri scelti').waitFor();
  });
});
