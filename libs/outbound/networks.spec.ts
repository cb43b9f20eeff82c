import { classifyAddress } from './address-class';
import { AllowedNetworks, parseNetwork } from './networks';

describe('parseNetwork', () => {
  it('reads CIDR networks and single addresses of both families', () => {
    expect(parseNetwork(' 10.0.0.0/8 ')).toEqual({ address: '10.0.0.0', prefix: 8, family: 4 });
    expect(parseNetwork('192.168.1.20')).toEqual({ address: '192.168.1.20', prefix: 32, family: 4 });
    expect(parseNetwork('fd00::/8')).toEqual({ address: 'fd00::', prefix: 8, family: 6 });
    expect(parseNetwork('::1')).toEqual({ address: '::1', prefix: 128, family: 6 });
  });

  it('refuses names, bad prefixes and extra parts, saying what is wrong', () => {
    expect(() => parseNetwork('localhost')).toThrow('"localhost" is not an IP address or a CIDR network');
    expect(() => parseNetwork('10.0.0.0/8/8')).toThrow('is not an IP address or a CIDR network');
    expect(() => parseNetwork('10.0.0.0/33')).toThrow('prefix length outside 0–32');
    expect(() => parseNetwork('10.0.0.0/')).toThrow('prefix length outside 0–32');
    expect(() => parseNetwork('fd00::/129')).toThrow('prefix length outside 0–128');
  });
});

describe('AllowedNetworks', () => {
  it('allows addresses inside its networks, and IPv6 forms of allowed IPv4 addresses', () => {
    const allowed = new AllowedNetworks(['127.0.0.0/8', 'fd00:1::/32'].map(parseNetwork));
    const allows = (a: string) => allowed.allows(classifyAddress(a));
    expect([allows('127.0.0.1'), allows('127.9.9.9'), allows('::ffff:127.0.0.1'), allows('::7f00:1'), allows('fd00:1::5')]).toEqual([true, true, true, true, true]);
    expect([allows('10.0.0.1'), allows('::1'), allows('fd00:2::5'), allows('128.0.0.1')]).toEqual([false, false, false, false]);
  });

  it('allows nothing when empty', () => {
    expect(new AllowedNetworks([]).allows(classifyAddress('127.0.0.1'))).toBe(false);
  });
});
