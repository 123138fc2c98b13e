import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newVisitor } from './support/browser.ts';

describe('A keyboard user', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reaches the skip link with the first Tab and jumps to the main content with it', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/comuni');
    await page.getByRole('heading', { level: 1, name: 'Comuni' }).waitFor();

    // The first Tab lands on "Vai al contenuto principale", now visible.
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.innerText()).toBe('Vai al contenuto principale');
    expect(await focused.isVisible()).toBe(true);

    // Enter moves the focus to <main>.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    // The next Tab continues inside the main content, not back in the header.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(
      () =>
        !!document.activeElement?.closest('main') &&
        document.activeElement !== document.querySelector('main'),
    );
    expect(inMain).toBe(true);
  });

  it('can skip to the footer too', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').innerText()).toBe('Vai al piè di pagina');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('footer');
  });

  it('on a phone, stays in the open menu while tabbing, and leaves it with Escape', async () => {
    const { page, errors } = await newVisitor(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // The visitor opens the menu: the focus is on its close button.
    const toggler = page.getByRole('button', { name: 'Mostra o nascondi la navigazione' });
    await toggler.focus();
    await page.keyboard.press('Enter');
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    await expect.poll(focusedName).toBe('Chiudi il menu');

    // Tab goes through the five sections, then back to the close button, never behind the panel.
    const seen: (string | undefined)[] = [];
    for (let step = 0; step < 6; step++) {
      await page.keyboard.press('Tab');
      seen.push(await focusedName());
    }
    expect(seen).toEqual([
      'Home',
      'Piano strategico',
      'Comuni',
      'Zone omogenee',
      'Progetti e PNRR',
      'Chiudi il menu',
    ]);
    // Shift+Tab from the close button goes to the last section.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName()).toBe('Progetti e PNRR');

    // Escape closes the menu and gives the focus back to the button that opened it.
    await page.keyboard.press('Escape');
    expect(await toggler.getAttribute('aria-expanded')).toBe('false');
    expect(await toggler.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('sees where the focus is on every control', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/comuni');
    await page.getByRole('heading', { level: 1, name: 'Comuni' }).waitFor();
    const search = page.getByRole('searchbox', { name: 'Cerca per nome' });
    await search.focus();
    // Bootstrap Italia draws focus as a box-shadow (or outline): one of them must be there.
    const ring = await search.evaluate((element) => {
      const style = getComputedStyle(element);
      return { outline: style.outlineStyle, shadow: style.boxShadow };
    });
    expect(ring.outline !== 'none' || ring.shadow !== 'none').toBe(true);
  });
});
