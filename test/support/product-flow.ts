// Drives a product through its stages over HTTP, for end-to-end suites (staff key + influencer key).
import { randomUUID } from 'node:crypto';
import type { TestEngine } from './stack';

export interface Cast {
  influencerId: string;
  influencerKey: string;
}

export async function castInfluencer(t: TestEngine, handle: string): Promise<Cast> {
  const inf = await t.http('POST', '/influencers', { body: { handle, displayName: handle } });
  expect(inf.status).toBe(201);
  const key = await t.http('POST', '/api-keys', { body: { role: 'influencer', influencerId: inf.body.id, label: `${handle} key` } });
  expect(key.status).toBe(201);
  return { influencerId: inf.body.id, influencerKey: key.body.key };
}

export function productBody(influencerId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Summer dress',
    influencerId,
    targetKeyword: 'linen dress',
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

export async function createProduct(t: TestEngine, influencerId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.http('POST', '/products', { body: productBody(influencerId, overrides) });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

export async function addVotes(t: TestEngine, productId: string, votes: Record<string, number>): Promise<void> {
  for (const [optionId, count] of Object.entries(votes)) {
    for (let i = 0; i < count; i++) {
      await t.db.dataSource.query(
        `INSERT INTO votes (product_id, option_id, platform, platform_user_id, occurred_at) VALUES ($1, $2, 'instagram', $3, now())`,
        [productId, optionId, `fan-${randomUUID()}`],
      );
    }
  }
}

/** Moves a fresh product (in POLL) forward to the given stage with the smallest set of actions. */
export async function advanceTo(t: TestEngine, cast: Cast, productId: string, stage: 'DESIGN' | 'SAMPLING' | 'PRODUCTION' | 'LAUNCH'): Promise<void> {
  const ok = async (res: Promise<{ status: number; body: any }>) => {
    const r = await res;
    if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const p = `/products/${productId}`;
  await ok(t.http('POST', `${p}/poll/close`));
  if (stage === 'DESIGN') return;
  await ok(t.http('POST', `${p}/designs`, { body: { title: 'v1', description: 'first' } }));
  await ok(t.http('POST', `${p}/designs/1/review`, { key: cast.influencerKey, body: { decision: 'APPROVE' } }));
  if (stage === 'SAMPLING') return;
  await ok(t.http('POST', `${p}/samples`, { body: { supplier: 'Mill', notes: 'ok' } }));
  await ok(t.http('POST', `${p}/samples/1/review`, { key: cast.influencerKey, body: { decision: 'APPROVE' } }));
  if (stage === 'PRODUCTION') return;
  await ok(t.http('POST', `${p}/production`, { body: { supplier: 'Mill', dueDate: new Date(Date.now() + 86_400_000).toISOString() } }));
  for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED']) {
    await ok(t.http('POST', `${p}/production/milestones`, { body: { milestone } }));
  }
}
