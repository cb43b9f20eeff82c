import { classifyAddress, describeAddress, embeddedIPv4, ipv6Words, type AddressClass } from './address-class';

const classOf = (address: string): AddressClass | null => classifyAddress(address).class;

describe('classifyAddress', () => {
  // Every class the default configuration refuses, with both ends of each range where it has them.
  const refused: [AddressClass, string[]][] = [
    ['loopback', ['127.0.0.1', '127.255.255.254', '::1', '0:0:0:0:0:0:0:1']],
    ['private', ['10.0.0.5', '10.255.255.255', '172.16.0.1', '172.31.255.254', '192.168.0.1', '192.168.255.255', 'fec0::1', '64:ff9b:1::a00:1']],
    ['link-local', ['169.254.169.254', '169.254.0.1', 'fe80::1', 'febf:ffff::1']],
    ['shared', ['100.64.0.1', '100.127.255.254']],
    ['multicast', ['224.0.0.1', '239.255.255.250', 'ff02::1', 'ff0e::fb']],
    ['unspecified', ['0.0.0.0', '0.1.2.3', '::', '0:0:0:0:0:0:0:0']],
    ['unique-local', ['fc00::1', 'fd12:3456:789a::1', 'FDFF:FFFF::1']],
    ['broadcast', ['255.255.255.255']],
    ['documentation', ['192.0.2.1', '198.51.100.7', '203.0.113.200', '2001:db8::1', '3fff::1']],
    ['reserved', ['240.0.0.1', '198.18.0.1', '198.19.255.255', '192.0.0.8', '192.88.99.1', '100::1', '2001:2::1', '4000::1', 'e000::1']],
  ];
  it.each(refused)('classifies %s addresses', (cls, addresses) => {
    for (const address of addresses) expect([address, classOf(address)]).toEqual([address, cls]);
  });

  it('finds the IPv4 address inside IPv6 forms and classifies it', () => {
    const cases: [string, AddressClass, string, string][] = [
      ['::ffff:127.0.0.1', 'loopback', 'IPv4-mapped', '127.0.0.1'],
      ['::ffff:7f00:1', 'loopback', 'IPv4-mapped', '127.0.0.1'],
      ['0:0:0:0:0:ffff:7f00:0001', 'loopback', 'IPv4-mapped', '127.0.0.1'],
      ['::ffff:10.0.0.5', 'private', 'IPv4-mapped', '10.0.0.5'],
      ['::ffff:a9fe:a9fe', 'link-local', 'IPv4-mapped', '169.254.169.254'],
      ['::ffff:100.64.0.1', 'shared', 'IPv4-mapped', '100.64.0.1'],
      ['::ffff:224.0.0.1', 'multicast', 'IPv4-mapped', '224.0.0.1'],
      ['::ffff:0.0.0.0', 'unspecified', 'IPv4-mapped', '0.0.0.0'],
      ['::ffff:255.255.255.255', 'broadcast', 'IPv4-mapped', '255.255.255.255'],
      ['::ffff:0:192.168.1.1', 'private', 'IPv4-translated', '192.168.1.1'],
      ['::127.0.0.1', 'loopback', 'IPv4-compatible', '127.0.0.1'],
      ['::7f00:1', 'loopback', 'IPv4-compatible', '127.0.0.1'],
      ['::a00:5', 'private', 'IPv4-compatible', '10.0.0.5'],
      ['::8.8.8.8', 'reserved', 'IPv4-compatible', '8.8.8.8'],
      ['64:ff9b::169.254.169.254', 'link-local', 'NAT64', '169.254.169.254'],
      ['64:ff9b::7f00:1', 'loopback', 'NAT64', '127.0.0.1'],
      ['2002:a00:5::1', 'private', '6to4', '10.0.0.5'],
      ['2002:7f00:1::', 'loopback', '6to4', '127.0.0.1'],
      ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback', 'Teredo', '127.0.0.1'],
    ];
    for (const [address, cls, form, ipv4] of cases) {
      expect([address, classifyAddress(address)]).toEqual([address, { address, family: 6, class: cls, embedded: { form, ipv4 } }]);
    }
  });

  it('leaves public addresses, and IPv6 forms of public IPv4 addresses, unclassified', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '169.253.255.255', '223.255.255.255', '2606:4700::1111', '2a00:1450:4001::200e']) {
      expect([address, classOf(address)]).toEqual([address, null]);
    }
    expect(classifyAddress('::ffff:8.8.8.8')).toEqual({ address: '::ffff:8.8.8.8', family: 6, class: null, embedded: { form: 'IPv4-mapped', ipv4: '8.8.8.8' } });
    expect(classifyAddress('64:ff9b::808:808').class).toBeNull();
    expect(classifyAddress('2002:808:808::1').class).toBeNull();
  });

  it('refuses text that is not an IP address', () => {
    for (const text of ['localhost', '127.1', '0x7f000001', '::ffff:1.2.3', '1.2.3.4.5', '']) expect(() => classifyAddress(text)).toThrow('is not an IP address');
  });

  it('names the embedding in descriptions', () => {
    expect(describeAddress(classifyAddress('::ffff:a00:5'))).toBe('::ffff:a00:5 (the IPv4-mapped form of 10.0.0.5)');
    expect(describeAddress(classifyAddress('10.0.0.5'))).toBe('10.0.0.5');
  });
});

describe('ipv6Words', () => {
  it('expands compressed forms and dotted tails into eight words', () => {
    expect(ipv6Words('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(ipv6Words('fe80::1%eth0')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Words('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ipv6Words('1::')).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(ipv6Words('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(ipv6Words('10.0.0.1')).toBeNull();
  });

  it('finds no IPv4 address in an ordinary global address', () => {
    expect(embeddedIPv4(ipv6Words('2606:4700::1111')!)).toBeUndefined();
  });
});
