// Drives products over HTTP for the fault suites, and checks what their timelines say happened.
import type { DataSource } from 'typeorm';
import type { Receiver } from '../support/receiver';

export type Call = (method: string, path: string, body?: unknown, key?: string) => Promise<{ status: number; body: any }>;

export function httpClient(baseUrl: () => string, staffKey: string): Call {
  return async (method, path, body, key = staffKey) => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  };
}

export async function ok(res: Promise<{ status: number; body: any }>): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`expected success, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function castInfluencer(call: Call, handle: string): Promise<{ id: string; key: string }> {
  const inf = await ok(call('POST', '/influencers', { handle, displayName: handle }));
  const key = await ok(call('POST', '/api-keys', { role: 'influencer', influencerId: inf.id, label: handle }));
  return { id: inf.id, key: key.key };
}

/** A webhook channel to `receiver` (which then verifies with its secret) and a log channel. */
export async function addChannels(call: Call, influencerId: string, receiver: Receiver): Promise<void> {
  const webhook = await ok(call('POST', `/influencers/${influencerId}/channels`, { kind: 'webhook', name: 'receiver', url: receiver.url }));
  receiver.setSecret(webhook.secret);
  await ok(call('POST', `/influencers/${influencerId}/channels`, { kind: 'log', name: 'staff log' }));
}

export async function createProduct(call: Call, influencerId: string, closesInMs: number): Promise<string> {
  const product = await ok(
    call('POST', '/products', {
      name: 'Fault dress',
      influencerId,
      targetKeyword: 'dress',
      poll: { question: 'Which?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], closesAt: new Date(Date.now() + closesInMs).toISOString(), minVotes: 0 },
    }),
  );
  return product.id as string;
}

/** From DESIGN to a scheduled launch `launchInMs` ahead. */
export async function driveFromDesign(call: Call, influencerKey: string, id: string, launchInMs: number): Promise<void> {
  const p = `/products/${id}`;
  await ok(call('POST', `${p}/designs`, { title: 'v1', description: 'first' }));
  await ok(call('POST', `${p}/designs/1/review`, { decision: 'APPROVE' }, influencerKey));
  await ok(call('POST', `${p}/samples`, { supplier: 'Mill', notes: 'ok' }));
  await ok(call('POST', `${p}/samples/1/review`, { decision: 'APPROVE' }, influencerKey));
  await ok(call('POST', `${p}/production`, { supplier: 'Mill', dueDate: new Date(Date.now() + 86_400_000).toISOString() }));
  for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED']) await ok(call('POST', `${p}/production/milestones`, { milestone }));
  await ok(call('POST', `${p}/launch`, { launchAt: new Date(Date.now() + launchInMs).toISOString() }));
}

export interface TimelineCheck {
  launched: boolean;
  /** Events recorded more than once (a stage change twice, a poll closed twice, a gap or repeat in seq). */
  duplicated: number;
}

/** What the read model says about a product: did it launch, and did anything happen twice. */
export async function checkTimeline(db: DataSource, id: string): Promise<TimelineCheck> {
  const events: { seq: number; type: string; stage: string }[] = await db.query(`SELECT seq, type, stage FROM timeline_events WHERE product_id = $1 ORDER BY seq`, [id]);
  let duplicated = 0;
  events.forEach((e, i) => e.seq !== i + 1 && duplicated++);
  const once = ['POLL_OPENED', 'POLL_CLOSED', 'PRODUCTION_STARTED', 'LAUNCH_SCHEDULED', 'LAUNCHED'];
  for (const type of once) duplicated += Math.max(0, events.filter((e) => e.type === type).length - 1);
  const stageChanges = events.filter((e) => e.type === 'STAGE_CHANGED').map((e) => e.stage);
  duplicated += stageChanges.length - new Set(stageChanges).size;
  const [row] = await db.query(`SELECT stage FROM products WHERE id = $1`, [id]);
  return { launched: row?.stage === 'LAUNCHED' && events.some((e) => e.type === 'LAUNCHED'), duplicated };
}

export interface DeliveryCheck {
  deliveries: number;
  /** Deliveries not recorded as delivered, or (webhooks) never accepted by the receiver. */
  lost: number;
  /** A webhook-id received with two different bodies, or an update delivered twice to one channel. */
  duplicated: number;
}

/** What the deliveries of these products say happened, against what a receiver got. */
export async function checkDeliveries(db: DataSource, productIds: string[], receiver: Receiver): Promise<DeliveryCheck> {
  const rows: { id: string; status: string; kind: string; update_id: string; channel_id: string }[] = await db.query(
    `SELECT d.id, d.status, c.kind, d.update_id, d.channel_id FROM deliveries d JOIN channels c ON c.id = d.channel_id WHERE d.product_id = ANY($1)`,
    [productIds],
  );
  const accepted = receiver.accepted();
  const lost = rows.filter((r) => r.status !== 'delivered' || (r.kind === 'webhook' && !accepted.has(r.id))).length;
  const bodies = new Map<string, Set<string>>();
  for (const r of receiver.received) bodies.set(r.webhookId, (bodies.get(r.webhookId) ?? new Set()).add(r.body));
  let duplicated = [...bodies.values()].filter((b) => b.size > 1).length;
  const pairs = new Set(rows.map((r) => `${r.update_id}/${r.channel_id}`));
  duplicated += rows.length - pairs.size;
  return { deliveries: rows.length, lost, duplicated };
}
