// Networks an operator allows channels to reach despite their class (OUTBOUND_ALLOWED_NETWORKS): receivers
// on the operator's own network, or the tests' loopback receivers.

import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { ClassifiedAddress } from './address-class';

export interface Network {
  address: string;
  prefix: number;
  family: 4 | 6;
}

/** `10.1.0.0/16`, `fd00::/8` or a single address (`192.168.1.20`); throws saying what is wrong. */
export function parseNetwork(text: string): Network {
  const [address, prefixText, ...rest] = text.trim().split('/');
  const family = isIPv4(address) ? 4 : isIPv6(address) ? 6 : null;
  if (!family || rest.length > 0) throw new Error(`"${text}" is not an IP address or a CIDR network such as 10.0.0.0/8 or fd00::/8`);
  const max = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max)) throw new Error(`"${text}" has a prefix length outside 0–${max}`);
  return { address, prefix, family };
}

/** Answers whether an address (or the IPv4 address it carries) lies in one of the networks. */
export class AllowedNetworks {
  private readonly list = new BlockList();
  readonly empty: boolean;

  constructor(networks: readonly Network[]) {
    for (const n of networks) this.list.addSubnet(n.address, n.prefix, n.family === 4 ? 'ipv4' : 'ipv6');
    this.empty = networks.length === 0;
  }

  allows(classified: ClassifiedAddress): boolean {
    if (this.empty) return false;
    if (this.list.check(classified.address, classified.family === 4 ? 'ipv4' : 'ipv6')) return true;
    return classified.embedded !== undefined && this.list.check(classified.embedded.ipv4, 'ipv4');
  }
}
