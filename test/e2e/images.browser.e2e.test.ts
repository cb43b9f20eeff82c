// An uploaded image in a real browser (headless Chromium, test/support/browser.ts): a page of the API's own
// origin shows it under the page's Content-Security-Policy and Cross-Origin-Resource-Policy, at its size.
import type { Browser } from 'playwright-core';
import type { SocialUpdatesDto } from '../support/api-types';
import { launchChromium } from '../support/browser';
import { picture, uploadImage } from '../support/images';
import { castInfluencer, createProduct } from '../support/product-flow';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { expectOk } from './e2e-helpers';

jest.setTimeout(120_000);

describe('images in a real browser', () => {
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

  it("shows an uploaded image on a page of the API's origin under its CSP", async () => {
    const cast = await castInfluencer(t, 'browser.img');
    const productId = await createProduct(t, cast.influencerId);
    const image = expectOk(await uploadImage(t, productId, await picture(1600, 1200).jpeg().toBuffer(), 'image/jpeg'), 201);
    const opened = await eventually('the poll opening update', async () => expectOk(await t.http<SocialUpdatesDto>('GET', `/products/${productId}/social-updates`)).updates[0]);

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    // A share page: HTML served by the API with its Content-Security-Policy.
    expect((await page.goto(opened.shareUrl, { waitUntil: 'load' }))?.status()).toBe(200);
    // The page's own script would be refused by its CSP (script-src 'self'); the test's runs as the browser's.
    const show = (src: string) =>
      page.evaluate<{ width: number; height: number } | 'failed'>(`new Promise((resolve) => {
        const img = document.createElement('img');
        img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
        img.onerror = () => resolve('failed');
        img.src = ${JSON.stringify(src)};
        document.body.appendChild(img);
      })`);
    expect(await show(image.urls.display)).toEqual({ width: 1080, height: 810 });
    expect(await show(image.urls.thumb)).toEqual({ width: 320, height: 240 });
    expect(problems).toEqual([]);
    // What the CSP refuses, an image of another origin, fails the same check, with the browser saying why.
    expect(await show('https://images.example.invalid/a.png')).toBe('failed');
    expect(problems.some((p) => p.includes('images.example.invalid') && p.includes('Content Security Policy'))).toBe(true);
    await page.close();
  });
});
