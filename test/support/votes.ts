// Delivers fan votes the way a connector does: a Standard Webhooks library signs each body. Plain Node
// (no jest globals), shared by the suites, the benchmarks' load generator and the demo.
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { ok, type Api } from './api-client';
import type { IssuedWebhookSourceDto } from './api-types';

export interface Source {
  id: string;
  secret: string;
  platform: string;
}

export async function registerSource(api: Api, opts: { platform?: string; name?: string; rateLimitPerSecond?: number } = {}): Promise<Source> {
  const platform = opts.platform ?? 'weibo';
  const name = opts.name ?? `${platform} connector`;
  const body = await ok(api.http<IssuedWebhookSourceDto>('POST', '/webhook-sources', { body: { name, platform, ...(opts.rateLimitPerSecond ? { rateLimitPerSecond: opts.rateLimitPerSecond } : {}) } }), 201);
  return { id: body.id, secret: body.secret, platform };
}

export interface VoteBody {
  productId: string;
  optionId: string;
  voter: { platform: string; userId: string };
  occurredAt: string;
}

export function voteBody(productId: string, optionId: string, userId: string, platform = 'weibo'): VoteBody {
  return { productId, optionId, voter: { platform, userId }, occurredAt: new Date().toISOString() };
}

export interface Delivery {
  webhookId: string;
  headers: Record<string, string>;
  payload: string;
}

/** A signed delivery; pass the same Delivery again to redeliver it byte for byte. */
export function sign(secret: string, body: unknown, opts: { webhookId?: string; at?: Date } = {}): Delivery {
  const webhookId = opts.webhookId ?? `msg_${randomUUID()}`;
  const at = opts.at ?? new Date();
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    webhookId,
    payload,
    headers: {
      'webhook-id': webhookId,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(webhookId, at, payload),
    },
  };
}

/** Posts the delivery to the source's webhook; `T` is the body the caller expects (VoteReceiptDto, or ErrorBody for a refusal). */
export function deliver<T = unknown>(api: Api, source: Pick<Source, 'id'>, delivery: Delivery, headers: Record<string, string> = {}) {
  return api.http<T>('POST', `/webhooks/votes/${source.id}`, { key: null, rawBody: delivery.payload, headers: { ...delivery.headers, ...headers } });
}

/** Runs `tasks` with at most `limit` at a time. */
export async function inParallel<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}
