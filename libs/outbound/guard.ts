// The check every outbound connection to an influencer's URL passes first: resolve the host, refuse it
// when any address it resolves to is not public (unless the operator allowed its network), and hand back
// the checked addresses, which are the only ones the connection may use (no DNS-rebinding window).

import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress, describeAddress, describeClass, type ClassifiedAddress } from './address-class';
import { AllowedNetworks, type Network } from './networks';
import { redactUrl } from './redact';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to; tests pass a stub. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver (what the engine's connections would otherwise use): /etc/hosts, then DNS. */
export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** invalid: not an http(s) URL a channel can use; forbidden: a non-public address; unresolvable: no address. */
export type RefusalReason = 'invalid' | 'forbidden' | 'unresolvable';

/** Why a URL may not be reached; the message names the host only, never the path or query. */
export class OutboundRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundRefusal';
  }
}

export interface CheckedDestination {
  url: URL;
  /** The host name without IPv6 brackets (what TLS and the Host header name). */
  hostname: string;
  /** Every address the host resolved to, each checked: the connection goes to one of these. */
  addresses: ResolvedAddress[];
}

export const ALLOW_SETTING = 'OUTBOUND_ALLOWED_NETWORKS';

export class OutboundGuard {
  private readonly allowed: AllowedNetworks;
  private readonly resolve: HostResolver;

  constructor(opts: { allowedNetworks: readonly Network[]; resolve?: HostResolver }) {
    this.allowed = new AllowedNetworks(opts.allowedNetworks);
    this.resolve = opts.resolve ?? systemResolver;
  }

  /** Resolves and checks the URL's host; throws OutboundRefusal saying why it may not be reached. */
  async check(rawUrl: string): Promise<CheckedDestination> {
    const url = this.parse(rawUrl);
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const literal = isIP(hostname) !== 0;
    let addresses: ResolvedAddress[];
    if (literal) {
      addresses = [{ address: hostname, family: isIP(hostname) === 6 ? 6 : 4 }];
    } else {
      try {
        addresses = await this.resolve(hostname);
      } catch (err) {
        const code = (err as { code?: string }).code ?? (err as Error).message;
        throw new OutboundRefusal('unresolvable', `${hostname} could not be resolved (${code})`);
      }
      if (addresses.length === 0) throw new OutboundRefusal('unresolvable', `${hostname} could not be resolved (no address)`);
    }
    for (const { address } of addresses) {
      let classified: ClassifiedAddress;
      try {
        classified = classifyAddress(address);
      } catch {
        throw new OutboundRefusal('unresolvable', `${hostname} resolved to "${address}", which is not an IP address`);
      }
      if (classified.class === null || this.allowed.allows(classified)) continue;
      const where = literal ? `${describeAddress(classified)} is` : `${hostname} resolves to ${describeAddress(classified)},`;
      throw new OutboundRefusal(
        'forbidden',
        `${where} ${describeClass(classified.class)}; channels reach only public addresses unless ${ALLOW_SETTING} allows the network`,
      );
    }
    return { url, hostname, addresses };
  }

  private parse(rawUrl: string): URL {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new OutboundRefusal('invalid', 'the url is not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefusal('invalid', `${redactUrl(rawUrl)} is not an http(s) URL`);
    if (url.username || url.password) throw new OutboundRefusal('invalid', `${redactUrl(rawUrl)} carries a user name or password; put credentials in the path or query instead`);
    return url;
  }
}
