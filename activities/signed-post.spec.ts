// The one delivery attempt social deliveries and shop events share, against a receiver on 127.0.0.1 only
// (allowed explicitly): signed so a Standard Webhooks receiver verifies it, and every answer classified.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { DeliveryErrorType } from '@app/domain';
import { OutboundGuard, parseNetwork } from '@app/outbound';
import { generateWebhookSecret } from '@app/webhooks';
import { signedGuardedPost, type SignedPost } from './signed-post';

describe('signedGuardedPost', () => {
  let server: Server;
  let origin: string;
  let status = 200;
  const requests: { url: string; headers: Record<string, string>; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({ url: req.url ?? '', headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString() });
        res.writeHead(status, status === 302 ? { location: 'http://127.0.0.1:9/elsewhere' } : {}).end(`answer to ${req.url}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const allowed = new OutboundGuard({ allowedNetworks: [parseNetwork('127.0.0.0/8')] });
  const secret = generateWebhookSecret();
  const post = (over: Partial<SignedPost> = {}): SignedPost => ({
    url: `${origin}/hooks/tok3n-secret-path?key=k3y-secret-value`,
    secrets: [secret],
    messageId: 'msg_1',
    body: '{"type":"reservation.ready"}',
    timeoutMs: 2_000,
    userAgent: 'incubator-engine/test',
    ...over,
  });

  it('posts the body signed under the message id, so the receiver verifies it with the secret', async () => {
    status = 200;
    const result = await signedGuardedPost(allowed, post());
    expect(result).toEqual({ ok: true, httpStatus: 200, body: 'answer to …' });
    const got = requests[requests.length - 1];
    expect(got.headers['user-agent']).toBe('incubator-engine/test');
    expect(got.headers['webhook-id']).toBe('msg_1');
    expect(() => new Webhook(secret).verify(got.body, got.headers)).not.toThrow();
  });

  it('classifies a failing answer: 5xx and redirects retryable, 410 Gone final, the URL named by its host only', async () => {
    const cases: [number, DeliveryErrorType, boolean, string][] = [
      [503, DeliveryErrorType.Rejected, true, `${origin}/… answered 503: answer to …`],
      [302, DeliveryErrorType.Rejected, true, `${origin}/… answered 302; redirect not followed`],
      [410, DeliveryErrorType.Refused, false, `${origin}/… answered 410: answer to …`],
    ];
    for (const [answer, type, retry, error] of cases) {
      status = answer;
      expect(await signedGuardedPost(allowed, post())).toEqual({ ok: false, type, retry, error });
    }
  });

  it('refuses an address the guard does not allow, before any connection, for good', async () => {
    const before = requests.length;
    const result = await signedGuardedPost(new OutboundGuard({ allowedNetworks: [] }), post());
    expect(result).toMatchObject({ ok: false, type: DeliveryErrorType.Refused, retry: false });
    expect(result.ok ? '' : result.error).toContain('refused to deliver to http://127.0.0.1:');
    expect(result.ok ? '' : result.error).not.toContain('tok3n');
    expect(requests.length).toBe(before);
  });

  it('reports a receiver that is not listening as unreachable, to be retried', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await signedGuardedPost(allowed, post({ url: `http://127.0.0.1:${port}/x` }))).toEqual({
      ok: false,
      type: DeliveryErrorType.Unreachable,
      retry: true,
      error: `http://127.0.0.1:${port}/… could not be reached: ECONNREFUSED`,
    });
  });
});
