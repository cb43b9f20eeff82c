// A share page as a visitor's browser sees it: headless Chromium (test/support/browser.ts), driven by playwright-core,
// against the real stack. The Open Graph and Twitter tags are in the page, the card image loads (under the
// page's own Content-Security-Policy) at 1200×630, the poll results and the stage timeline are shown.
import type { Browser } from 'playwright-core';
import type { SocialUpdatesDto } from '../support/api-types';
import { launchChromium } from '../support/browser';
import { expectOk } from './e2e-helpers';
import { addVotes, castInfluencer, createProduct } from '../support/product-flow';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';

jest.setTimeout(120_000);

describe('share page in a real browser', () => {
  let t: TestEngine;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestEngine();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows the poll result with its tags, chart, timeline and a 1200×630 card', async () => {
    const cast = await castInfluencer(t, 'browser.mia');
    const productId = await createProduct(t, cast.influencerId);
    await addVotes(t, productId, { midi: 5, wrap: 3, slip: 1 });
    expectOk(await t.http('POST', `/products/${productId}/poll/close`));
    const result = await eventually('the poll result update', async () => {
      const updates = expectOk(await t.http<SocialUpdatesDto>('GET', `/products/${productId}/social-updates`)).updates;
      return updates.find((u) => u.event === 'POLL_RESULT');
    });

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    const response = await page.goto(result.shareUrl, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);

    const meta = (selector: string) => page.locator(`meta[${selector}]`).first().getAttribute('content');
    expect(await meta('property="og:title"')).toBe(result.title);
    expect(await meta('property="og:url"')).toBe(result.shareUrl);
    expect(await meta('property="og:image"')).toBe(result.imageUrl);
    expect(await meta('property="og:description"')).toContain('Linen midi');
    expect(await meta('name="twitter:card"')).toBe('summary_large_image');
    expect(await meta('name="twitter:image"')).toBe(result.imageUrl);
    expect(await page.title()).toContain(result.title);

    // The card image loaded under the page's CSP, at its full size.
    const image = page.locator('img.card');
    await image.waitFor();
    const size = await image.evaluate((img: { complete: boolean; naturalWidth: number; naturalHeight: number; addEventListener(e: string, f: () => void): void }) =>
      img.complete ? { width: img.naturalWidth, height: img.naturalHeight } : new Promise((resolve) => img.addEventListener('load', () => resolve({ width: img.naturalWidth, height: img.naturalHeight }))),
    );
    expect(size).toEqual({ width: 1200, height: 630 });

    // Poll results: each option with its votes and share; the stage timeline with DESIGN as the current step.
    const rows = await page.locator('section.poll tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/Linen midi[\s\S]*5[\s\S]*56%/);
    expect(await page.locator('section.timeline li[aria-current="step"] .label').innerText()).toBe('Design');
    expect(await page.locator('section.timeline li.done .label').allInnerTexts()).toEqual(['Fan poll']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
