// Signing in through HTTP on the real stack, with a real SMTP server process: a staff member's one-time
// sign-in link is mailed, exchanged once for the ie_session cookie (HttpOnly, Secure, SameSite=Strict) that
// works on staff routes, with the CSRF token on every unsafe request; signing out, expiry and disabling end it;
// an influencer's magic link (issued by staff, or carried by her design-review mail) opens a session kept to her
// own products until it is revoked or expires; unknown addresses get the same answer and no mail; sign-in
// routes are rate limited per client address.
import type { IssuedMagicLinkDto, IssuedStaffMemberDto, MagicLinkDto, NotificationDto, ProductDto, SessionDto, TimelineDto } from '../support/api-types';
import { advanceTo, castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { call, linkIn, openSession, tokenOf, type OpenedSession } from '../support/sessions';
import { startSmtpSink, type SmtpSink } from '../support/smtp';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { expectError, expectOk, recordAttacks } from './e2e-helpers';

jest.setTimeout(120_000);

const forged = recordAttacks('forged, used, expired and revoked sign-in and magic-link tokens');
const csrf = recordAttacks('cookie-authenticated requests without the CSRF token, with a wrong one, or from a foreign origin');

/** Asks for a sign-in link for `email` and answers the link the mail carries (the newest to that address). */
async function mailedSignInLink(t: TestEngine, smtp: SmtpSink, email: string): Promise<string> {
  const address = email.toLowerCase();
  const before = smtp.to(address).length;
  const asked = await call<{ message: string }>(t.engine.apiUrl, 'POST', '/auth/sign-in-links', { body: { email } });
  expect(asked.status).toBe(202);
  const mail = await eventually(`the sign-in mail to ${address}`, () => smtp.to(address)[before]);
  return linkIn(mail.text, '/app/sign-in');
}

describe('signing in', () => {
  let t: TestEngine;
  let smtp: SmtpSink;
  let anna: IssuedStaffMemberDto;
  let mia: Cast;
  let leo: Cast;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestEngine({ SMTP_URL: smtp.url, AUTH_RATE_LIMIT: '40', SIGN_IN_EMAIL_LIMIT: '8', PUBLIC_BASE_URL: 'http://127.0.0.1:9999/' });
    anna = expectOk(await t.http<IssuedStaffMemberDto>('POST', '/staff-members', { body: { name: 'Anna Li', email: 'anna@incubator.example', language: 'zh-CN' } }), 201);
    mia = await castInfluencer(t, 'session-mia');
    leo = await castInfluencer(t, 'session-leo');
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
  });
  const api = () => t.engine.apiUrl;

  it('mails a one-time sign-in link and exchanges it for a secure cookie session that works on staff routes', async () => {
    const link = await mailedSignInLink(t, smtp, 'Anna@Incubator.example');
    // PUBLIC_BASE_URL decides where links point (never the request's Host); the token travels in the fragment.
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:9999\/app\/sign-in#token=[A-Za-z0-9_-]{43}$/);
    const mail = smtp.to('anna@incubator.example')[0];
    expect(mail.subject).toBe('登录孵化器引擎');

    const opened = await openSession(api(), tokenOf(link));
    expect(opened.session).toEqual({
      role: 'staff',
      staffMemberId: anna.id,
      influencerId: null,
      name: 'Anna Li',
      language: 'zh-CN',
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as string,
      expiresAt: expect.any(String) as string,
    });
    // 12 hours by default.
    expect(Date.parse(opened.session.expiresAt) - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    const attributes = opened.setCookie.split(';').map((a) => a.trim());
    expect(attributes[0]).toMatch(/^ie_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes.slice(1)).toEqual(expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']));
    expect(Number(attributes.find((a) => a.startsWith('Max-Age='))?.slice(8))).toBeGreaterThan(43_000);

    expect(expectOk(await call<SessionDto>(api(), 'GET', '/auth/session', { cookie: opened.cookie }))).toEqual(opened.session);
    expectOk(await call(api(), 'GET', '/staff-members', { cookie: opened.cookie }));
    // The key routes take the cookie too; the guard names the person.
    const created = expectOk(await call<ProductDto>(api(), 'POST', '/products', { cookie: opened.cookie, csrf: opened.session.csrfToken, body: { name: 'Cookie dress', influencerId: mia.influencerId, targetKeyword: 'cookie dress', pollApproval: 'none', poll: { question: 'Which?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], durationMinutes: 60, minVotes: 0 } } }), 201);
    // What she does is hers: the actor's label is her name.
    const [first] = await eventually('the product\'s timeline', async () => {
      const events = expectOk(await t.http<TimelineDto>('GET', `/products/${created.id}/timeline`)).events;
      return events.length > 0 ? events : undefined;
    });
    expect(first.actor).toMatchObject({ kind: 'staff', label: 'Anna Li' });

    // Used once: the same link is refused, saying so.
    forged.refused(await call(api(), 'POST', '/auth/sessions', { body: { token: tokenOf(link) } }), [401], { message: 'used already' });
    // The copy of the mail staff can read leaves the link out.
    const [kept] = expectOk(await t.http<NotificationDto[]>('GET', `/notifications?recipientId=${anna.id}`));
    expect(kept).toMatchObject({ kind: 'auth.sign_in_link', channel: 'email', status: 'sent', subject: '登录孵化器引擎' });
    expect(kept.body).not.toContain(tokenOf(link));
    expect(kept.body).not.toContain('#token=');
  });

  it('refuses an unsafe cookie request without the CSRF token, with a wrong one or from a foreign origin, and accepts it with the token', async () => {
    const s = await openSession(api(), tokenOf(await mailedSignInLink(t, smtp, 'anna@incubator.example')));
    const change = { body: { timeZone: 'Asia/Shanghai' }, cookie: s.cookie };
    csrf.refused(await call(api(), 'PATCH', `/influencers/${mia.influencerId}/contact`, change), [403], { message: 'CSRF token missing or wrong' });
    csrf.refused(await call(api(), 'PATCH', `/influencers/${mia.influencerId}/contact`, { ...change, csrf: 'A'.repeat(43) }), [403], { message: 'CSRF token missing or wrong' });
    // Another session's token is not this one's.
    const other = await openSession(api(), tokenOf(await mailedSignInLink(t, smtp, 'anna@incubator.example')));
    csrf.refused(await call(api(), 'PATCH', `/influencers/${mia.influencerId}/contact`, { ...change, csrf: other.session.csrfToken }), [403], { message: 'CSRF token missing or wrong' });
    csrf.refused(await call(api(), 'PATCH', `/influencers/${mia.influencerId}/contact`, { ...change, csrf: s.session.csrfToken, headers: { origin: 'https://evil.example' } }), [403], { message: 'origin https://evil.example' });
    // A foreign page cannot sign someone in either (login CSRF).
    csrf.refused(await call(api(), 'POST', '/auth/sessions', { body: { token: 'A'.repeat(43) }, headers: { origin: 'https://evil.example' } }), [403]);
    // The right token, from the API's own origin or with no Origin at all: done.
    expectOk(await call(api(), 'PATCH', `/influencers/${mia.influencerId}/contact`, { ...change, csrf: s.session.csrfToken, headers: { origin: api() } }));
    expectOk(await call(api(), 'PATCH', `/influencers/${mia.influencerId}/contact`, { ...change, csrf: s.session.csrfToken }));
    // Reads need no token; API keys need none either.
    expectOk(await call(api(), 'GET', `/influencers/${mia.influencerId}`, { cookie: s.cookie }));
    expectOk(await t.http('PATCH', `/influencers/${mia.influencerId}/contact`, { body: { timeZone: 'UTC' } }));
  });

  it('signs out: the session ends on the server and the cookie is cleared', async () => {
    const s = await openSession(api(), tokenOf(await mailedSignInLink(t, smtp, 'anna@incubator.example')));
    csrf.refused(await call(api(), 'DELETE', '/auth/session', { cookie: s.cookie }), [403], { message: 'CSRF' });
    const out = await call(api(), 'DELETE', '/auth/session', { cookie: s.cookie, csrf: s.session.csrfToken });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().find((c) => c.startsWith('ie_session='))).toMatch(/^ie_session=;.*Max-Age=0/);
    // The old cookie, kept by a careless client, opens nothing.
    expectError(await call(api(), 'GET', '/auth/session', { cookie: s.cookie }), 401, { message: 'expired or ended' });
    expectError(await call(api(), 'GET', '/staff-members', { cookie: s.cookie }), 401);
    // An API key is not a session.
    expectError(await t.http('GET', '/auth/session'), 401, { message: 'no session' });
  });

  it('refuses a disabled staff member\'s session at once, and her sign-in links; enabled again, her session works', async () => {
    const bo = expectOk(await t.http<IssuedStaffMemberDto>('POST', '/staff-members', { body: { name: 'Bo', email: 'bo@incubator.example' } }), 201);
    const s = await openSession(api(), tokenOf(await mailedSignInLink(t, smtp, 'bo@incubator.example')));
    const unused = await mailedSignInLink(t, smtp, 'bo@incubator.example');
    expectOk(await call(api(), 'GET', '/auth/session', { cookie: s.cookie }));
    expectOk(await t.http('POST', `/staff-members/${bo.id}/disable`, { body: {} }));
    expectError(await call(api(), 'GET', '/products', { cookie: s.cookie }), 401);
    forged.refused(await call(api(), 'POST', '/auth/sessions', { body: { token: tokenOf(unused) } }), [401], { message: 'not valid' });
    expectOk(await t.http('POST', `/staff-members/${bo.id}/enable`, { body: {} }));
    expectOk(await call(api(), 'GET', '/products', { cookie: s.cookie }));
  });

  it('answers an unknown or disabled address exactly like a known one, and mails nothing to it', async () => {
    const cy = expectOk(await t.http<IssuedStaffMemberDto>('POST', '/staff-members', { body: { name: 'Cy', email: 'cy@incubator.example' } }), 201);
    expectOk(await t.http('POST', `/staff-members/${cy.id}/disable`, { body: {} }));
    const annasBefore = smtp.to('anna@incubator.example').length;
    const unknown = await call<{ message: string }>(api(), 'POST', '/auth/sign-in-links', { body: { email: 'nobody@incubator.example' } });
    const disabled = await call<{ message: string }>(api(), 'POST', '/auth/sign-in-links', { body: { email: 'cy@incubator.example' } });
    const known = await call<{ message: string }>(api(), 'POST', '/auth/sign-in-links', { body: { email: 'anna@incubator.example' } });
    for (const answer of [unknown, disabled, known]) expect({ status: answer.status, body: answer.body }).toEqual({ status: 202, body: known.body });
    expect(known.body.message).toContain('valid for 15 minutes');
    // The requests are handled in order: once Anna's (the last) is mailed, the others would have been too.
    await eventually('Anna\'s new sign-in mail', () => smtp.to('anna@incubator.example').length > annasBefore);
    expect(smtp.to('nobody@incubator.example')).toEqual([]);
    expect(smtp.to('cy@incubator.example')).toEqual([]);
    expectError(await call(api(), 'POST', '/auth/sign-in-links', { body: { email: 42 } }), 422, { fields: ['email'] });
  });

  it('mails one address at most SIGN_IN_EMAIL_LIMIT links an hour, still answering 202', async () => {
    expectOk(await t.http('POST', '/staff-members', { body: { name: 'Dee', email: 'dee@incubator.example' } }), 201);
    for (let i = 0; i < 10; i++) expect((await call(api(), 'POST', '/auth/sign-in-links', { body: { email: 'dee@incubator.example' } })).status).toBe(202);
    await eventually('eight mails to Dee', () => smtp.to('dee@incubator.example').length >= 8);
    // A later request for someone else is mailed: Dee's ninth and tenth were not.
    await mailedSignInLink(t, smtp, 'anna@incubator.example');
    expect(smtp.to('dee@incubator.example')).toHaveLength(8);
  });

  it('opens an influencer\'s session with the magic link staff issued, kept to her own products, until staff revoke it', async () => {
    const mine = await createProduct(t, mia.influencerId);
    const theirs = await createProduct(t, leo.influencerId);
    const issued = expectOk(await t.http<IssuedMagicLinkDto>('POST', `/influencers/${mia.influencerId}/magic-links`, { body: {} }), 201);
    expect(issued.url).toMatch(/^http:\/\/127\.0\.0\.1:9999\/app\/me#token=[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const s = await openSession(api(), tokenOf(issued.url));
    expect(s.session).toMatchObject({ role: 'influencer', influencerId: mia.influencerId, staffMemberId: null, name: 'session-mia', language: 'en' });
    // Reusable until it expires: a second phone opens a second session.
    const second = await openSession(api(), tokenOf(issued.url));

    expect(expectOk(await call<ProductDto>(api(), 'GET', `/products/${mine}`, { cookie: s.cookie })).id).toBe(mine);
    expectError(await call(api(), 'GET', `/products/${theirs}`, { cookie: s.cookie }), 403, { message: 'another influencer' });
    expectError(await call(api(), 'GET', '/staff-members', { cookie: s.cookie }), 403);
    expectError(await call(api(), 'POST', `/influencers/${mia.influencerId}/magic-links`, { cookie: s.cookie, csrf: s.session.csrfToken, body: {} }), 403);
    // Her own details, changed with the CSRF token.
    expectOk(await call(api(), 'PATCH', '/influencers/me/contact', { cookie: s.cookie, csrf: s.session.csrfToken, body: { language: 'zh-CN' } }));

    const listed = expectOk(await t.http<MagicLinkDto[]>('GET', `/influencers/${mia.influencerId}/magic-links`));
    expect(listed.find((l) => l.id === issued.id)).toMatchObject({ status: 'active', revokedAt: null, issuedBy: expect.stringMatching(/^staff:/) as string });
    expect(JSON.stringify(listed)).not.toContain(tokenOf(issued.url));

    const revoked = expectOk(await t.http<MagicLinkDto>('POST', `/influencers/${mia.influencerId}/magic-links/${issued.id}/revoke`, { body: {} }));
    expect(revoked).toMatchObject({ id: issued.id, status: 'revoked', revokedAt: expect.any(String) as string });
    // Every session it opened ends at once; the link opens nothing more.
    expectError(await call(api(), 'GET', `/products/${mine}`, { cookie: s.cookie }), 401);
    expectError(await call(api(), 'GET', '/auth/session', { cookie: second.cookie }), 401);
    forged.refused(await call(api(), 'POST', '/auth/sessions', { body: { token: tokenOf(issued.url) } }), [401], { message: 'revoked' });
    // Another influencer's links are not hers to revoke, nor unknown ones.
    expectError(await t.http('POST', `/influencers/${leo.influencerId}/magic-links/${issued.id}/revoke`, { body: {} }), 404);
  });

  it('carries a working magic link in the influencer\'s design-review mail, not in the stored copy', async () => {
    const nia = await castInfluencer(t, 'session-nia');
    expectOk(await t.http('PATCH', `/influencers/${nia.influencerId}/contact`, { body: { email: 'nia@studio.example' } }));
    const productId = await createProduct(t, nia.influencerId);
    await advanceTo(t, nia, productId, 'DESIGN');
    expectOk(await t.http<ProductDto>('POST', `/products/${productId}/designs`, { body: { title: 'Linen v1', description: 'first' } }));
    const mail = await eventually('the design-review mail', () => smtp.to('nia@studio.example').find((m) => m.text.includes(productId)));
    expect(mail.subject).toBe('Design 1 of Summer dress waits for your review');
    const link = linkIn(mail.text, '/app/me');
    expect(link.startsWith('http://127.0.0.1:9999/app/me#token=')).toBe(true);
    const s = await openSession(api(), tokenOf(link));
    expect(s.session).toMatchObject({ role: 'influencer', influencerId: nia.influencerId });
    expect(expectOk(await call<ProductDto>(api(), 'GET', `/products/${productId}`, { cookie: s.cookie })).stage).toBe('DESIGN');
    // She reviews from her phone.
    expectOk(await call(api(), 'POST', `/products/${productId}/designs/1/review`, { cookie: s.cookie, csrf: s.session.csrfToken, body: { decision: 'APPROVE' } }));
    // Staff see the notification's words with the link's place marked, and the link among hers (never its token).
    const [kept] = expectOk(await t.http<NotificationDto[]>('GET', `/notifications?recipientId=${nia.influencerId}&productId=${productId}`));
    expect(kept.body).toContain('{{magic-link}}');
    expect(kept.body).not.toContain(tokenOf(link));
    const links = expectOk(await t.http<MagicLinkDto[]>('GET', `/influencers/${nia.influencerId}/magic-links`));
    expect(links).toEqual([expect.objectContaining({ status: 'active', issuedBy: `notification:${kept.id}` })]);
  });

  it('refuses made-up and malformed tokens with 401 or 422, never opening a session', async () => {
    for (const token of ['A'.repeat(43), 'short', `${'B'.repeat(42)}=`]) forged.refused(await call(api(), 'POST', '/auth/sessions', { body: { token } }), [401], { message: 'not valid' });
    expectError(await call(api(), 'POST', '/auth/sessions', { body: {} }), 422, { fields: ['token'] });
    // A made-up cookie is no session.
    forged.refused(await call(api(), 'GET', '/products', { cookie: `ie_session=${'C'.repeat(43)}` }), [401]);
  });

  it('answers 429 with Retry-After when one address tries too many tokens', async () => {
    const answers = [];
    for (let i = 0; i < 45; i++) answers.push(await call(api(), 'POST', '/auth/sessions', { body: { token: 'D'.repeat(43) } }));
    const limited = answers.filter((a) => a.status === 429);
    forged.checked(limited.length > 0, `${limited.length} of 45 guesses answered 429`);
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    expectError(limited[0], 429, { code: 'RATE_LIMITED' });
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('sessions and links that expire', () => {
  let t: TestEngine;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    // Long enough for a link to be mailed and used on a loaded machine, short enough to wait out.
    t = await startTestEngine({ SMTP_URL: smtp.url, SIGN_IN_LINK_TTL: '8s', STAFF_SESSION_TTL: '3s', MAGIC_LINK_TTL: '8s', INFLUENCER_SESSION_TTL: '1h' });
    expectOk(await t.http('POST', '/staff-members', { body: { name: 'Eve', email: 'eve@incubator.example' } }), 201);
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
  });
  const api = () => t.engine.apiUrl;
  /** Whether PostgreSQL's clock has passed every sign-in token's expiry (read only: presenting a token would use it). */
  const tokensExpired = async () => (await t.db.dataSource.query<{ live: string }[]>(`SELECT count(*) AS live FROM sign_in_tokens WHERE expires_at > now()`))[0].live === '0';

  it('refuses an expired sign-in link, saying it expired', async () => {
    const link = await mailedSignInLink(t, smtp, 'eve@incubator.example');
    await eventually('the sign-in link to expire', tokensExpired);
    forged.refused(await call(api(), 'POST', '/auth/sessions', { body: { token: tokenOf(link) } }), [401], { message: 'expired' });
  });

  it('ends a staff session when it expires', async () => {
    const s: OpenedSession = await openSession(api(), tokenOf(await mailedSignInLink(t, smtp, 'eve@incubator.example')));
    expect(Date.parse(s.session.expiresAt) - Date.now()).toBeLessThanOrEqual(3_000);
    expectOk(await call(api(), 'GET', '/auth/session', { cookie: s.cookie }));
    await eventually('the session to expire', async () => (await call(api(), 'GET', '/auth/session', { cookie: s.cookie })).status === 401, 30_000);
    expectError(await call(api(), 'GET', '/products', { cookie: s.cookie }), 401, { message: 'expired or ended' });
  });

  it('ends an influencer\'s session with her magic link\'s expiry, and refuses the expired link', async () => {
    const ola = await castInfluencer(t, 'expiry-ola');
    const issued = expectOk(await t.http<IssuedMagicLinkDto>('POST', `/influencers/${ola.influencerId}/magic-links`, { body: {} }), 201);
    const s = await openSession(api(), tokenOf(issued.url));
    // INFLUENCER_SESSION_TTL is an hour; the link's expiry comes first.
    expect(s.session.expiresAt).toBe(issued.expiresAt);
    expectOk(await call(api(), 'GET', '/products', { cookie: s.cookie }));
    await eventually('her session to end with the link', async () => (await call(api(), 'GET', '/auth/session', { cookie: s.cookie })).status === 401, 30_000);
    forged.refused(await call(api(), 'POST', '/auth/sessions', { body: { token: tokenOf(issued.url) } }), [401], { message: 'expired' });
    expect(expectOk(await t.http<MagicLinkDto[]>('GET', `/influencers/${ola.influencerId}/magic-links`))[0].status).toBe('expired');
  });
});
