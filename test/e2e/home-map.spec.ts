import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newVisitor, pathOf, snap } from './support/browser.ts';

describe('A visitor opens the home page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sees the 133 comuni of the metropolitan city on the map, and a table with the same data', async () => {
    const { page, errors } = await newVisitor(browser);

    // The visitor opens the site.
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Città metropolitana di Milano' }).waitFor();

    // The key figures say 133 comuni.
    const figures = page.locator('.mp-figures li');
    await figures.first().waitFor();
    expect(await figures.first().innerText()).toMatch(/COMUNI\s+133/i);

    // The map is drawn with one shape per comune.
    const map = page.getByTestId('comuni-map');
    await map.waitFor();
    expect(await map.getAttribute('data-comuni-count')).toBe('133');
    expect(await map.getAttribute('aria-label')).toContain('133 comuni');
    await expect
      .poll(() => map.locator('svg path').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(133);
    await snap(page, 'home-map');

    // The colour switch offers density too.
    // (Bootstrap Italia draws the radio on its label, which is what a user clicks.)
    await page.getByText('Densità', { exact: true }).click();
    expect(await page.getByRole('radio', { name: 'Densità' }).isChecked()).toBe(true);
    await expect.poll(() => map.getAttribute('aria-label')).toContain('densità');

    // A keyboard or screen-reader user asks for the table instead of the map.
    await page.getByRole('button', { name: 'Mostra come tabella' }).click();
    const table = page.getByRole('table', { name: /133 comuni/ });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(133);
    expect(await table.getByRole('row', { name: /Abbiategrasso/ }).innerText()).toContain('33.042');

    expect(errors).toEqual([]);
  });

  it('opens the page of a comune when the visitor clicks it on the map', async () => {
    const { page } = await newVisitor(browser);
    await page.goto('/');
    const map = page.getByTestId('comuni-map');
    await expect
      .poll(() => map.locator('svg path').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(133);

    // Milano is the only comune in the darkest population class: point at the middle of its shape.
    await map.scrollIntoViewIfNeeded();
    const milano = await map.evaluate((element) => {
      const paths = [...element.querySelectorAll('svg path')].filter(
        (path) => path.getAttribute('fill')?.toLowerCase() === '#08306b',
      );
      const boxes = paths.map((path) => path.getBoundingClientRect());
      const largest = boxes.sort((a, b) => b.width * b.height - a.width * a.height)[0];
      return largest
        ? { x: largest.x + largest.width / 2, y: largest.y + largest.height / 2 }
        : null;
    });
    expect(milano).not.toBeNull();
    await page.mouse.move(milano!.x, milano!.y, { steps: 5 });

    // Hovering shows the comune's figures.
    await expect.poll(() => map.innerText()).toContain('Milano');
    await page.mouse.click(milano!.x, milano!.y);

    await page.waitForURL('**/comuni/015146');
    expect(pathOf(page)).toBe('/comuni/015146');
    await page.getByRole('heading', { level: 1, name: /Milano/ }).waitFor();
  });
});
