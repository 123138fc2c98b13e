import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInAsAdmin } from './support/auth.ts';
import { launchBrowser, newVisitor, snap } from './support/browser.ts';

/** axe-core on the page as it stands; only serious and critical findings fail the story. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help}\n    ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join('\n    ')}`,
    );
}

interface Visit {
  name: string;
  path: string;
  /** What shows that the page has finished loading. */
  ready: (page: Page) => Promise<unknown>;
}

const publicPages: Visit[] = [
  {
    name: 'home',
    path: '/',
    ready: (page) =>
      page.getByTestId('comuni-map').locator('svg path').nth(132).waitFor({ state: 'attached' }),
  },
  {
    name: 'comuni',
    path: '/comuni',
    ready: (page) => page.getByText('133 comuni trovati').waitFor(),
  },
  {
    name: 'comune',
    path: '/comuni/015002',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Abbiategrasso' }).waitFor(),
  },
  {
    name: 'zones',
    path: '/zone',
    ready: (page) =>
      page
        .getByRole('img', { name: /Grafico a barre/ })
        .locator('svg')
        .waitFor(),
  },
  {
    name: 'zone',
    path: '/zone/nord-milano',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Nord Milano' }).waitFor(),
  },
  {
    name: 'plans',
    path: '/piano',
    ready: (page) => page.getByRole('article').first().waitFor(),
  },
  {
    name: 'plan-version',
    path: '/piano/psttm-2022-2024/versioni/1',
    ready: (page) => page.getByTestId('tree-count').waitFor(),
  },
  {
    name: 'plan-matrix',
    path: '/piano/psttm-2022-2024/versioni/1/matrice',
    ready: (page) => page.getByTestId('coverage-matrix').waitFor(),
  },
  {
    name: 'plan-acts',
    path: '/piano/psttm-2022-2024/versioni/1/atti',
    ready: (page) => page.getByRole('heading', { level: 2, name: 'Atti' }).waitFor(),
  },
  {
    name: 'plan-compare',
    path: '/piano/psttm-2022-2024/confronta',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Confronta versioni' }).waitFor(),
  },
  {
    name: 'plan-print',
    path: '/piano/psttm-2022-2024/versioni/1/stampa',
    ready: (page) => page.getByRole('heading', { level: 2, name: /Sezione 3/ }).waitFor(),
  },
  {
    name: 'projects',
    path: '/progetti',
    ready: (page) => page.locator('tbody tr').first().waitFor(),
  },
  {
    name: 'pnrr',
    path: '/pnrr',
    ready: (page) =>
      page.getByTestId('pnrr-map').locator('svg path').nth(132).waitFor({ state: 'attached' }),
  },
  {
    name: 'login',
    path: '/accedi',
    ready: (page) => page.getByRole('button', { name: 'Accedi', exact: true }).waitFor(),
  },
];

const adminPages: Visit[] = [
  {
    name: 'admin-users',
    path: '/admin/utenti',
    ready: (page) => page.locator('tbody tr').first().waitFor(),
  },
  {
    name: 'admin-org-units',
    path: '/admin/unita-organizzative',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Unità organizzative' }).waitFor(),
  },
  {
    name: 'admin-zones',
    path: '/admin/zone',
    ready: (page) => page.locator('tbody tr').first().waitFor(),
  },
  {
    name: 'audit-log',
    path: '/admin/registro-attivita',
    ready: (page) => page.locator('tbody tr').first().waitFor(),
  },
  {
    name: 'admin-imports',
    path: '/admin/importazioni',
    ready: (page) => page.getByTestId('import-history').locator('tbody tr').first().waitFor(),
  },
  {
    name: 'admin-links',
    path: '/admin/collegamenti',
    ready: (page) => page.getByTestId('links-table').locator('tbody tr').first().waitFor(),
  },
];

describe('Every page passes axe-core without serious or critical violations', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const visit of publicPages) {
    it(`public page: ${visit.name}`, async () => {
      const { page } = await newVisitor(browser);
      await page.goto(visit.path);
      await visit.ready(page);
      await snap(page, `a11y-${visit.name}`);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('the home page with the map shown as a table', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/');
    await page.getByRole('button', { name: 'Mostra come tabella' }).click();
    await page.getByRole('table', { name: /133 comuni/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the version page with the tree unfolded and filtered', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/piano/psttm-2022-2024/versioni/1?mission=M5');
    await page.getByText(/^Trovati/).waitFor();
    await page.getByRole('button', { name: 'Espandi tutto' }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the page of a goal', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/piano/psttm-2022-2024/versioni/1');
    await page.getByRole('button', { name: /1\.1 Una rete ciclabile/ }).click();
    await page.getByRole('link', { name: /Apri la scheda dell'obiettivo/ }).click();
    await page.getByRole('heading', { level: 1, name: /Una rete ciclabile/ }).waitFor();
    await snap(page, 'a11y-plan-goal');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the PNRR page with every chart shown as a table', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/pnrr');
    await page.getByTestId('pnrr-map').locator('svg path').nth(132).waitFor({ state: 'attached' });
    const buttons = page.getByRole('button', { name: 'Mostra come tabella' });
    while ((await buttons.count()) > 0) await buttons.first().click();
    await page.getByTestId('pnrr-comuni-table').waitFor();
    await snap(page, 'a11y-pnrr-tables');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the page of a project, and the projects of a comune', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/progetti?comune=015002');
    await page.locator('tbody tr').first().getByRole('link').first().click();
    await page.getByTestId('project-funding').waitFor();
    await page
      .getByTestId('project-linked-actions')
      .or(page.getByText(/non è ancora collegato/))
      .waitFor();
    await snap(page, 'a11y-project');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/comuni/015002');
    await page
      .getByRole('region', { name: 'Progetti nel comune' })
      .getByRole('listitem')
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the project page for the PNRR unit, and the import page with a report open', async () => {
    const { page } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/progetti?comune=015002');
    await page.locator('tbody tr').first().getByRole('link').first().click();
    await page.getByRole('region', { name: 'Gestione del progetto' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/admin/importazioni');
    const history = page.getByTestId('import-history');
    await history
      .getByRole('button', { name: /^Resoconto/ })
      .first()
      .click();
    await history.getByTestId('import-report').waitFor();
    await snap(page, 'a11y-admin-import-report');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the login form showing its errors', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/accedi');
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByText('Campo obbligatorio.').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const visit of adminPages) {
    it(`admin page: ${visit.name}`, async () => {
      const { page } = await newVisitor(browser);
      await logInAsAdmin(page);
      await page.goto(visit.path);
      await visit.ready(page);
      await snap(page, `a11y-${visit.name}`);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('the plan office on a version in consultation, and the new goal form with its errors', async () => {
    const { page } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/piano/psttm-2025-2027/versioni/1');
    await page.getByRole('region', { name: 'Gestione della versione' }).waitFor();
    await snap(page, 'a11y-plan-version-admin');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/piano/psttm-2025-2027/versioni/1/obiettivi/nuovo?sezione=2');
    await page.getByRole('button', { name: 'Crea obiettivo' }).click();
    await page.getByText('Campo obbligatorio.').first().waitFor();
    await snap(page, 'a11y-plan-goal-form');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the open user menu, whose items are readable on its white panel', async () => {
    const { page } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/comuni');
    await page.getByRole('button', { name: /Menu utente/ }).click();
    await page.getByRole('button', { name: 'Esci' }).waitFor();
    await snap(page, 'a11y-user-menu');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the comune page with the admin edit form', async () => {
    const { page } = await newVisitor(browser);
    await logInAsAdmin(page);
    await page.goto('/comuni/015002');
    await page.getByRole('region', { name: 'Modifica i dati del comune' }).waitFor();
    await snap(page, 'a11y-comune-admin');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
