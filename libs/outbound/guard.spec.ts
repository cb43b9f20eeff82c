import http from 'node:http';
import { OutboundGuard, OutboundRefusal, type HostResolver, type ResolvedAddress } from './guard';
import { parseNetwork } from './networks';
import { postChecked } from './post';

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });

/** A resolver that knows a few names and records every question. */
function stubResolver(answers: Record<string, ResolvedAddress[]>): HostResolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = (hostname: string) => {
    asked.push(hostname);
    const found = answers[hostname];
    if (!found) return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    return Promise.resolve(found);
  };
  return Object.assign(resolve, { asked });
}

async function refusal(promise: Promise<unknown>): Promise<OutboundRefusal> {
  const err = await promise.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  if (!(err instanceof OutboundRefusal)) throw err;
  return err;
}

describe('OutboundGuard', () => {
  const resolve = stubResolver({
    'internal.example.com': [v4('10.0.0.5')],
    'mixed.example.com': [v4('93.184.215.14'), v4('127.0.0.1')],
    'mixed6.example.com': [v6('2606:2800:21f:cb07:6820:80da:af6b:8b2c'), v6('::ffff:a9fe:a9fe')],
    'public.example.com': [v4('93.184.215.14'), v6('2606:2800:21f:cb07:6820:80da:af6b:8b2c')],
    'receiver.test': [v4('127.0.0.1')],
    'nothing.example.com': [],
  });
  const guard = new OutboundGuard({ allowedNetworks: [], resolve });

  it('refuses a name resolving to a private address, saying why and naming the host only', async () => {
    const err = await refusal(guard.check('https://internal.example.com/hooks/t0k3n-s3cr3t?key=abcdef123456'));
    expect(err.reason).toBe('forbidden');
    expect(err.message).toBe(
      'internal.example.com resolves to 10.0.0.5, a private address; channels reach only public addresses unless OUTBOUND_ALLOWED_NETWORKS allows the network',
    );
    expect(err.message).not.toMatch(/t0k3n|abcdef/);
  });

  it('refuses a name when any one of its addresses is not public', async () => {
    expect((await refusal(guard.check('http://mixed.example.com/x'))).message).toMatch(/^mixed.example.com resolves to 127.0.0.1, a loopback address;/);
    expect((await refusal(guard.check('http://mixed6.example.com/x'))).message).toMatch(
      /resolves to ::ffff:a9fe:a9fe \(the IPv4-mapped form of 169.254.169.254\), a link-local address/,
    );
  });

  it('refuses literal addresses of every class without asking the resolver', async () => {
    const before = resolve.asked.length;
    for (const [url, why] of [
      ['http://127.0.0.1:8080/x', '127.0.0.1 is a loopback address'],
      ['http://[::1]/x', '::1 is a loopback address'],
      ['http://169.254.169.254/latest/meta-data', 'a link-local address'],
      ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1 (the IPv4-mapped form of 127.0.0.1) is a loopback address'],
      ['http://0x7f.1/', '127.0.0.1 is a loopback address'],
      ['http://2130706433/', '127.0.0.1 is a loopback address'],
      ['http://0.0.0.0/', 'an unspecified'],
      ['http://[fd00::1]/', 'an IPv6 unique-local address'],
      ['http://[fe80::1]/', 'a link-local address'],
      ['http://100.64.1.1/', 'a carrier-grade NAT (shared) address'],
      ['http://224.0.0.251/', 'a multicast address'],
      ['http://255.255.255.255/', 'the broadcast address'],
      ['http://192.168.1.1/', 'a private address'],
    ]) {
      expect([url, (await refusal(guard.check(url))).message]).toEqual([url, expect.stringContaining(why)]);
    }
    expect(resolve.asked.length).toBe(before);
  });

  it('passes a public name with every address it resolves to', async () => {
    const checked = await guard.check('https://public.example.com:8443/hook?token=x');
    expect(checked.hostname).toBe('public.example.com');
    expect(checked.addresses).toEqual([v4('93.184.215.14'), v6('2606:2800:21f:cb07:6820:80da:af6b:8b2c')]);
  });

  it('says when a name cannot be resolved, and refuses URLs that are not http(s) or carry credentials', async () => {
    expect(await refusal(guard.check('https://nowhere.example.com/x'))).toMatchObject({ reason: 'unresolvable', message: 'nowhere.example.com could not be resolved (ENOTFOUND)' });
    expect(await refusal(guard.check('https://nothing.example.com/x'))).toMatchObject({ reason: 'unresolvable', message: 'nothing.example.com could not be resolved (no address)' });
    expect(await refusal(guard.check('ftp://public.example.com/x'))).toMatchObject({ reason: 'invalid', message: 'ftp://public.example.com/… is not an http(s) URL' });
    const creds = await refusal(guard.check('https://user:hunter2hunter2@public.example.com/x'));
    expect(creds.reason).toBe('invalid');
    expect(creds.message).toContain('carries a user name or password');
    expect(creds.message).not.toContain('hunter2');
    expect((await refusal(guard.check('not a url'))).reason).toBe('invalid');
  });

  it('lets the allow-list through, per network, also in the IPv4-mapped form', async () => {
    const allowing = new OutboundGuard({ allowedNetworks: ['127.0.0.0/8', '10.0.0.0/16'].map(parseNetwork), resolve });
    expect((await allowing.check('http://receiver.test:9/x')).addresses).toEqual([v4('127.0.0.1')]);
    await expect(allowing.check('http://[::ffff:127.0.0.1]:9/x')).resolves.toMatchObject({ hostname: '::ffff:7f00:1' });
    await expect(allowing.check('http://internal.example.com/x')).resolves.toMatchObject({ addresses: [v4('10.0.0.5')] });
    // Allowing loopback is not allowing the rest.
    expect((await refusal(allowing.check('http://10.1.0.1/'))).message).toContain('a private address');
    expect((await refusal(allowing.check('http://[::1]/'))).message).toContain('::1 is a loopback address');
  });
});

describe('postChecked', () => {
  let request: jest.SpyInstance;
  beforeEach(() => {
    // No test here may connect anywhere: a refusal must come before any request is made.
    request = jest.spyOn(http, 'request').mockImplementation(() => {
      throw new Error('a connection was attempted');
    });
  });
  afterEach(() => request.mockRestore());

  it('connects once the destination is allowed (so the spy would see a connection)', async () => {
    const guard = new OutboundGuard({ allowedNetworks: [parseNetwork('127.0.0.0/8')], resolve: stubResolver({ 'receiver.test': [v4('127.0.0.1')] }) });
    await expect(postChecked(guard, 'http://receiver.test:9/hook', { headers: {}, body: '{}' }, 1_000)).rejects.toThrow('a connection was attempted');
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('refuses a name resolving to 10.x before any connection', async () => {
    const resolve = stubResolver({ 'internal.example.com': [v4('10.0.0.5')] });
    const err = await refusal(postChecked(new OutboundGuard({ allowedNetworks: [], resolve }), 'http://internal.example.com/hook', { headers: {}, body: '{}' }, 1_000));
    expect(err.message).toContain('resolves to 10.0.0.5, a private address');
    expect(resolve.asked).toEqual(['internal.example.com']);
    expect(request).not.toHaveBeenCalled();
  });

  it('refuses a mixed answer with one private address even when the others are allowed, before any connection', async () => {
    const resolve = stubResolver({ 'mixed.example.com': [v4('127.0.0.1'), v4('192.168.0.10')] });
    const guard = new OutboundGuard({ allowedNetworks: [parseNetwork('127.0.0.0/8')], resolve });
    expect((await refusal(postChecked(guard, 'http://mixed.example.com/hook', { headers: {}, body: '{}' }, 1_000))).message).toContain('192.168.0.10, a private address');
    expect(request).not.toHaveBeenCalled();
  });
});
