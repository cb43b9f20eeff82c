// The pages (/app) in a real Chromium against the real stack: a staff member signs in through the mailed link
// and runs a product from its poll to its launch only through the board and the product page (fans'
// votes arrive as signed webhooks, the influencer's reviews through her key); the influencer approves the
// poll's options and a design from her magic link on a 390×844 touch screen; an expired, a revoked and another
// influencer's link are refused; axe-core finds nothing serious on the board, the product page and her page;
// screenshots of the three go to test-output/screenshots/.
import type { Browser, Locator, Page } from 'playwright-core';
import type { IssuedMagicLinkDto, LaunchAnnouncementDto, ProductDto } from '../support/api-types';
import { launchChromium } from '../support/browser';
import { DESKTOP, openPage, PHONE, screenshot, seriousViolations } from '../support/pages';
import { castInfluencer, createProduct, driveToLaunch, productBody, type Cast } from '../support/product-flow';
import { linkIn } from '../support/sessions';
import { startSmtpSink, type SmtpSink } from '../support/smtp';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { deliver, registerSource, sign, voteBody } from '../support/votes';
import { picture, uploadImage } from '../support/images';
import { expectOk } from './e2e-helpers';

jest.setTimeout(180_000);

const DAY = 86_400_000;
/** A time as a datetime-local input takes it, in the browser's (and this process's) time zone. */
function localInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Waits until the image has loaded with real pixels (under the pages' CSP). */
async function expectLoaded(image: Locator): Promise<void> {
  await image.waitFor();
  await image.scrollIntoViewIfNeeded();
  await eventually('the image to load', () => image.evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth > 0));
}

describe('the pages in a real browser', () => {
  let t: TestEngine;
  let smtp: SmtpSink;
  let browser: Browser;
  let zoe: Cast;
  let mia: Cast;
  let leo: Cast;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    [t, browser] = await Promise.all([startTestEngine({ SMTP_URL: smtp.url }), launchChromium()]);
    expectOk(await t.http('POST', '/staff-members', { body: { name: 'Anna Li', email: 'anna@incubator.example' } }), 201);
    zoe = await castInfluencer(t, 'pages.zoe');
    mia = await castInfluencer(t, 'pages.mia');
    leo = await castInfluencer(t, 'pages.leo');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await smtp?.stop();
  });

  const product = async (id: string) => expectOk(await t.http<ProductDto>('GET', `/products/${id}`));
  const magicLink = async (influencerId: string) => expectOk(await t.http<IssuedMagicLinkDto>('POST', `/influencers/${influencerId}/magic-links`, { body: {} }), 201);

  /** Submits the action form `id` on the product page and waits for its "Done." (or fails with the refusal shown). */
  async function act(page: Page, id: string, fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => undefined): Promise<void> {
    const form = page.locator(`form#${id}`);
    await fill(form);
    await form.locator('button[type=submit]').click();
    await eventually(`the ${id} form to be done`, async () => {
      const error = form.locator('.error');
      if (await error.count()) throw new Error(`${id} was refused: ${await error.innerText()}`);
      return (await form.locator('.ok').count()) > 0 || (await form.count()) === 0;
    });
  }

  it('signs a staff member in through the mailed link and runs a product from its poll to its launch on the board', async () => {
    const { page, problems, close } = await openPage(browser, DESKTOP, (status, path) => (status === 401 && path === '/auth/session') || (status === 422 && /\/poll\/extend$/.test(path)));
    // Signing in: the form mails a one-time link; opening it lands on the board with the token gone from the address.
    await page.goto(`${t.engine.apiUrl}/app/`);
    await page.waitForURL(/\/app\/sign-in$/);
    await page.getByLabel('Work email').fill('anna@incubator.example');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByText('a sign-in link is on its way').waitFor();
    const mail = await eventually('the sign-in mail', () => smtp.to('anna@incubator.example')[0]);
    const link = linkIn(mail.text, '/app/sign-in');
    expect(link.startsWith(`${t.engine.apiUrl}/app/sign-in#token=`)).toBe(true);
    await page.goto(link);
    await page.waitForURL(`${t.engine.apiUrl}/app/`);
    expect(page.url()).not.toContain('token');
    await page.getByRole('heading', { name: 'Products by stage' }).waitFor();
    await page.getByText('Anna Li').waitFor();

    // A new product through the form; the poll opens at once (nobody approves its options).
    await page.getByRole('link', { name: 'New product', exact: true }).first().click();
    await page.getByLabel('Product name').fill('Board dress');
    await page.getByLabel('Influencer', { exact: true }).selectOption(zoe.influencerId);
    await page.getByLabel('Target keyword').fill('linen dress');
    await page.getByLabel('Poll question').fill('Which dress should we make?');
    await page.getByLabel('Poll options').fill('Linen midi\nWrap dress');
    await page.getByLabel('Who approves the options first').selectOption('none');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL(/\/app\/products\/p-[a-z0-9]+$/);
    const productId = /\/products\/(p-[a-z0-9]+)$/.exec(page.url())![1];
    await page.getByRole('heading', { name: 'Board dress' }).waitFor();

    // Fans vote through a signed webhook; the chart shows the live count.
    const source = await registerSource(t);
    for (const [fan, option] of [['f1', 'option-1'], ['f2', 'option-1'], ['f3', 'option-2']] as const) {
      expect((await deliver(t, source, sign(source.secret, voteBody(productId, option, fan)))).status).toBe(202);
    }
    await page.locator('.poll-chart').getByText('2 · 66.7%').waitFor({ timeout: 30_000 });

    // A refused action shows the API's own message in place.
    await page.locator('form#poll-extend input[name=closesAt]').fill(localInput(Date.now() - DAY));
    await page.locator('form#poll-extend button[type=submit]').click();
    const refusal = await page.locator('form#poll-extend .error').innerText();
    expect(refusal).toMatch(/closesAt|later|closing/i);

    await act(page, 'poll-close');
    await page.getByRole('heading', { name: 'Submit a design round' }).waitFor();
    expect((await product(productId)).stage).toBe('DESIGN');

    // The design goes with an image uploaded from the form (POST /products/:id/images, then its display URL).
    const sketch = await picture(900, 1200, '#7fb77e').jpeg().toBuffer();
    await act(page, 'design-submit', async (form) => {
      await form.getByLabel('Title').fill('Linen midi, v1');
      await form.getByLabel('Description').fill('A-line, sage.');
      await form.getByLabel('Images').setInputFiles({ name: 'sketch.jpg', mimeType: 'image/jpeg', buffer: sketch });
    });
    await eventually('design round 1 on the page', () => page.getByText('Round 1: Linen midi, v1').count());
    const designImage = (await product(productId)).designs[0].imageUrls;
    expect(designImage).toEqual([expect.stringMatching(/^\/images\/[0-9a-f-]{36}\/display$/)]);
    await expectLoaded(page.locator('#designs .thumbs img').first());
    expectOk(await t.http('POST', `/products/${productId}/designs/1/review`, { body: { decision: 'APPROVE' }, key: zoe.influencerKey }));

    await page.reload();
    await act(page, 'sample-record', async (form) => {
      await form.getByLabel('Supplier name').fill('Hangzhou Mill');
      await form.getByLabel('Notes', { exact: false }).fill('Seams good.');
      await form.getByLabel('Photos').setInputFiles({ name: 'sample.png', mimeType: 'image/png', buffer: await picture(640, 480, '#d0a060').png().toBuffer() });
    });
    expect((await product(productId)).samples[0].photoUrls).toHaveLength(1);
    expectOk(await t.http('POST', `/products/${productId}/samples/1/review`, { body: { decision: 'APPROVE' }, key: zoe.influencerKey }));

    await page.reload();
    await act(page, 'production-start', async (form) => {
      await form.getByLabel('Supplier name').fill('Hangzhou Mill');
      await form.getByLabel('Due date').fill(localInput(Date.now() + 30 * DAY));
    });
    for (const milestone of ['Materials', 'Cutting', 'Sewing', 'Quality check', 'Shipped']) {
      await act(page, 'production-milestone', async (form) => {
        await form.getByLabel('Milestone').selectOption({ label: milestone });
      });
    }
    await page.getByRole('heading', { name: 'Schedule the launch' }).waitFor();
    await act(page, 'launch-schedule', async (form) => {
      await form.getByLabel('Launch time').fill(localInput(Date.now() + 3 * DAY));
    });
    await page.locator('#launch .countdown').waitFor();
    const launched = await product(productId);
    expect({ stage: launched.stage, scheduled: typeof launched.launch.launchAt }).toEqual({ stage: 'LAUNCH', scheduled: 'string' });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'product-page');

    // The board: the product in its LAUNCH column, saying what it waits for and until when.
    await page.getByRole('link', { name: 'Board', exact: true }).first().click();
    const card = page.locator(`[data-stage=LAUNCH] [data-product=${productId}]`);
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Waiting since[\s\S]*(Approval due|Launches)/);
    await page.getByLabel('Search by name').fill('no such product');
    await eventually('the search to hide the card', async () => (await card.count()) === 0);
    await page.getByLabel('Search by name').fill('board dress');
    await card.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'board');

    // The launch itself: from the card, staff move it to the next whole minute (the form's precision); when
    // that time comes the engine launches the product and the board shows it on sale.
    await card.getByRole('link', { name: 'Board dress' }).click();
    const launchAt = Math.ceil((Date.now() + 20_000) / 60_000) * 60_000;
    await act(page, 'launch-schedule', async (form) => {
      await form.getByLabel('Launch time').fill(localInput(launchAt));
    });
    await page.getByRole('link', { name: 'Board', exact: true }).first().click();
    const onSale = page.locator(`[data-stage=ON_SALE] [data-product=${productId}]`);
    await eventually(
      'the board to show the product on sale after its launch time',
      async () => {
        if (Date.now() < launchAt) return false;
        await page.reload();
        await page.locator('[data-stage=ON_SALE]').waitFor();
        return (await onSale.count()) > 0;
      },
      launchAt - Date.now() + 60_000,
    );
    expect((await product(productId)).stage).toBe('ON_SALE');
    expect(problems).toEqual([]);
    await close();
  }, 300_000);

  it("lets the influencer approve the poll's options and a design from her magic link on a phone", async () => {
    const created = expectOk(await t.http<ProductDto>('POST', '/products', { body: productBody(mia.influencerId, { name: 'Phone dress', pollApproval: 'influencer', poll: { ...productBody(mia.influencerId).poll, durationMinutes: 60 } }) }), 201);
    const link = await magicLink(mia.influencerId);
    expect(link.url).toMatch(/\/app\/me#token=/);
    const { page, problems, close } = await openPage(browser, PHONE);
    await page.goto(link.url);
    await page.getByRole('heading', { name: 'Phone dress: the fan poll' }).waitFor();
    expect(page.url()).not.toContain('token');
    await page.getByRole('button', { name: 'Approve the poll' }).tap();
    await eventually('the poll to open', async () => (await product(created.id)).poll.status === 'OPEN');

    // Staff close the poll and submit a design; it waits for her on her page.
    expectOk(await t.http('POST', `/products/${created.id}/poll/close`));
    expectOk(await t.http('POST', `/products/${created.id}/designs`, { body: { title: 'Wrap, v1', description: 'Short sleeves' } }));
    await page.reload();
    const heading = page.getByRole('heading', { name: 'Phone dress: design round 1' });
    await heading.waitFor();
    // Asking for changes needs feedback; the page says so before sending anything.
    await page.getByRole('button', { name: 'Request changes' }).tap();
    await page.getByText('Say what should change first.').waitFor();
    await page.getByLabel('What should change?').fill('Longer sleeves, please');
    await page.getByRole('button', { name: 'Request changes' }).tap();
    await eventually('her feedback on round 1', async () => (await product(created.id)).designs[0]?.feedback === 'Longer sleeves, please');

    const photo = expectOk(await uploadImage(t, created.id, await picture(1600, 1200, '#5b8fd0').jpeg().toBuffer(), 'image/jpeg', { purpose: 'design' }), 201);
    expectOk(await t.http('POST', `/products/${created.id}/designs`, { body: { title: 'Wrap, v2', description: 'Long sleeves', imageUrls: [photo.urls.display] } }));
    await page.reload();
    await page.getByRole('heading', { name: 'Phone dress: design round 2' }).waitFor();
    // Her design full-width: the picture spans the card from edge to edge (the page keeps a 12 px margin) and has loaded.
    const image = page.locator('.images img').first();
    await expectLoaded(image);
    expect((await image.boundingBox())!.width).toBeGreaterThanOrEqual(390 - 2 * 12);
    // Big enough to tap: the approve button is at least 48 CSS pixels tall and spans the card.
    const box = (await page.getByRole('button', { name: 'Approve this design' }).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
    expect(box.width).toBeGreaterThan(300);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'phone-page');
    await page.getByRole('button', { name: 'Approve this design' }).tap();
    await eventually('the design approved (SAMPLING)', async () => (await product(created.id)).stage === 'SAMPLING');

    // A launch announcement waits for her: she edits the headline and approves it.
    const launching = await createProduct(t, mia.influencerId, { name: 'Launch dress' });
    await driveToLaunch(t, mia, launching, 3 * DAY);
    await page.reload();
    await page.getByRole('heading', { name: 'Launch dress: the launch announcement' }).waitFor();
    await page.getByLabel('Headline').fill('Our linen dress is here');
    await page.getByRole('button', { name: 'Approve this announcement' }).tap();
    await page.getByText('Nothing waits for you right now').waitFor();
    const announcement = expectOk(await t.http<LaunchAnnouncementDto>('GET', `/products/${launching}/launch-announcement`));
    expect({ status: announcement.status, title: announcement.text.title }).toEqual({ status: 'approved', title: 'Our linen dress is here' });
    expect(problems).toEqual([]);
    await close();
  });

  it('shows her page in Simplified Chinese when that is her language, and she approves in it', async () => {
    const lin = await castInfluencer(t, 'pages.lin');
    expectOk(await t.http('PATCH', `/influencers/${lin.influencerId}/contact`, { body: { language: 'zh-CN' } }));
    const created = expectOk(await t.http<ProductDto>('POST', '/products', { body: productBody(lin.influencerId, { name: 'Qipao dress', pollApproval: 'influencer', poll: { ...productBody(lin.influencerId).poll, durationMinutes: 60 } }) }), 201);
    const link = await magicLink(lin.influencerId);
    // The browser itself asks for English: her own language wins.
    const { page, problems, close } = await openPage(browser, { ...PHONE, locale: 'en-US' });
    await page.goto(link.url);
    await page.getByText('待你处理：1 件').waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '批准投票' }).tap();
    await eventually('the poll to open', async () => (await product(created.id)).poll.status === 'OPEN');
    expect(problems).toEqual([]);
    await close();
  });

  it("refuses an expired, a revoked and another influencer's link", async () => {
    const created = expectOk(await t.http<ProductDto>('POST', '/products', { body: productBody(mia.influencerId, { name: 'Guarded dress', pollApproval: 'influencer', poll: { ...productBody(mia.influencerId).poll, durationMinutes: 60 } }) }), 201);
    const refusedSession = (status: number, path: string) => status === 401 && (path === '/auth/sessions' || path === '/auth/session');

    // Expired: the link's time has passed (set in its row, as the clock would).
    const expired = await magicLink(mia.influencerId);
    await t.db.dataSource.query(`UPDATE magic_links SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    const a = await openPage(browser, PHONE, refusedSession);
    await a.page.goto(expired.url);
    await a.page.getByRole('alert').getByText(/expired/i).waitFor();
    await a.page.getByText('Ask the incubator team for a new link.').waitFor();
    expect(await a.page.getByRole('button', { name: 'Approve the poll' }).count()).toBe(0);
    expect(a.problems).toEqual([]);
    await a.close();

    // Revoked: staff took it back.
    const revoked = await magicLink(mia.influencerId);
    expectOk(await t.http('POST', `/influencers/${mia.influencerId}/magic-links/${revoked.id}/revoke`, { body: {} }), 200);
    const b = await openPage(browser, PHONE, refusedSession);
    await b.page.goto(revoked.url);
    await b.page.getByRole('alert').getByText(/not valid|revoked/i).waitFor();
    expect(b.problems).toEqual([]);
    await b.close();

    // Another influencer's link opens her own page only: Mia's poll is not there, and acting on it is refused.
    const leos = await magicLink(leo.influencerId);
    const c = await openPage(browser, PHONE, (status, path) => status === 403 && path === `/products/${created.id}/poll/approve`);
    await c.page.goto(leos.url);
    await c.page.getByText('Nothing waits for you right now').waitFor();
    expect(await c.page.getByText('Guarded dress').count()).toBe(0);
    const status = await c.page.evaluate<number, string>(async (id) => {
      const session = await (await fetch('/auth/session')).json() as { csrfToken: string };
      const res = await fetch(`/products/${id}/poll/approve`, { method: 'POST', headers: { 'x-csrf-token': session.csrfToken } });
      return res.status;
    }, created.id);
    expect(status).toBe(403);
    expect((await product(created.id)).poll.status).toBe('DRAFT');
    expect(c.problems).toEqual([]);
    await c.close();
  });

  it('serves the pages with immutable hashed assets, a no-cache index for every client route, under the CSP', async () => {
    const index = await fetch(`${t.engine.apiUrl}/app/products/p-anything`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    const html = await index.text();
    const script = /src="(\/app\/assets\/main-[A-Z0-9]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${t.engine.apiUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await fetch(`${t.engine.apiUrl}/app/assets/..%2Findex.html`)).status).toBe(404);
  });
});
