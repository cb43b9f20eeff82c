// A real HTTP receiver of social update deliveries, the way an influencer's scheduler would run one: it
// verifies every request with the Standard Webhooks library and the channel's secret, keeps what arrived,
// and can be told to fail (to exercise retries) or hang. Plain Node (no jest globals): the social benchmark
// receives its deliveries with it too.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  /** The request's path, e.g. /hooks/social. */
  path: string;
  webhookId: string;
  body: string;
  verified: boolean;
  /** The answer this request got; 0 when the sender was gone before it could be answered. */
  answered: number;
  at: number;
}

export interface Receiver {
  /** http://127.0.0.1:<port>: any path on it is received. */
  origin: string;
  /** The default URL to register as a channel (origin + /hooks/social). */
  url: string;
  /** Every request, in arrival order. */
  received: Received[];
  /** Requests answered 2xx, at most one per webhook-id (what a deduplicating receiver keeps). */
  accepted(): Map<string, Received>;
  /** How many requests arrived under these webhook-ids, retries included. */
  requestsFor(webhookIds: Iterable<string>): number;
  /** Verify requests to `path` with this secret; without a path, every request whose path has none of its own. */
  setSecret(secret: string, path?: string): void;
  /** Answer the first `n` requests of each webhook-id with `status` (then 200). */
  failFirst(n: number, status?: number): void;
  /** Answer every request with `status` until told otherwise (failFirst(0) restores 200s). */
  failAlways(status?: number): void;
  /** Leave requests unanswered (the sender waits) until release(); how many are waiting now. */
  hold(): void;
  release(): void;
  held(): number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startReceiver(): Promise<Receiver> {
  let verifier: Webhook | null = null;
  const verifiers = new Map<string, Webhook>();
  let failures = 0;
  let failStatus = 503;
  let always = false;
  const received: Received[] = [];
  const seen = new Map<string, number>();
  let holding = false;
  const parked: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (holding) await new Promise<void>((resolve) => parked.push(resolve));
      const webhookId = String(req.headers['webhook-id'] ?? '');
      const path = req.url ?? '';
      const pathVerifier = verifiers.get(path) ?? verifier;
      let verified = false;
      try {
        pathVerifier?.verify(body, {
          'webhook-id': webhookId,
          'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
        });
        verified = pathVerifier !== null;
      } catch {
        verified = false;
      }
      const attempt = (seen.get(webhookId) ?? 0) + 1;
      seen.set(webhookId, attempt);
      const gone = res.destroyed || req.socket.destroyed; // the sender gave up (or died) while it was held
      const status = gone ? 0 : !verified ? 401 : always || attempt <= failures ? failStatus : 200;
      received.push({ path, webhookId, body, verified, answered: status, at: Date.now() });
      if (gone) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { ok: true, id: webhookId } : { error: 'try again later' }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.on('close', () => parked.splice(0).forEach((resume) => resume()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/hooks/social`,
    received,
    accepted() {
      const out = new Map<string, Received>();
      for (const r of received) if (r.answered === 200 && !out.has(r.webhookId)) out.set(r.webhookId, r);
      return out;
    },
    setSecret(secret, path) {
      if (path === undefined) verifier = new Webhook(secret);
      else verifiers.set(path, new Webhook(secret));
    },
    failFirst(n, status = 503) {
      failures = n;
      failStatus = status;
      always = false;
    },
    failAlways(status = 500) {
      always = true;
      failStatus = status;
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      parked.splice(0).forEach((resume) => resume());
    },
    held: () => parked.length,
    requestsFor(webhookIds) {
      const ids = new Set(webhookIds);
      return received.filter((r) => ids.has(r.webhookId)).length;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
