// TRUST_PROXY: which peers the API believes about the client's address (X-Forwarded-For), in the forms
// Fastify's trustProxy takes. Off by default: behind no proxy, that header is whatever the client wrote.

import { parseNetwork } from '../outbound/networks';

/** false: trust nobody; true: trust every hop; a list: trust peers at these addresses or ranges. */
export type TrustProxy = boolean | string[];

// proxy-addr's (and so Fastify's) names for address ranges.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A named range, an address or a CIDR range (the same parser as OUTBOUND_ALLOWED_NETWORKS). */
function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  try {
    parseNetwork(entry);
    return true;
  } catch {
    return false;
  }
}

/** The setting's value, or a message saying what is wrong with it. */
export function parseTrustProxy(value: string): { ok: true; value: TrustProxy } | { ok: false; message: string } {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'false') return { ok: true, value: false };
  if (text === 'true') return { ok: true, value: true };
  if (/^\d+$/.test(text)) {
    // Fastify (5.12 on) trusts nobody for a hop count: it cannot tell the proxy from a client that sends its
    // own X-Forwarded-For. Refused here rather than silently meaning "nobody".
    return {
      ok: false,
      message: `TRUST_PROXY does not take a hop count (${text}): a count cannot tell your proxy from a client that writes X-Forwarded-For itself; name your proxies' addresses or CIDR ranges (e.g. 10.0.0.0/8, loopback)`,
    };
  }
  const entries = text.split(',').map((s) => s.trim()).filter(Boolean);
  const wrong = entries.find((e) => !isAddressOrRange(e));
  if (wrong !== undefined) {
    return {
      ok: false,
      message: `TRUST_PROXY must be false, true, or a comma-separated list of addresses or CIDR ranges (e.g. 10.0.0.0/8, loopback), got "${wrong}"`,
    };
  }
  return { ok: true, value: entries };
}
