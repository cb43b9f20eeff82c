// The session cookie in a real browser (headless Chromium, test/support/browser.ts) on the engine as it runs
// locally, over plain http://127.0.0.1: the Secure cookie is kept (Chromium treats loopback as a secure
// context), sent back on same-origin calls, hidden from scripts (HttpOnly), and signing out drops it.
import type { Browser } from 'playwright-core';
import type { IssuedMagicLinkDto } from '../support/api-types';
import { launchChromium } from '../support/browser';
import { castInfluencer, createProduct } from '../support/product-flow';
import { tokenOf } from '../support/sessions';
import { startTestEngine, type TestEngine } from '../support/stack';
import { expectOk } from './e2e-helpers';

jest.setTimeout(120_000);

describe('the session cookie in a real browser over http://127.0.0.1', () => {
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

  it('keeps the Secure, HttpOnly, SameSite=Strict cookie and sends it on the page\'s own calls until she signs out', async () => {
    expect(t.engine.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const mia = await castInfluencer(t, 'browser-mia');
    const productId = await createProduct(t, mia.influencerId);
    const link = expectOk(await t.http<IssuedMagicLinkDto>('POST', `/influencers/${mia.influencerId}/magic-links`, { body: {} }), 201);

    const context = await browser.newContext();
    const page = await context.newPage();
    // Any page of the engine's origin: the calls below are the page's own (same-origin) fetches.
    await page.goto(`${t.engine.apiUrl}/health`);
    const seen = await page.evaluate(
      async ({ token, productId }) => {
        const opened = await fetch('/auth/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
        const { csrfToken } = (await opened.json()) as { csrfToken: string };
        const session = await fetch('/auth/session');
        const product = await fetch(`/products/${productId}`);
        const withoutCsrf = await fetch('/influencers/me/contact', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"language":"zh-CN"}' });
        const withCsrf = await fetch('/influencers/me/contact', { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: '{"language":"zh-CN"}' });
        // The page's scripts cannot read it (this suite compiles without the DOM's types).
        const scriptSees = (globalThis as unknown as { document: { cookie: string } }).document.cookie;
        const out = await fetch('/auth/session', { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } });
        const after = await fetch('/auth/session');
        return { opened: opened.status, session: session.status, product: product.status, withoutCsrf: withoutCsrf.status, withCsrf: withCsrf.status, scriptSees, out: out.status, after: after.status };
      },
      { token: tokenOf(link.url), productId },
    );
    expect(seen).toEqual({ opened: 201, session: 200, product: 200, withoutCsrf: 403, withCsrf: 200, scriptSees: '', out: 204, after: 401 });
    // Signed out: the browser dropped the cookie.
    expect((await context.cookies()).filter((c) => c.name === 'ie_session')).toEqual([]);
    await context.close();
  });

  it('stores the cookie with the attributes the API set', async () => {
    const ola = await castInfluencer(t, 'browser-ola');
    const link = expectOk(await t.http<IssuedMagicLinkDto>('POST', `/influencers/${ola.influencerId}/magic-links`, { body: {} }), 201);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${t.engine.apiUrl}/health`);
    const status = await page.evaluate(async (token) => (await fetch('/auth/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) })).status, tokenOf(link.url));
    expect(status).toBe(201);
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'ie_session');
    expect(cookie).toMatchObject({ domain: '127.0.0.1', path: '/', httpOnly: true, secure: true, sameSite: 'Strict' });
    expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    await context.close();
  });
});
