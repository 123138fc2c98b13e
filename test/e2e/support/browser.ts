import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { baseUrl, screenshotDir } from './env.ts';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium (never a downloaded browser), headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
}

export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
}

/** A fresh visitor: own cookies and storage, Italian unless told otherwise, errors collected. */
export async function newVisitor(browser: Browser, locale = 'it-IT'): Promise<Visitor> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale,
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Expected API refusals (401 on a wrong password...) are logged by the browser as
    // failed resources; they are asserted through the UI instead.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return { context, page, errors };
}

/** Keeps a full-page PNG of what the user sees, for a human to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** The path of the page the browser shows, e.g. `/comuni/015002`. */
export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

export interface TableFit {
  /** How wide the page is: more than the viewport means the page itself scrolls sideways. */
  pageWidth: number;
  viewportWidth: number;
  /** The table is in a box of its own that scrolls sideways. */
  scrollsInItsBox: boolean;
  /** The box's right edge, which must stay within the viewport. */
  boxRight: number;
  /** The last cell's right edge once the box is scrolled to its end. */
  lastCellRightScrolled: number;
}

/** Measures how a (wide) table sits in a narrow viewport: in a scrolling box, page unchanged. */
export async function tableFit(page: Page, table: ReturnType<Page['locator']>): Promise<TableFit> {
  return table.evaluate((element) => {
    const box = element.closest('.table-responsive') as HTMLElement | null;
    const scrolls =
      !!box && getComputedStyle(box).overflowX === 'auto' && box.scrollWidth > box.clientWidth;
    if (box) box.scrollLeft = box.scrollWidth;
    const cells = element.querySelectorAll('tbody tr:first-child > *');
    const last = cells[cells.length - 1] as HTMLElement | undefined;
    return {
      pageWidth: document.documentElement.scrollWidth,
      viewportWidth: window.innerWidth,
      scrollsInItsBox: scrolls,
      boxRight: box ? box.getBoundingClientRect().right : Number.POSITIVE_INFINITY,
      lastCellRightScrolled: last ? last.getBoundingClientRect().right : Number.POSITIVE_INFINITY,
    };
  });
}
