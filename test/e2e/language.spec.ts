import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newVisitor, snap } from './support/browser.ts';

describe('A visitor switches language', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('turns the interface to English, keeps it after a reload, and goes back to Italian', async () => {
    const { page, errors } = await newVisitor(browser);
    await page.goto('/comuni');
    await page.getByRole('heading', { level: 1, name: 'Comuni' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('it');

    // The visitor presses "ENG" in the header.
    const languages = page.getByRole('group', { name: 'Lingua' });
    await languages.getByRole('button', { name: 'English' }).click();

    // Navigation, headings and numbers are now English.
    await page.getByRole('heading', { level: 1, name: 'Municipalities' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Homogeneous zones' }).waitFor();
    await page.getByText('133 municipalities found').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('tbody tr').first().innerText()).toContain('33,042');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await snap(page, 'comuni-list-en');

    // The choice survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Municipalities' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // Back to Italian.
    await page
      .getByRole('group', { name: 'Language' })
      .getByRole('button', { name: 'Italiano' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Comuni' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    await page
      .getByRole('link', { name: 'Vai al contenuto principale' })
      .waitFor({ state: 'attached' });

    expect(errors).toEqual([]);
  });
});
