// Channel URLs are the influencers' and may point anywhere: a channel that is, or resolves to, a non-public
// address is refused at registration and at every attempt (unless OUTBOUND_ALLOWED_NETWORKS allows it),
// redirects are not followed, answers are read only a few KiB, a 410 or a disabled channel stops
// delivery, and the URL's path and query (tokens) show nowhere. Every receiver here listens on loopback.
import { temporal } from '@temporalio/proto';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliveryWorkflowId } from '../../libs/domain';
import type { ChannelDto, DeliveriesDto, DeliveryDto, IssuedChannelDto } from '../support/api-types';
import { castInfluencer, createProduct } from '../support/product-flow';
import { startReceiver, type Receiver } from '../support/receiver';
import { eventually, startTestEngine, temporalClient, type TestEngine } from '../support/stack';
import { expectError, expectOk, recordAttacks } from './e2e-helpers';

jest.setTimeout(120_000);

const token = () => randomBytes(16).toString('hex');
const ssrf = recordAttacks('channel URLs at loopback, private, link-local, CGNAT, mapped or unspecified addresses');
const redirects = recordAttacks('a receiver redirecting a delivery elsewhere');

/** A loopback server answering each path with a handler of its own; counts the requests per path. */
async function pathServer(answer: (path: string, res: import('node:http').ServerResponse) => void): Promise<{ origin: string; hits: Map<string, number>; server: Server }> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    req.resume();
    req.on('end', () => answer(path, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server };
}

describe('outbound requests with the default configuration (no network allowed)', () => {
  let t: TestEngine;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestEngine({ OUTBOUND_ALLOWED_NETWORKS: '' });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.stop();
  });

  it('refuses to register a channel at a loopback, private, link-local or mapped address, or a name resolving to loopback, with 422 saying why', async () => {
    const cast = await castInfluencer(t, 'ssrf.attempt');
    const channels = `/influencers/${cast.influencerId}/channels`;
    const secret = token();
    const refused: [string, string][] = [
      [`${receiver.origin}/hooks/${secret}`, '127.0.0.1 is a loopback address'],
      ['http://localhost:9/x', 'localhost resolves to'],
      ['http://[::1]:9/x', '::1 is a loopback address'],
      ['http://[::ffff:127.0.0.1]:9/x', 'the IPv4-mapped form of 127.0.0.1) is a loopback address'],
      ['http://10.0.0.5/x', '10.0.0.5 is a private address'],
      ['http://169.254.169.254/latest/meta-data/', 'a link-local address'],
      ['http://100.64.0.1/x', 'a carrier-grade NAT (shared) address'],
      ['http://[fd00::1]/x', 'an IPv6 unique-local address'],
      ['http://0.0.0.0:9/x', 'an unspecified'],
    ];
    for (const [url, why] of refused) {
      const res = await t.http('POST', channels, { body: { kind: 'webhook', name: 'hook', url } });
      ssrf.refused(res, [422], { fields: ['url'], message: why });
      expectError(res, 422, { message: 'OUTBOUND_ALLOWED_NETWORKS' });
      expect(JSON.stringify(res.body)).not.toContain(secret);
    }
    expect(expectOk(await t.http<ChannelDto[]>('GET', channels))).toEqual([]);
    expect(receiver.received).toEqual([]);
  });

  it('refuses a delivery to a channel that now points at loopback, at its first attempt, saying why and without the token', async () => {
    const cast = await castInfluencer(t, 'repointed');
    const channels = `/influencers/${cast.influencerId}/channels`;
    // Registered at a public literal address (no connection is made to register), then re-pointed at the
    // loopback receiver the way a DNS name can be re-pointed after registration.
    const hook = expectOk(await t.http<IssuedChannelDto>('POST', channels, { body: { kind: 'webhook', name: 'hook', url: 'http://93.184.215.14/hook' } }), 201);
    const secret = token();
    await t.db.dataSource.query('UPDATE channels SET url = $2 WHERE id = $1', [hook.id, `${receiver.origin}/hooks/${secret}?token=${secret}`]);
    const productId = await createProduct(t, cast.influencerId);
    const failed = await eventually('the refused delivery', async () => {
      const { deliveries } = expectOk(await t.http<DeliveriesDto>('GET', `/products/${productId}/deliveries?status=failed`));
      return deliveries.find((d) => d.channelId === hook.id);
    });
    expect(failed).toMatchObject({ attempts: 1, responseStatus: null });
    expect(failed.lastError).toBe(
      `refused to deliver to ${receiver.origin}/…: 127.0.0.1 is a loopback address; channels reach only public addresses unless OUTBOUND_ALLOWED_NETWORKS allows the network`,
    );
    expect(receiver.received).toEqual([]);
    const listed = expectOk(await t.http<ChannelDto[]>('GET', channels));
    expect(listed.map((c) => c.url)).toEqual([`${receiver.origin}/…`]);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });
});

describe('outbound requests to receivers on an allowed network', () => {
  let t: TestEngine;
  const servers: Server[] = [];
  const receivers: Receiver[] = [];
  beforeAll(async () => {
    t = await startTestEngine({ DELIVERY_MAX_ATTEMPTS: '3', DELIVERY_RETRY_INITIAL: '200ms', DELIVERY_RETRY_MAX_INTERVAL: '300ms', DELIVERY_TIMEOUT: '2s' });
  });
  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
    await Promise.all(receivers.map((r) => r.close()));
    await t?.stop();
  });

  async function webhookTo(handle: string, url: string): Promise<{ influencerId: string; channel: IssuedChannelDto }> {
    const cast = await castInfluencer(t, handle);
    const channel = expectOk(await t.http<IssuedChannelDto>('POST', `/influencers/${cast.influencerId}/channels`, { body: { kind: 'webhook', name: 'hook', url } }), 201);
    return { influencerId: cast.influencerId, channel };
  }

  async function settled(productId: string, channelId: string, status: 'delivered' | 'failed'): Promise<DeliveryDto> {
    return eventually(`the delivery to ${channelId} ${status}`, async () => {
      const { deliveries } = expectOk(await t.http<DeliveriesDto>('GET', `/products/${productId}/deliveries`));
      const d = deliveries.find((x) => x.channelId === channelId);
      return d?.status === status ? d : undefined;
    });
  }

  it('does not follow a redirect: the attempt fails saying so, the target gets nothing, and no token shows in answers or Temporal history', async () => {
    const receiver = await pathServer((path, res) => {
      if (path === '/first') res.writeHead(302, { location: '/second' }).end();
      else res.writeHead(200).end('ok');
    });
    servers.push(receiver.server);
    const secret = token();
    const { influencerId, channel } = await webhookTo('redirected', `${receiver.origin}/first?token=${secret}`);
    expect(channel.url).toBe(`${receiver.origin}/…`);
    expect(JSON.stringify(expectOk(await t.http<ChannelDto[]>('GET', `/influencers/${influencerId}/channels`)))).not.toContain(secret);

    const productId = await createProduct(t, influencerId);
    const failed = await settled(productId, channel.id, 'failed');
    expect(failed.lastError).toBe(`${receiver.origin}/… answered 302; redirect not followed`);
    expect(failed.attempts).toBe(3);
    expect(receiver.hits.get('/first')).toBe(3);
    expect(receiver.hits.get('/second')).toBeUndefined();
    redirects.checked(receiver.hits.get('/second') === undefined, 'the redirect target got no request');

    const client = await temporalClient();
    try {
      const history = await client.workflow.getHandle(deliveryWorkflowId(failed.updateId)).fetchHistory();
      const bytes = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
      expect(bytes.includes('redirect not followed')).toBe(true); // the failure is in it: the scan is not vacuous
      expect(bytes.includes(secret)).toBe(false);
    } finally {
      await client.connection.close();
    }
  });

  it('reads only the start of a 1 MB answer and stores a short excerpt', async () => {
    const receiver = await pathServer((_path, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('y'.repeat(1024 * 1024)));
    servers.push(receiver.server);
    const { influencerId, channel } = await webhookTo('chatty', `${receiver.origin}/hook`);
    const productId = await createProduct(t, influencerId);
    const delivered = await settled(productId, channel.id, 'delivered');
    expect(delivered).toMatchObject({ responseStatus: 200, attempts: 1 });
    expect(delivered.responseBody).toBe('y'.repeat(300));
    const [row] = await t.db.dataSource.query<{ bytes: number }[]>('SELECT octet_length(response_body) AS bytes FROM deliveries WHERE id = $1', [delivered.id]);
    expect(row.bytes).toBe(300);
  });

  it('stops at a 410 Gone without retrying', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const { influencerId, channel } = await webhookTo('gone', receiver.url);
    receiver.setSecret(channel.secret!);
    receiver.failAlways(410);
    const productId = await createProduct(t, influencerId);
    const failed = await settled(productId, channel.id, 'failed');
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(new RegExp(`^${receiver.origin}/… answered 410`));
    expect(receiver.received.filter((r) => r.webhookId === failed.id).map((r) => r.answered)).toEqual([410]);
  });

  it('stops retrying a delivery once its channel is disabled, and makes none to it afterwards', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const { influencerId, channel } = await webhookTo('disabled', receiver.url);
    receiver.setSecret(channel.secret!);
    receiver.failAlways(503);
    receiver.hold();
    const productId = await createProduct(t, influencerId);
    // The first attempt is in flight when staff disable the channel; its 503 would be retried.
    await eventually('the first attempt held by the receiver', () => receiver.held() === 1);
    expectOk(await t.http('POST', `/influencers/${influencerId}/channels/${channel.id}/disable`));
    receiver.release();
    const failed = await settled(productId, channel.id, 'failed');
    expect(failed.attempts).toBe(2);
    expect(failed.lastError).toBe(`channel ${channel.id} is disabled`);
    expect(receiver.received).toHaveLength(1);
    // A later update makes no delivery to the disabled channel.
    expectOk(await t.http('POST', `/products/${productId}/poll/close`));
    await eventually('the poll result update', async () => {
      const { updates } = expectOk(await t.http<{ updates: { event: string }[] }>('GET', `/products/${productId}/social-updates`));
      return updates.some((u) => u.event === 'POLL_RESULT');
    });
    const { deliveries } = expectOk(await t.http<DeliveriesDto>('GET', `/products/${productId}/deliveries`));
    expect(deliveries.map((d) => d.event)).toEqual(['POLL_OPENED']);
    expect(receiver.received).toHaveLength(1);
  });
});
