// TRUST_PROXY: off by default, and every form Fastify's trustProxy takes; anything else is refused by name.
import { loadConfig } from './config';

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(loadConfig({}).api.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).api.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).api.trustProxy).toBe(false);
  });

  it('takes true, or addresses and CIDR ranges', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).api.trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7 ,fd00::/8,::1,loopback' }).api.trustProxy).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1', 'loopback']);
  });

  it('refuses what is none of those, saying what it takes', () => {
    for (const wrong of ['yes', '10.0.0.0/33', 'fd00::/129', '10.0.0.0/8,proxy.internal', '999.1.1.1']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY must be false, true, or a comma-separated list/);
    }
  });

  it('refuses a hop count, which Fastify would take as trusting nobody: a count cannot tell the proxy from a client', () => {
    for (const hops of ['0', '1', '2']) expect(() => loadConfig({ TRUST_PROXY: hops })).toThrow(/does not take a hop count .*name your proxies' addresses/);
  });
});
