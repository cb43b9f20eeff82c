// The pages (/app) in a real Chromium, from a test's side: a page that records what went wrong in it (console
// errors, CSP refusals, uncaught errors, failed requests other than the ones the test expects), axe-core's
// serious and critical findings, and screenshots written to test-output/screenshots/ for review.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { eventually } from './wait';

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');

/** A phone: 390×844 CSS pixels (an iPhone 12-14), touch, a mobile viewport. */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };

export interface WatchedPage {
  page: Page;
  /** What went wrong so far, except answers whose status and path `expected` lets through. */
  problems: string[];
  close: () => Promise<void>;
}

/**
 * A new page in a context of its own (its own cookies). `expected` lets answers through that the test means to
 * provoke, e.g. (status, path) => status === 401 && path === '/auth/session'.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions, expected: (status: number, path: string) => boolean = () => false): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // A refused request also logs "Failed to load resource"; the response handler below judges those.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (r.status() >= 400 && !expected(r.status(), url.pathname)) problems.push(`${r.status()} ${r.request().method()} ${url.pathname}`);
  });
  return { page, problems, close: () => context.close() };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations on the page as it is now (WCAG 2 A/AA and best practices). axe is
 * evaluated through the DevTools protocol (page.evaluate), which the page's CSP does not apply to, instead of a
 * script tag the CSP would rightly refuse.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, so it runs in the page (whose globals are the browser's, not this Node program's).
  const violations = await page.evaluate<AxeViolation[]>(`axe
    .run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Every image of the page loaded or failed (lazy ones scrolled into view first), so a full-page screenshot shows them. */
async function loadImages(page: Page): Promise<void> {
  const images = page.locator('img');
  const count = await images.count();
  for (let i = 0; i < count; i++) {
    const image = images.nth(i);
    await image.scrollIntoViewIfNeeded();
    await eventually('an image of the page to load', () => image.evaluate((img: { complete: boolean }) => img.complete));
  }
  await page.evaluate('window.scrollTo(0, 0)');
}

/** A full-page screenshot in test-output/screenshots/<name>.png, its images loaded; its path is printed and returned. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await loadImages(page);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  process.stdout.write(`screenshot: ${file}\n`);
  return file;
}
