// A full run of the real engine process at the most verbose log level: no API key, webhook secret,
// signature, magic link, session cookie or CSRF token, or the secrets key may appear in anything it writes (the first staff key is shown once, on
// its own banner line, by design), nor in any answer after the one that created it.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { productWorkflowId } from '../../libs/domain';
import type { InfluencerDto, IssuedApiKeyDto, IssuedMagicLinkDto, IssuedChannelDto, IssuedContactDto, IssuedStaffMemberDto, IssuedWebhookSourceDto, ProductDto } from '../support/api-types';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';
import { call, openSession, tokenOf } from '../support/sessions';
import { recordAttacks } from './e2e-helpers';

jest.setTimeout(120_000);

describe('secrets stay out of logs and later answers', () => {
  const leaks = recordAttacks('secrets looked for in trace logs and later answers');
  let e: EngineProcess & { cleanup(): Promise<void> };
  const answers: string[] = [];

  beforeAll(async () => {
    e = await startEngineProcess({ LOG_LEVEL: 'trace' });
  });
  afterAll(() => e?.cleanup());

  it('never writes a secret to the logs, and answers show each only when it is created', async () => {
    const secrets: string[] = [e.staffKey, e.secretsKey];
    const created: string[] = [];

    const influencer = (await e.http<InfluencerDto>('POST', '/influencers', { body: { handle: 'mia', displayName: 'Mia' } })).body;
    const issued = await e.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'influencer', influencerId: influencer.id, label: 'phone' } });
    const influencerKey = issued.body.key;
    secrets.push(influencerKey);
    created.push(issued.text);
    // A presented key that is wrong is a secret too (someone's typo of a real one).
    const wrongKey = `${influencerKey.slice(0, -4)}AAAA`;
    secrets.push(wrongKey);
    expect((await e.http('GET', '/products', { key: wrongKey })).status).toBe(401);
    expect((await e.http('GET', '/products', { key: null, headers: { 'x-api-key': influencerKey } })).status).toBe(200);

    // A webhook channel (its secret is shown once) and a log channel: the product's updates are signed and
    // posted by the worker; the signatures the receiver gets are secrets too.
    const signatures: string[] = [];
    // Receivers' URLs carry tokens in the path and query: only the host may show.
    const urlTokens = [randomBytes(16).toString('hex'), randomBytes(16).toString('hex')];
    secrets.push(...urlTokens);
    const receiver = createServer((req, res) => {
      signatures.push(String(req.headers['webhook-signature']).slice(3));
      req.resume();
      req.on('end', () => res.writeHead(200).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const channel = await e.http<IssuedChannelDto>('POST', `/influencers/${influencer.id}/channels`, {
      body: { kind: 'webhook', name: 'scheduler', url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook/${urlTokens[0]}?token=${urlTokens[1]}` },
    });
    created.push(channel.text);
    const channelSecret = channel.body.secret;
    if (!channelSecret) throw new Error(`${channel.request} answered without the channel's signing secret: ${channel.text}`);
    secrets.push(channelSecret);
    await e.http('POST', `/influencers/${influencer.id}/channels`, { body: { kind: 'log', name: 'staff log' } });

    // People's contact webhooks: a staff member's and the influencer's own (set through her key); their
    // signing secrets are shown once, their URLs' tokens never.
    const contactTokens = [randomBytes(16).toString('hex'), randomBytes(16).toString('hex')];
    secrets.push(...contactTokens);
    const member = await e.http<IssuedStaffMemberDto>('POST', '/staff-members', {
      body: { name: 'Anna', email: 'anna@incubator.example', preferredChannel: 'webhook', webhookUrl: `http://127.0.0.1:9/anna/${contactTokens[0]}` },
    });
    created.push(member.text);
    const contact = await e.http<IssuedContactDto>('PATCH', '/influencers/me/contact', {
      key: influencerKey,
      body: { email: 'mia@studio.example', preferredChannel: 'webhook', webhookUrl: `http://127.0.0.1:9/mia?token=${contactTokens[1]}` },
    });
    created.push(contact.text);
    if (!member.body.webhookSecret || !contact.body.webhookSecret) throw new Error(`contact webhooks answered without their secrets: ${member.text} ${contact.text}`);
    secrets.push(member.body.webhookSecret, contact.body.webhookSecret);

    // Signing in: a magic link (shown once), the session it opens (its cookie and CSRF token), a mistyped link, and
    // a staff member's sign-in link (no SMTP server here: the outbox copy, without the link).
    const magic = await e.http<IssuedMagicLinkDto>('POST', `/influencers/${influencer.id}/magic-links`, { body: {} });
    created.push(magic.text);
    const magicToken = tokenOf(magic.body.url);
    const mistyped = `${magicToken.slice(0, -4)}AAAA`;
    secrets.push(magicToken, mistyped);
    expect((await call(e.apiUrl, 'POST', '/auth/sessions', { body: { token: mistyped } })).status).toBe(401);
    const session = await openSession(e.apiUrl, magicToken);
    created.push(session.answer.text);
    secrets.push(session.cookie.slice('ie_session='.length), session.session.csrfToken);
    expect((await call(e.apiUrl, 'GET', '/products', { cookie: session.cookie })).status).toBe(200);
    expect((await call(e.apiUrl, 'PATCH', '/influencers/me/contact', { cookie: session.cookie, body: { timeZone: 'Asia/Shanghai' } })).status).toBe(403);
    expect((await call(e.apiUrl, 'PATCH', '/influencers/me/contact', { cookie: session.cookie, csrf: session.session.csrfToken, body: { timeZone: 'Asia/Shanghai' } })).status).toBe(200);
    expect((await call(e.apiUrl, 'POST', '/auth/sign-in-links', { body: { email: 'anna@incubator.example' } })).status).toBe(202);

    const product = (await e.http<ProductDto>('POST', '/products', {
      body: { name: 'Dress', influencerId: influencer.id, targetKeyword: 'dress', pollApproval: 'none', poll: { question: 'Which?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], durationMinutes: 60, minVotes: 0 } },
    })).body;
    const registered = await e.http<IssuedWebhookSourceDto>('POST', '/webhook-sources', { body: { name: 'Weibo', platform: 'weibo' } });
    const source = registered.body;
    created.push(registered.text);
    const rotated = await e.http<IssuedWebhookSourceDto>('POST', `/webhook-sources/${source.id}/rotate-secret`);
    created.push(rotated.text);
    const newSecret = rotated.body.secret;
    secrets.push(source.secret, newSecret);

    for (const [i, secret] of [source.secret, newSecret, `whsec_${Buffer.alloc(32, 7).toString('base64')}`].entries()) {
      const body = JSON.stringify({ productId: product.id, optionId: 'a', voter: { platform: 'weibo', userId: `fan-${i}` }, occurredAt: new Date().toISOString() });
      const at = new Date();
      const signature = new Webhook(secret).sign(`msg_${i}`, at, body);
      secrets.push(signature.slice(3));
      await e.http('POST', `/webhooks/votes/${source.id}`, {
        key: null,
        rawBody: body,
        headers: { 'webhook-id': `msg_${i}`, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature },
      });
    }
    await e.http('POST', `/products/${product.id}/poll/close`, { body: {} });
    await e.http('POST', `/products/${product.id}/cancel`, { body: { reason: 'log scan' } });
    for (let i = 0; i < 200 && signatures.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(signatures.length).toBeGreaterThanOrEqual(2); // poll opened and poll result, signed
    secrets.push(...signatures);
    receiver.close();

    // Later answers that describe keys and sources.
    for (const path of [
      '/api-keys',
      '/webhook-sources',
      `/webhook-sources/${source.id}`,
      `/products/${product.id}`,
      `/products/${product.id}/timeline`,
      '/influencers',
      `/influencers/${influencer.id}/channels`,
      `/products/${product.id}/social-updates`,
      `/products/${product.id}/deliveries`,
      '/staff-members',
      `/staff-members/${member.body.id}`,
      `/influencers/${influencer.id}/magic-links`,
      '/notifications',
    ]) {
      answers.push((await e.http('GET', path)).text);
    }
    answers.push((await e.http('GET', '/influencers/me/contact', { key: influencerKey })).text);

    expect(await e.stop('SIGTERM')).toBe(0);
    const output = e.output();
    // Something was logged (trace level): the scan is not vacuous.
    expect(output).toContain('"url":"/webhooks/votes/');
    expect(output).toContain('request completed');
    expect(output).toContain('"msg":"social update"'); // the log channel wrote the updates
    // Lines name the workflow they are about: a product action's request line its product's workflow, the
    // log channel's line the delivery workflow and activity that wrote it.
    const lines = output.split('\n');
    const closeLine = lines.find((l) => l.includes(`"url":"/products/${product.id}/poll/close"`) && l.includes('request completed'));
    expect(closeLine).toContain(`"workflowId":"${productWorkflowId(product.id)}"`);
    const channelLine = lines.find((l) => l.includes('"msg":"social update"'));
    expect(channelLine).toMatch(/"workflowId":"[^"]+","runId":"[^"]+","activity":"sendDelivery"/);

    const banner = `Staff API key (shown once, store it now): ${e.staffKey}`;
    const logs = output.replace(banner, '[the first-start banner]');
    // Each secret's distinctive tail (the shortest part that is still unguessable).
    const marks = secrets.map((s) => s.slice(-20));
    // One leak check per secret and place: the row counts how many were looked for and found.
    for (const [i, m] of marks.entries()) {
      leaks.leaked(logs.includes(m) ? [`secret ${i} in the logs`] : []);
      leaks.leaked(answers.some((a) => a.includes(m)) ? [`secret ${i} in a later answer`] : []);
    }
    expect(marks.length).toBeGreaterThan(4);
    // The answers that created them did carry them, once.
    expect(created.every((text) => secrets.some((s) => text.includes(s)))).toBe(true);
  });
});
