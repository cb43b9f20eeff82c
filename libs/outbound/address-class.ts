// Which addresses an influencer's channel URL must never reach: the classes of IPv4 and IPv6 addresses
// that belong to the engine's own host or network (or to nobody), including IPv6 forms that carry one.

import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** A non-public class of address; a public address has none. */
export type AddressClass =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared'
  | 'multicast'
  | 'broadcast'
  | 'unique-local'
  | 'documentation'
  | 'reserved';

/** An IPv4 address inside an IPv6 one, which the kernel or a translator turns into a connection to it. */
export type EmbeddingForm = 'IPv4-mapped' | 'IPv4-translated' | 'IPv4-compatible' | 'NAT64' | '6to4' | 'Teredo';

export interface ClassifiedAddress {
  address: string;
  family: 4 | 6;
  /** null: a public address. */
  class: AddressClass | null;
  /** The IPv4 address an IPv6 address carries, when it carries one. */
  embedded?: { form: EmbeddingForm; ipv4: string };
}

type Ranges = [AddressClass, string[]][];

// First match wins: the broadcast address before the reserved 240/4 it sits in.
const IPV4: Ranges = [
  ['unspecified', ['0.0.0.0/8']],
  ['loopback', ['127.0.0.0/8']],
  ['private', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']],
  ['link-local', ['169.254.0.0/16']],
  ['shared', ['100.64.0.0/10']],
  ['multicast', ['224.0.0.0/4']],
  ['broadcast', ['255.255.255.255/32']],
  ['documentation', ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24']],
  // IETF protocol assignments, the deprecated 6to4 relay anycast, benchmarking, and the future-use 240/4.
  ['reserved', ['192.0.0.0/24', '192.88.99.0/24', '198.18.0.0/15', '240.0.0.0/4']],
];

const IPV6: Ranges = [
  ['unspecified', ['::/128']],
  ['loopback', ['::1/128']],
  ['link-local', ['fe80::/10']],
  // The deprecated site-local range still routes inside some networks: as private as RFC 1918.
  ['private', ['fec0::/10', '64:ff9b:1::/48']],
  ['unique-local', ['fc00::/7']],
  ['multicast', ['ff00::/8']],
  ['documentation', ['2001:db8::/32', '3fff::/20']],
  // Discard-only, benchmarking, ORCHID identifiers (not routable).
  ['reserved', ['100::/64', '2001:2::/48', '2001:10::/28', '2001:20::/28']],
];

function compile(ranges: Ranges, type: 'ipv4' | 'ipv6'): [AddressClass, BlockList][] {
  return ranges.map(([cls, cidrs]) => {
    const list = new BlockList();
    for (const cidr of cidrs) {
      const [net, prefix] = cidr.split('/');
      list.addSubnet(net, Number(prefix), type);
    }
    return [cls, list];
  });
}

const IPV4_LISTS = compile(IPV4, 'ipv4');
const IPV6_LISTS = compile(IPV6, 'ipv6');
// Global unicast: an IPv6 address outside it (and carrying no IPv4 address) is not a public destination.
const GLOBAL_UNICAST = compile([['reserved', ['2000::/3']]], 'ipv6')[0][1];

function firstMatch(lists: [AddressClass, BlockList][], address: string, type: 'ipv4' | 'ipv6'): AddressClass | null {
  for (const [cls, list] of lists) if (list.check(address, type)) return cls;
  return null;
}

/** The eight 16-bit words of an IPv6 address (a dotted IPv4 tail allowed), or null. */
export function ipv6Words(address: string): number[] | null {
  let text = address.replace(/%.*$/, '').toLowerCase();
  if (!isIPv6(text)) return null;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((w) => parseInt(w, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const words = tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return words.length === 8 ? words : null;
}

const ipv4Of = (hi: number, lo: number): string => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');

/** The IPv4 address an IPv6 address carries, in the forms that reach it. */
export function embeddedIPv4(words: number[]): ClassifiedAddress['embedded'] {
  const zero = (from: number, to: number) => words.slice(from, to).every((w) => w === 0);
  const [w0, w1, w2, , w4, w5, w6, w7] = words;
  if (zero(0, 5) && w5 === 0xffff) return { form: 'IPv4-mapped', ipv4: ipv4Of(w6, w7) };
  if (zero(0, 4) && w4 === 0xffff && w5 === 0) return { form: 'IPv4-translated', ipv4: ipv4Of(w6, w7) };
  // :: and ::1 are classified as themselves before this is asked.
  if (zero(0, 6)) return { form: 'IPv4-compatible', ipv4: ipv4Of(w6, w7) };
  if (w0 === 0x64 && w1 === 0xff9b && zero(2, 6)) return { form: 'NAT64', ipv4: ipv4Of(w6, w7) };
  if (w0 === 0x2002) return { form: '6to4', ipv4: ipv4Of(w1, w2) };
  // Teredo carries the client's address with every bit flipped.
  if (w0 === 0x2001 && w1 === 0) return { form: 'Teredo', ipv4: ipv4Of(~w6 & 0xffff, ~w7 & 0xffff) };
  return undefined;
}

/** The class of an IP address (null when public); throws when the text is not an IP address. */
export function classifyAddress(address: string): ClassifiedAddress {
  if (isIPv4(address)) return { address, family: 4, class: firstMatch(IPV4_LISTS, address, 'ipv4') };
  const words = ipv6Words(address);
  if (!words) throw new Error(`${address} is not an IP address`);
  const own = firstMatch(IPV6_LISTS, address, 'ipv6');
  if (own) return { address, family: 6, class: own };
  const embedded = embeddedIPv4(words);
  if (embedded) {
    const inner = firstMatch(IPV4_LISTS, embedded.ipv4, 'ipv4');
    // An IPv4-compatible address is deprecated and unroutable even when what it carries is public.
    const cls = inner ?? (embedded.form === 'IPv4-compatible' ? 'reserved' : null);
    return { address, family: 6, class: cls, embedded };
  }
  return { address, family: 6, class: GLOBAL_UNICAST.check(address, 'ipv6') ? null : 'reserved' };
}

/** How a refusal names the class: "… resolves to 10.0.0.5, a private address". */
export function describeClass(cls: AddressClass): string {
  switch (cls) {
    case 'unspecified':
      return 'an unspecified ("this host") address';
    case 'loopback':
      return 'a loopback address';
    case 'private':
      return 'a private address';
    case 'link-local':
      return 'a link-local address (where cloud metadata services answer)';
    case 'shared':
      return 'a carrier-grade NAT (shared) address';
    case 'multicast':
      return 'a multicast address';
    case 'broadcast':
      return 'the broadcast address';
    case 'unique-local':
      return 'an IPv6 unique-local address';
    case 'documentation':
      return 'a documentation-only address';
    case 'reserved':
      return 'a reserved address';
    default: {
      const unknown: never = cls;
      return unknown;
    }
  }
}

/** "10.0.0.5" or "::ffff:a00:5 (the IPv4-mapped form of 10.0.0.5)". */
export function describeAddress(classified: ClassifiedAddress): string {
  const { embedded } = classified;
  return embedded ? `${classified.address} (the ${embedded.form} form of ${embedded.ipv4})` : classified.address;
}
