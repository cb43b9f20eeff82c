// Drives products through their stages over HTTP the way staff and the influencer do (staff key +
// influencer key), for end-to-end and fault suites and the benchmarks. Plain Node (no jest globals).
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ok, type Api } from './api-client';
import type { ChannelDto, InfluencerDto, IssuedApiKeyDto, IssuedChannelDto, ProductDto } from './api-types';
import type { Receiver } from './receiver';

export interface Cast {
  influencerId: string;
  influencerKey: string;
}

export async function castInfluencer(api: Api, handle: string): Promise<Cast> {
  const inf = await ok(api.http<InfluencerDto>('POST', '/influencers', { body: { handle, displayName: handle } }), 201);
  const key = await ok(api.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'influencer', influencerId: inf.id, label: `${handle} key` } }), 201);
  return { influencerId: inf.id, influencerKey: key.key };
}

/** A webhook channel to `receiver` (which then verifies with its secret) and a log channel. */
export async function addChannels(api: Api, influencerId: string, receiver: Receiver, webhookName = 'receiver'): Promise<{ webhook: IssuedChannelDto; log: ChannelDto }> {
  const channels = `/influencers/${influencerId}/channels`;
  const webhook = await ok(api.http<IssuedChannelDto>('POST', channels, { body: { kind: 'webhook', name: webhookName, url: receiver.url } }), 201);
  if (!webhook.secret) throw new Error(`channel ${webhook.id} was issued without its signing secret`);
  receiver.setSecret(webhook.secret);
  const log = await ok(api.http<ChannelDto>('POST', channels, { body: { kind: 'log', name: 'staff log' } }), 201);
  return { webhook, log };
}

/**
 * A product whose poll opens at once (pollApproval 'none'), as every product did before poll moderation, so
 * suites about later stages keep their meaning; the moderated path (the API's default) is tested in
 * poll-moderation.e2e.test.ts and lifecycle.e2e.test.ts, which pass pollApproval 'influencer' or leave it out.
 */
export function productBody(influencerId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Summer dress',
    influencerId,
    targetKeyword: 'linen dress',
    pollApproval: 'none',
    poll: {
      question: 'Which dress should we make?',
      options: [
        { id: 'midi', label: 'Linen midi' },
        { id: 'wrap', label: 'Wrap dress' },
        { id: 'slip', label: 'Slip dress' },
      ],
      durationMinutes: 60,
      minVotes: 0,
    },
    ...overrides,
  };
}

/** A product (its workflow starts in POLL); the answer, whose `id` the other helpers take. */
export async function createProductAnswer(api: Api, influencerId: string, overrides: Record<string, unknown> = {}): Promise<ProductDto> {
  return ok(api.http<ProductDto>('POST', '/products', { body: productBody(influencerId, overrides) }), 201);
}

export async function createProduct(api: Api, influencerId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  return (await createProductAnswer(api, influencerId, overrides)).id;
}

/** A test engine's database (TestEngine); votes can be written straight into it. */
export interface WithDatabase {
  db: { dataSource: DataSource };
}

/** Fan votes written straight into the votes table (not through the webhook), one fan each, optionally at a given time (occurred and received). */
export async function insertVotes(t: WithDatabase, productId: string, optionId: string, count: number, at?: Date): Promise<void> {
  for (let i = 0; i < count; i++) {
    const fan = `fan-${randomUUID()}`;
    if (at) {
      await t.db.dataSource.query(
        `INSERT INTO votes (product_id, option_id, platform, platform_user_id, platform_user_id_raw, occurred_at, received_at) VALUES ($1, $2, 'tiktok', $3, $4, $5, $5)`,
        [productId, optionId, fan, fan, at.toISOString()],
      );
    } else {
      await t.db.dataSource.query(
        `INSERT INTO votes (product_id, option_id, platform, platform_user_id, platform_user_id_raw, occurred_at) VALUES ($1, $2, 'instagram', $3, $4, now())`,
        [productId, optionId, fan, fan],
      );
    }
  }
}

export async function addVotes(t: WithDatabase, productId: string, votes: Record<string, number>): Promise<void> {
  for (const [optionId, count] of Object.entries(votes)) await insertVotes(t, productId, optionId, count);
}

const FORWARD = ['DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH'] as const;
export type ForwardStage = (typeof FORWARD)[number];
export const PRODUCTION_MILESTONES = ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'] as const;

/** The smallest set of actions that moves a product into `stage` from the stage before it. */
async function enter(api: Api, cast: Pick<Cast, 'influencerKey'>, productId: string, stage: ForwardStage): Promise<void> {
  const p = `/products/${productId}`;
  const act = (path: string, body?: unknown, key?: string) => ok(api.http('POST', `${p}${path}`, { body, key }), 200);
  switch (stage) {
    case 'DESIGN':
      await act('/poll/close');
      return;
    case 'SAMPLING':
      await act('/designs', { title: 'v1', description: 'first' });
      await act('/designs/1/review', { decision: 'APPROVE' }, cast.influencerKey);
      return;
    case 'PRODUCTION':
      await act('/samples', { supplier: 'Mill', notes: 'ok' });
      await act('/samples/1/review', { decision: 'APPROVE' }, cast.influencerKey);
      return;
    case 'LAUNCH':
      await act('/production', { supplier: 'Mill', dueDate: new Date(Date.now() + 86_400_000).toISOString() });
      for (const milestone of PRODUCTION_MILESTONES) await act('/production/milestones', { milestone });
      return;
    default: {
      const unknown: never = stage;
      throw new Error(`no actions lead into ${String(unknown)}`);
    }
  }
}

/** Moves a product forward from `from` (a fresh product: POLL) to `stage` with the smallest set of actions. */
export async function advanceTo(api: Api, cast: Pick<Cast, 'influencerKey'>, productId: string, stage: ForwardStage, from: 'POLL' | ForwardStage = 'POLL'): Promise<void> {
  const first = from === 'POLL' ? 0 : FORWARD.indexOf(from) + 1;
  for (const next of FORWARD.slice(first, FORWARD.indexOf(stage) + 1)) await enter(api, cast, productId, next);
}

/** From `from` through production to a launch scheduled `launchInMs` ahead. */
export async function driveToLaunch(api: Api, cast: Pick<Cast, 'influencerKey'>, productId: string, launchInMs: number, from: 'POLL' | ForwardStage = 'POLL'): Promise<void> {
  await advanceTo(api, cast, productId, 'LAUNCH', from);
  await ok(api.http('POST', `/products/${productId}/launch`, { body: { launchAt: new Date(Date.now() + launchInMs).toISOString() } }), 200);
}

/**
 * Fans' reservations written straight into the reservations table (not through intake), one fan each:
 * `fans` reservations of `units` each of the variant. Returns their codes.
 */
export async function insertReservations(t: WithDatabase, productId: string, variantId: string, fans: number, units = 1): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < fans; i++) {
    const fan = `fan-${randomUUID()}`;
    const code = randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase();
    await t.db.dataSource.query(
      `INSERT INTO reservations (id, code, product_id, variant_id, quantity, platform, platform_user_id, platform_user_id_raw, via, source_id, webhook_id)
       VALUES ($1, $2, $3, $4, $5, 'tiktok', $6, $7, 'fan', 'src-test', $8)`,
      [`r-${randomUUID().slice(0, 24)}`, code, productId, variantId, units, fan, fan, `msg-${randomUUID()}`],
    );
    codes.push(code);
  }
  return codes;
}

/** Staff end a product on sale (→ ENDED) with a reason. */
export async function endSales(api: Api, productId: string, reason = 'season over'): Promise<ProductDto> {
  return ok(api.http<ProductDto>('POST', `/products/${productId}/end`, { body: { reason } }), 200);
}
