// The Fastify options the API runs with: the client address believed only through TRUST_PROXY's proxies,
// and a route's own body limit refusing a larger body before it is parsed.
import { loadConfig } from '@app/config';
import Fastify from 'fastify';
import { acceptImageBodies, applyRouteBodyLimits, fastifyOptions } from './http-server';

async function clientAddress(trustProxy: string | undefined, headers: Record<string, string>, remoteAddress = '127.0.0.1'): Promise<string> {
  const app = Fastify(fastifyOptions(loadConfig(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy })));
  app.get('/ip', (req) => ({ ip: req.ip }));
  try {
    const res = await app.inject({ method: 'GET', url: '/ip', headers, remoteAddress });
    return (res.json<{ ip: string }>()).ip;
  } finally {
    await app.close();
  }
}

describe('fastifyOptions', () => {
  const forwarded = { 'x-forwarded-for': '203.0.113.7, 10.0.0.5' };

  it('ignores X-Forwarded-For by default: the client address is the peer', async () => {
    expect(await clientAddress(undefined, forwarded)).toBe('127.0.0.1');
    expect(await clientAddress('false', forwarded)).toBe('127.0.0.1');
  });

  it('believes X-Forwarded-For only as far as TRUST_PROXY says', async () => {
    expect(await clientAddress('true', forwarded)).toBe('203.0.113.7');
    // The compose deployment: the proxy's address is one Docker picks from the private ranges.
    expect(await clientAddress('10.0.0.0/8,172.16.0.0/12,192.168.0.0/16', { 'x-forwarded-for': '203.0.113.7' }, '172.18.0.5')).toBe('203.0.113.7');
    // A trusted proxy at the peer's address, and 10.0.0.0/8 inside: the first untrusted address is the client.
    expect(await clientAddress('127.0.0.1, 10.0.0.0/8', forwarded)).toBe('203.0.113.7');
    // A peer that is not the trusted proxy cannot name the client.
    expect(await clientAddress('10.0.0.0/8', forwarded, '198.51.100.9')).toBe('198.51.100.9');
  });
});

describe('applyRouteBodyLimits', () => {
  it("refuses a body over the route's own limit with 413 without parsing it; other routes keep the server's", async () => {
    const app = Fastify(fastifyOptions(loadConfig({})));
    applyRouteBodyLimits(app);
    let parsed = 0;
    app.addHook('preValidation', async () => {
      parsed += 1;
    });
    app.post('/small', { config: { bodyLimit: 64 } }, () => ({ ok: true }));
    app.post('/large', () => ({ ok: true }));
    try {
      const notJson = `{${'x'.repeat(100)}`;
      expect((await app.inject({ method: 'POST', url: '/small', headers: { 'content-type': 'application/json' }, payload: notJson })).statusCode).toBe(413);
      expect(parsed).toBe(0);
      // Under the limit it is parsed (and refused as bad JSON); the other route reads up to the server's limit.
      expect((await app.inject({ method: 'POST', url: '/small', headers: { 'content-type': 'application/json' }, payload: '{x' })).statusCode).toBe(400);
      expect((await app.inject({ method: 'POST', url: '/large', headers: { 'content-type': 'application/json' }, payload: notJson })).statusCode).toBe(400);
      expect((await app.inject({ method: 'POST', url: '/large', headers: { 'content-type': 'application/json' }, payload: '{"a":1}' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('acceptImageBodies', () => {
  it('hands an @ImageBody route the bytes up to its own limit, and refuses image bodies everywhere else with 415', async () => {
    const app = Fastify(fastifyOptions(loadConfig({})));
    applyRouteBodyLimits(app);
    acceptImageBodies(app);
    app.post('/upload', { config: { bodyLimit: 2048, imageBody: true } }, (req) => ({ buffer: Buffer.isBuffer(req.body), bytes: (req.body as Buffer).length }));
    app.post('/json', () => ({ ok: true }));
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1500)]);
    try {
      const upload = await app.inject({ method: 'POST', url: '/upload', headers: { 'content-type': 'image/png' }, payload: png });
      expect([upload.statusCode, upload.json()]).toEqual([200, { buffer: true, bytes: 1508 }]);
      expect((await app.inject({ method: 'POST', url: '/upload', headers: { 'content-type': 'image/webp' }, payload: Buffer.alloc(4096) })).statusCode).toBe(413);
      const elsewhere = await app.inject({ method: 'POST', url: '/json', headers: { 'content-type': 'image/png' }, payload: png });
      expect([elsewhere.statusCode, elsewhere.json<{ message: string }>().message]).toEqual([415, 'this route does not take image/png bodies; send JSON (Content-Type: application/json)']);
      // Types it was not told of stay Fastify's 415.
      expect((await app.inject({ method: 'POST', url: '/upload', headers: { 'content-type': 'image/gif' }, payload: png })).statusCode).toBe(415);
    } finally {
      await app.close();
    }
  });
});
