import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { logInAsAdmin } from './support/auth.ts';
import { launchBrowser, newVisitor, pathOf, snap, tableFit } from './support/browser.ts';

const releases = path.resolve('reference-data/pnrr');
const file = (name: string) => path.join(releases, name);
const progetti = 'PNRR_Progetti_MI_validati_2023-02.csv';
const localizzazioni = 'PNRR_Localizzazione_MI_validati_2023-02.csv';
const soggetti = 'PNRR_Soggetti_MI_validati_2023-02.csv';
/** Real, but not a release of projects: the import must refuse it and write nothing. */
const notARelease = 'pnrr_missioni.csv';

describe('PNRR projects: imported by the PNRR unit, read by the public, linked to the plan', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the admin uploads the three official files and reads a report for each, in the right order', async () => {
    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);

    // The reserved area offers the import.
    await page.goto('/admin');
    await page
      .getByRole('navigation', { name: "Sezioni dell'area riservata" })
      .getByRole('link', { name: 'Importa dati PNRR' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Importa dati PNRR' }).waitFor();
    await page.getByText('Nessuna importazione finora.').waitFor();

    // The admin picks the files in any order, plus a file that is not a release.
    await page
      .getByLabel('File CSV')
      .setInputFiles([file(soggetti), file(notARelease), file(progetti), file(localizzazioni)]);
    const cards = page.getByTestId('upload-card');
    await expect.poll(() => cards.count()).toBe(4);

    // They are recognised from their header and queued places → projects → subjects.
    const names = await cards.locator('h3').allInnerTexts();
    expect(names.map((name) => name.replace(/^File \d+:\s*/, ''))).toEqual([
      localizzazioni,
      progetti,
      soggetti,
      notARelease,
    ]);
    expect(await cards.nth(0).innerText()).toContain('Riconosciuto: Localizzazioni');
    await snap(page, 'projects-import-chosen');

    await page.getByRole('button', { name: 'Importa 4 file' }).click();
    await page.getByRole('button', { name: 'Importa', exact: true }).waitFor({ timeout: 60_000 });

    // Each file has its report: rows read, created, rejected rows with their reasons.
    const report = (index: number) => cards.nth(index).getByTestId('import-report');
    const figure = async (index: number, label: string) =>
      (await report(index).locator('li').filter({ hasText: label }).innerText()).replace(
        /\s+/g,
        ' ',
      );
    expect(await figure(0, 'Righe lette')).toMatch(/RIGHE LETTE 2\.?123/i);
    expect(await figure(1, 'Righe lette')).toMatch(/RIGHE LETTE 1\.?942/i);
    expect(await figure(1, 'Nuove')).toMatch(/NUOVE 1\.?942/i);
    expect(await report(1).innerText()).toContain('data del rilascio: 24 febbraio 2023');
    expect(await figure(2, 'Scartate')).toMatch(/SCARTATE 1$/i);
    const rejected = report(2).getByRole('table', { name: 'Righe scartate' });
    expect(await rejected.getByRole('row', { name: /404/ }).innerText()).toContain(
      'il codice fiscale è oscurato nel rilascio',
    );
    await report(1).getByText('Colonne ignorate').waitFor();

    // The file that is not a release is refused as a whole.
    const refused = cards.nth(3).getByTestId('import-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('Nessun dato è stato scritto');
    // Its reason in Italian, from the code the API gives with its English reason.
    expect(await refused.innerText()).toContain(
      "Non è un rilascio dei progetti PNRR (Progetti, Localizzazioni, Soggetti, pagamenti o indicatori): l'intestazione non ha né CUP né Codice Locale Progetto",
    );
    await snap(page, 'projects-import-reports');

    // The history lists the three releases; each opens its report.
    const history = page.getByTestId('import-history');
    await expect.poll(() => history.locator('tbody tr:not([hidden])').count()).toBe(3);
    await history.getByRole('button', { name: `Resoconto ${progetti}` }).click();
    await history
      .getByTestId('import-report')
      .getByText(/1\.?942/)
      .first()
      .waitFor();
    await snap(page, 'projects-import-history');
    // At 1280 px the history fits beside the admin menu, report buttons included, with no
    // sideways scrolling (a narrower screen scrolls it in its box).
    const historyFit = await tableFit(page, history);
    expect(historyFit.scrollsInItsBox).toBe(false);
    expect(historyFit.pageWidth).toBeLessThanOrEqual(1280);
    expect(historyFit.lastCellRightScrolled).toBeLessThanOrEqual(historyFit.boxRight);

    expect(errors).toEqual([]);
  });

  it('the public sees the PNRR money per resident on the map, by zone, and how concentrated it is', async () => {
    const { page, errors } = await newVisitor(browser);
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Progetti e PNRR' })
      .click();
    await page.getByRole('link', { name: 'Il PNRR sul territorio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Il PNRR sul territorio' }).waitFor();
    // The breadcrumb places the page in its section, as the main navigation does.
    const breadcrumb = page.getByRole('navigation', { name: 'Percorso di navigazione' });
    expect((await breadcrumb.innerText()).split('/').map((s) => s.trim())).toEqual([
      'Home',
      'Progetti e PNRR',
      'Il PNRR sul territorio',
    ]);

    // Headline figures.
    const figures = page.locator('.mp-figures li');
    await figures.first().waitFor();
    expect(await figures.nth(0).innerText()).toMatch(/PNRR NEI COMUNI\s+1,7\sMld/i);
    expect(await figures.nth(1).innerText()).toMatch(/€ PER RESIDENTE\s+\d+,\d{2}\s€/i);

    // The choropleth: one shape per comune, coloured by € per resident.
    const map = page.getByTestId('pnrr-map');
    await map.waitFor();
    expect(await map.getAttribute('data-comuni-count')).toBe('133');
    expect(await map.getAttribute('aria-label')).toContain('133 comuni');
    await expect
      .poll(() => map.locator('svg path').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(133);

    // Its table gives Milano's € per resident.
    const mapSection = page.getByRole('region', { name: 'Euro per residente, comune per comune' });
    await mapSection.getByRole('button', { name: 'Mostra come tabella' }).click();
    const table = page.getByTestId('pnrr-comuni-table');
    expect(await table.locator('tbody tr').count()).toBe(133);
    const milano = (await table.getByRole('row', { name: /^Milano/ }).innerText()).replace(
      /\s+/g,
      ' ',
    );
    expect(milano).toMatch(/1\.?412\.?107/);
    expect(milano).toMatch(/984,76\s€/);

    // The zones compared, per resident and in total.
    const zonesSection = page.getByRole('region', { name: 'Confronto tra le zone omogenee' });
    const zones = page.getByTestId('pnrr-zones-chart');
    await zones.locator('svg').waitFor();
    await zonesSection.getByText('€ assegnati', { exact: true }).click();
    await expect.poll(() => zones.getAttribute('aria-label')).toContain('€ assegnati');
    await zonesSection.getByRole('button', { name: 'Mostra come tabella' }).click();
    expect(await page.getByTestId('pnrr-zones-table').locator('tbody tr').count()).toBe(8);

    // The Gini index and the shares of the small comuni, each explained.
    expect(await page.getByTestId('pnrr-gini').innerText()).toMatch(/^0,\d{2}$/);
    await page.getByText(/0 se ognuno riceve lo stesso importo/).waitFor();
    await page.getByText('Comuni sotto i 5.000 abitanti').waitFor();
    await page.getByTestId('pnrr-lorenz-chart').locator('svg').waitFor();
    await page.getByTestId('pnrr-sources').getByText(progetti).waitFor();
    await snap(page, 'projects-pnrr');

    // Clicking Milano on the map opens its page.
    await map.scrollIntoViewIfNeeded();
    const centre = await map.evaluate((element) => {
      const dark = [...element.querySelectorAll('svg path')].filter(
        (shape) => shape.getAttribute('fill')?.toLowerCase() === '#08306b',
      );
      const largest = dark
        .map((shape) => shape.getBoundingClientRect())
        .sort((a, b) => b.width * b.height - a.width * a.height)[0];
      return largest
        ? { x: largest.x + largest.width / 2, y: largest.y + largest.height / 2 }
        : null;
    });
    expect(centre).not.toBeNull();
    await page.mouse.move(centre!.x, centre!.y, { steps: 5 });
    await expect.poll(() => map.innerText()).toContain('Milano');
    await page.mouse.click(centre!.x, centre!.y);
    await page.waitForURL('**/comuni/015146');

    expect(errors).toEqual([]);
  });

  it('the public filters the projects by comune, opens one and traces its figures to the release', async () => {
    const { page, errors } = await newVisitor(browser);
    await page.goto('/progetti');
    await page.getByRole('heading', { level: 1, name: 'Progetti sul territorio' }).waitFor();
    expect(await page.getByTestId('projects-count').innerText()).toMatch(/^1\.?942 progetti$/);

    // Filtering by comune keeps the filter in the URL and in the export links.
    await page.getByLabel('Comune', { exact: true }).selectOption({ label: 'Abbiategrasso' });
    await page.getByText('13 progetti trovati').waitFor();
    expect(new URL(page.url()).searchParams.get('comune')).toBe('015002');
    const csv = page.getByTestId('projects-export').getByRole('link', { name: 'CSV' });
    expect(await csv.getAttribute('href')).toBe(
      '/api/v1/projects/export?comune=015002&sort=-pnrr&format=csv',
    );
    // The page fetches the file, then hands it to the browser under the server's name.
    const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    expect(download.suggestedFilename()).toMatch(/^progetti-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    // With its byte order mark, which tells Excel the file is UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^CUP;Codice Locale Progetto;/);
    expect(lines).toHaveLength(14);
    await snap(page, 'projects-explorer');

    // On a phone the table scrolls sideways in its own box; the page keeps the screen's width.
    await page.setViewportSize({ width: 390, height: 844 });
    const explorerFit = await tableFit(page, page.locator('table.mp-projects-table'));
    expect(explorerFit.pageWidth).toBeLessThanOrEqual(390);
    expect(explorerFit.scrollsInItsBox).toBe(true);
    expect(explorerFit.boxRight).toBeLessThanOrEqual(390);
    expect(explorerFit.lastCellRightScrolled).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The largest PNRR project of Abbiategrasso comes first; the visitor opens it.
    const first = page.locator('tbody tr').first();
    expect(await first.innerText()).toMatch(/2\.500\.000\s€/);
    await first.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /ABBIATEGRASSO/ }).waitFor();
    expect(pathOf(page)).toMatch(/^\/progetti\/[0-9a-f-]{36}$/);

    // Funding by source, with the release every figure comes from.
    const funding = page.getByTestId('project-funding');
    expect(await funding.getByRole('row', { name: /^PNRR/ }).innerText()).toMatch(/2\.500\.000\s€/);
    expect(await funding.getByRole('row', { name: /^Totale/ }).innerText()).toMatch(
      /^Totale\s+3\.294\.750\s€/,
    );
    // Only the sources with an amount get a row; the stated zeros are said in one line.
    expect(await funding.locator('tbody tr').count()).toBe(2);
    expect(await funding.getByRole('row', { name: /^Regione/ }).innerText()).toMatch(/794\.750\s€/);
    expect(await funding.getByRole('row', { name: /^Privati/ }).count()).toBe(0);
    expect(await page.getByTestId('project-funding-zero').innerText()).toMatch(
      /^Importo dichiarato di 0\s€ per: .*Privati/,
    );
    expect(await page.getByTestId('project-source').innerText()).toContain(
      `Fonte: ${progetti} (rilascio: 24 febbraio 2023)`,
    );
    await page.getByTestId('project-comuni').getByRole('link', { name: 'Abbiategrasso' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Classificazione' }).waitFor();
    await snap(page, 'projects-project');

    // Back in the list, the filter is still there.
    await page.goBack();
    await page.getByText('13 progetti trovati').waitFor();
    expect(await page.getByLabel('Comune', { exact: true }).inputValue()).toBe('015002');
    expect(errors).toEqual([]);
  });

  it('the page of a comune lists its projects and leads to all of them', async () => {
    const { page, errors } = await newVisitor(browser);
    await page.goto('/comuni/015002');
    const section = page.getByRole('region', { name: 'Progetti nel comune' });
    await section.getByRole('link', { name: /OPSEDALE DI COMUNITA' - ABBIATEGRASSO/ }).waitFor();
    expect((await section.locator('.mp-figures li').first().innerText()).replace(/\s+/g, ' ')).toBe(
      'PROGETTI 13',
    );
    await expect
      .poll(() => section.locator('.mp-figures li').nth(1).innerText())
      .toMatch(/^PNRR ATTRIBUITI AL COMUNE\s+5,2\sMln\s€$/i);
    await snap(page, 'projects-comune');
    await section.getByRole('link', { name: 'Vedi tutti i 13 progetti di Abbiategrasso' }).click();
    await page.waitForURL('**/progetti?comune=015002');
    await page.getByText('13 progetti trovati').waitFor();

    // The zone of Abbiategrasso: the projects of its comuni, and their share of the money.
    await page.goto('/zone/magentino-abbiatense');
    const zone = page.getByRole('region', { name: 'Progetti nella zona' });
    const all = zone.getByRole('link', { name: /^Vedi tutti i \d+ progetti della zona$/ });
    await all.waitFor();
    const count = Number((await all.innerText()).replace(/\D/g, ''));
    expect(count).toBeGreaterThan(13);
    await expect
      .poll(() => zone.locator('.mp-figures li').nth(1).innerText())
      .toMatch(/^PNRR ATTRIBUITI ALLA ZONA\s+[\d,]+\sMln\s€$/i);
    await all.click();
    await page.waitForURL('**/progetti?zone=magentino-abbiatense');
    await page.getByText(`${count} progetti trovati`).waitFor();
    expect(errors).toEqual([]);
  });

  it('the public meets a page past the end of the list, and an address that names no project', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/progetti?page=999');
    await page.getByText("Questa pagina dell'elenco è vuota").waitFor();
    // Not the empty state of a territory without projects.
    expect(await page.getByText('Non è ancora stato importato nessun progetto').count()).toBe(0);
    await page.getByRole('button', { name: 'Torna alla prima pagina' }).click();
    await page.locator('tbody tr').first().waitFor();
    // A malformed id is an address of nothing, said as such, not the schema's words.
    await page.goto('/progetti/abc');
    await page.getByText("L'elemento richiesto non esiste o è stato rimosso.").waitFor();
    expect(await page.getByRole('button', { name: 'Riprova' }).count()).toBe(0);
    // Said by the page itself, with its heading and window title, and a way home.
    await page.getByRole('heading', { level: 1, name: 'Non trovato' }).waitFor();
    await expect.poll(() => page.title()).toBe('Non trovato — Metroplan');
    await page.goto(`/progetti/${crypto.randomUUID()}`);
    await page.getByRole('heading', { level: 1, name: 'Non trovato' }).waitFor();
    await page.getByRole('link', { name: 'Torna alla home' }).waitFor();
    // A comune that does not exist: the same, and the comune page does not take the title back.
    await page.goto('/comuni/999999');
    await page.getByRole('heading', { level: 1, name: 'Non trovato' }).waitFor();
    await expect.poll(() => page.title()).toBe('Non trovato — Metroplan');
  });

  it('the admin runs the link suggestions on the adopted PSTTM 2022-2024 and accepts one', async () => {
    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/admin/collegamenti');
    await page.getByRole('heading', { level: 1, name: 'Collegamenti al piano' }).waitFor();

    // Nothing is linked yet.
    const coverage = page.getByRole('region', { name: 'Quanto PNRR è collegato al piano' });
    await expect
      .poll(async () => (await coverage.locator('li').nth(2).innerText()).replace(/\s+/g, ' '))
      .toBe('PROGETTI COLLEGATI 0');

    // The adopted version of PSTTM 2022-2024 is proposed; the admin runs the matching on it.
    const version = page.getByLabel('Versione del piano');
    const chosen = await version.evaluate(
      (select: HTMLSelectElement) => select.options[select.selectedIndex]?.text ?? '',
    );
    expect(chosen).toMatch(/^PSTTM 2022-2024.*\(Adottato\)$/);
    await page.getByRole('button', { name: 'Proponi collegamenti' }).click();
    const run = page.getByTestId('links-run');
    await run.waitFor({ timeout: 60_000 });
    expect(await run.innerText()).toMatch(/Esaminate \d+ azioni: .* \d+ nuove proposte\./);

    // The suggestions, best first, with their reasons; the admin accepts the first.
    const table = page.getByTestId('links-table');
    const first = table.locator('tbody tr').first();
    await first.waitFor();
    expect(await first.locator('.badge').count()).toBeGreaterThan(0);
    const projectTitle = await first.getByRole('link').first().innerText();
    const actionTitle = await first.getByRole('link').nth(1).innerText();
    await snap(page, 'projects-links');
    await first.getByRole('button', { name: /^Accetta/ }).click();
    await page.getByText(/^Collegamento accettato/).waitFor();
    await expect
      .poll(async () => (await coverage.locator('li').nth(2).innerText()).replace(/\s+/g, ' '))
      .toBe('PROGETTI COLLEGATI 1');

    // The accepted link is listed as such, and the project's page shows the plan action.
    await page.getByText('Accettati', { exact: true }).click();
    await page.getByText('1 collegamento accettato').waitFor();
    await table.getByRole('link', { name: projectTitle }).click();
    const linked = page.getByTestId('project-linked-actions');
    await linked.getByRole('link', { name: actionTitle }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(literal(actionTitle)) }).waitFor();
    expect(pathOf(page)).toMatch(
      /^\/piano\/psttm-2022-2024\/versioni\/\d+\/azioni\/[0-9a-f-]{36}$/,
    );
    // And the action's page shows the project that serves it, back the other way.
    const serving = page.getByTestId('action-projects');
    await serving.getByRole('link', { name: projectTitle }).waitFor();
    expect(await page.getByTestId('action-projects-total').innerText()).toMatch(
      /^1 progetto collegato, .+ di PNRR\.$/,
    );
    expect(errors).toEqual([]);
  });

  it('the explorer fits a phone: its tabs wrap above the search, whose label covers nothing', async () => {
    const { page, errors } = await newVisitor(browser);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('/progetti');
    const search = page.getByLabel('Cerca per titolo, sintesi, CUP o attuatore');
    await search.waitFor();
    const label = page.locator(`label[for="${await search.getAttribute('id')}"]`);
    const box = await label.boundingBox();
    const tabs = await page
      .getByRole('navigation', { name: 'Progetti e PNRR', exact: true })
      .boundingBox();
    // The label starts below the tabs' last line, and its text keeps to one line.
    expect(box!.y).toBeGreaterThanOrEqual(tabs!.y + tabs!.height);
    const lines = await label.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(errors).toEqual([]);
  });

  it('the admin enters a project outside the releases by hand, fixes what was refused and edits it', async () => {
    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/progetti');
    await page.getByRole('link', { name: 'Nuovo progetto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuovo progetto' }).waitFor();

    // A malformed CUP and amount are refused next to their fields; the focus goes to the first.
    await page.getByLabel('CUP', { exact: true }).fill('J41B21');
    await page.getByLabel('Regione', { exact: true }).fill('dodicimila');
    await page.getByRole('button', { name: 'Crea progetto' }).click();
    const cup = page.getByLabel('CUP', { exact: true });
    await expect.poll(() => cup.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => cup.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.getByText('Scrivi un importo in euro').waitFor();

    await cup.fill('J41B21002130006');
    await page
      .getByLabel('Titolo', { exact: true })
      .fill('Ciclovia del Villoresi, tratto di Garbagnate');
    await page.getByLabel('Programma', { exact: true }).fill('PR FESR 2021-2027');
    await page.getByLabel('Regione', { exact: true }).fill('250.000,50');
    await page.getByLabel('Cerca un comune').fill('Garba');
    await page.getByText('Garbagnate Milanese', { exact: true }).click();
    await page.getByRole('button', { name: 'Crea progetto' }).click();

    // Its page says it was entered by hand; amounts left empty are not listed, and not zero.
    await page.getByText('Progetto creato.').waitFor();
    await page.getByText('Inserito a mano', { exact: true }).waitFor();
    expect(await page.getByTestId('project-source').innerText()).toContain('inserito a mano');
    const funding = page.getByTestId('project-funding');
    expect(await funding.getByRole('row', { name: /^Regione/ }).innerText()).toMatch(
      /250\.000,50\s€/,
    );
    await page.getByText('Le fonti senza un importo dichiarato non sono elencate').waitFor();
    expect(await funding.getByRole('row', { name: /^Stato/ }).count()).toBe(0);
    expect(await page.getByTestId('project-funding-zero').count()).toBe(0);

    // The PNRR unit edits it.
    await page.getByRole('link', { name: 'Modifica il progetto' }).click();
    await page
      .getByLabel('Titolo', { exact: true })
      .fill('Ciclovia del Villoresi, tratto di Garbagnate Milanese');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Modifiche salvate.').waitFor();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Ciclovia del Villoresi, tratto di Garbagnate Milanese',
      })
      .waitFor();
    const projectUrl = page.url();

    // A unit of the city follows it: shown on its page, and a filter of the explorer.
    const unitName = `Settore mobilità ${String(Date.now()).slice(-6)}`;
    await page.goto('/admin/unita-organizzative');
    await page.getByRole('button', { name: 'Nuova unità organizzativa' }).click();
    const form = page.getByRole('region', { name: 'Nuova unità organizzativa' });
    await form.getByLabel('Nome').fill(unitName);
    await form.getByLabel('Tipo').selectOption({ label: 'Settore' });
    await form.getByRole('button', { name: 'Crea unità' }).click();
    await page.getByText(`Unità «${unitName}» creata.`).waitFor();
    await page.goto(projectUrl);
    await page.getByText('Nessuna unità organizzativa lo segue ancora.').waitFor();
    await page.getByLabel('Unità organizzativa', { exact: true }).selectOption({ label: unitName });
    await page.getByRole('button', { name: 'Assegna' }).click();
    await page.getByText(`Assegnazione salvata: ${unitName}.`).waitFor();
    await page.getByText(`Ora la segue: ${unitName}.`).waitFor();
    await page.getByRole('link', { name: unitName }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect
      .poll(() => page.getByRole('link', { name: /Ciclovia del Villoresi/ }).count())
      .toBe(1);
    await page.getByText('1 progetto trovato').waitFor();
    expect(errors).toEqual([]);
  });

  it('the admin follows a large upload stage by stage, and is told a file cut short was refused', async () => {
    // 400,000 locations, the Milan rows over and over under CUPs of their own, whose last
    // record is cut short: read to the end, then refused whole, so nothing of it stays for the
    // stories after.
    const [header, ...rows] = readFileSync(file(localizzazioni), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
    const lines = [header!];
    for (let i = 0; lines.length <= 400_000; i++) {
      const [measure, description, , ...rest] = rows[i % rows.length]!.split(';');
      lines.push([measure, description, `J51B7${String(i).padStart(10, '0')}`, ...rest].join(';'));
    }
    lines.push('J51B21000000009;CLP-TRONCATO');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'metroplan-e2e-'));
    const cut = path.join(folder, 'PNRR_Localizzazione_grande.csv');
    writeFileSync(cut, lines.join('\n'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));

    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/admin/importazioni');
    await page.getByRole('heading', { level: 1, name: 'Importa dati PNRR' }).waitFor();
    await page.getByLabel('File CSV').setInputFiles(cut);
    await page.getByRole('button', { name: 'Importa 1 file' }).click();
    // The page asks the server how far it is: the stages of the import itself show while it
    // runs on the embedded database, not only a bar that says it is working.
    const stage = page.getByTestId('upload-stage');
    await stage
      .filter({ hasText: /Lettura e controllo delle righe… \d+%/ })
      .waitFor({ timeout: 60_000 });
    const bar = page.getByRole('progressbar', { name: /PNRR_Localizzazione_grande\.csv/ });
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    const refused = page.getByTestId('import-refused');
    await refused.waitFor({ timeout: 60_000 });
    expect(await refused.innerText()).toContain('Il file sembra troncato');
    expect(await refused.innerText()).toContain('Nessun dato è stato scritto');
    expect(errors).toEqual([]);
  }, 180_000);

  it('the admin imports a newer release of the projects and reads what changed and what it no longer lists', async () => {
    // The bundled release with one amount changed and its last project left out; the bundled
    // release itself is imported again afterwards, so the stories after find the data as it was.
    const original = readFileSync(file(progetti), 'utf8');
    const lines = original
      .replace('121992,00;0,00;0,00;121992,00', '130000,00;0,00;0,00;130000,00')
      .trimEnd()
      .split('\n');
    expect(lines.at(-1)).toContain('J47H21008130001');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'metroplan-e2e-'));
    const newer = path.join(folder, 'PNRR_Progetti_MI_2023-03.csv');
    writeFileSync(newer, lines.slice(0, -1).join('\n'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));

    const { page, errors } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/admin/importazioni');
    await page.getByLabel('File CSV').setInputFiles(newer);
    await page.getByRole('button', { name: 'Importa 1 file' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    expect(
      (await report.locator('li').filter({ hasText: 'Aggiornate' }).innerText()).replace(
        /\s+/g,
        ' ',
      ),
    ).toMatch(/AGGIORNATE 1$/i);
    // The fields changed, named as the project's page names them, not as columns.
    await report.getByRole('button', { name: 'Mostra i campi modificati' }).click();
    const changed = report.getByRole('row', { name: /B11C22000950006/ });
    expect(await changed.innerText()).toContain('Finanziamento PNRR, Finanziamento Totale');
    // The project the newer file leaves out is named, and kept.
    await report
      .getByRole('heading', { name: '1 progetto già registrato non è in questo file' })
      .waitFor();
    await report.getByRole('button', { name: 'Mostra i progetti non presenti' }).click();
    await report.getByText(/^J47H21008130001 /).waitFor();
    expect(await report.innerText()).toContain('codifica UTF-8 con BOM');

    // The bundled release again: the amount back, nothing left out.
    await page.getByLabel('File CSV').setInputFiles(file(progetti));
    await page.getByRole('button', { name: 'Importa 1 file' }).click();
    const reports = page.getByTestId('import-report');
    await expect.poll(() => reports.count(), { timeout: 60_000 }).toBe(2);
    const restored = reports.filter({ hasNotText: 'non è in questo file' });
    expect(await restored.count()).toBe(1);
    expect(
      (await restored.locator('li').filter({ hasText: 'Aggiornate' }).innerText()).replace(
        /\s+/g,
        ' ',
      ),
    ).toMatch(/AGGIORNATE 1$/i);
    expect(errors).toEqual([]);
  }, 120_000);
});

/** A title as a literal inside a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
