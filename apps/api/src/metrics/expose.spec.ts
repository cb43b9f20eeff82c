import { isLocalCaller, isLoopback } from './expose';

describe('isLoopback (who may read /metrics on the API port)', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])('lets %s in', (address) => {
    expect(isLoopback(address)).toBe(true);
  });

  it.each([undefined, '', '10.0.0.1', '192.168.1.10', '::ffff:10.0.0.1', 'fe80::1', '::', '0.0.0.0', '128.0.0.1', '127.0.0.1.evil', '::ffff:127.0.0.1:80'])(
    'keeps %s out',
    (address) => {
      expect(isLoopback(address)).toBe(false);
    },
  );
});

describe('isLocalCaller', () => {
  it('lets in a loopback caller that no proxy relayed', () => {
    expect(isLocalCaller('127.0.0.1', { host: '127.0.0.1:3000', 'user-agent': 'curl' })).toBe(true);
  });

  it.each(['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'])('keeps out a loopback connection carrying %s (a proxy on the same machine)', (header) => {
    expect(isLocalCaller('127.0.0.1', { [header]: '203.0.113.7' })).toBe(false);
  });
});
