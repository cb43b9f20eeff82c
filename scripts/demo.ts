// `npm run demo`: with the engine running (`npm start`), drives one product through every stage over the
// HTTP API — its own influencer, keys, social settings and a log channel, a webhook source and signed fan votes, the approved launch announcement — printing each step, then the product's Temporal UI
// link and its timeline. Needs STAFF_API_KEY (printed by the first `npm start`). It calls the API with the
// tests' harness client and signs votes with its connector (test/support, plain Node).

import { randomBytes } from 'node:crypto';
import type { Actor, ProductView } from '@app/domain';
import { ApiError, apiClient, ok } from '../test/support/api-client';
import type {
  ChannelDto,
  DeliveriesDto,
  InfluencerDto,
  IssuedApiKeyDto,
  IssuedWebhookSourceDto,
  LaunchAnnouncementDto,
  LiveResultsDto,
  ProductDto,
  SocialUpdatesDto,
  TimelineDto,
  TimelineEventDto,
  VoteReceiptDto,
} from '../test/support/api-types';
import { deliver, sign } from '../test/support/votes';

/** A product as the API answers it; the DTO declares poll, production and launch as objects, they are the domain's view. */
type Product = ProductDto & Pick<ProductView, 'poll' | 'production' | 'launch'>;
/** The timeline; the DTO declares an event's actor as an object, it is the domain's Actor. */
type Timeline = TimelineDto & { events: (TimelineEventDto & { actor: Actor })[] };

const API = (process.env.API_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const STAFF_KEY = process.env.STAFF_API_KEY;

let stepNo = 0;
function step(what: string, product?: { stage: string; pendingAction?: { by: string | null; description: string } }): void {
  stepNo += 1;
  const state = product ? `  → ${product.stage}${product.pendingAction?.by ? ` (next: ${product.pendingAction.description})` : ''}` : '';
  console.log(`${String(stepNo).padStart(2)}. ${what}${state}`);
}

async function main(): Promise<void> {
  if (!STAFF_KEY) {
    console.error('Set STAFF_API_KEY to a staff key: the first `npm start` prints one ("Staff API key (shown once…)").');
    process.exit(2);
  }
  const health = await fetch(`${API}/health`).then((r) => r.json() as Promise<{ status: string }>).catch(() => null);
  if (!health) {
    console.error(`No engine answers at ${API}. Start it with \`npm start\` (or set API_URL).`);
    process.exit(2);
  }
  if (health.status !== 'ok') console.warn(`The engine reports: ${JSON.stringify(health)}`);

  const api = apiClient(API, STAFF_KEY);
  const staff = <T>(method: string, path: string, body?: unknown) => ok(api.http<T>(method, path, { body }));
  const suffix = randomBytes(3).toString('hex');
  const influencer = await staff<InfluencerDto>('POST', '/influencers', { handle: `demo-${suffix}`, displayName: `Demo Influencer ${suffix}` });
  step(`Created influencer ${influencer.handle} (${influencer.id})`);
  const issued = await staff<IssuedApiKeyDto>('POST', '/api-keys', { role: 'influencer', influencerId: influencer.id, label: 'demo' });
  const influencerCall = <T>(path: string, body: unknown) => ok(api.http<T>('POST', path, { key: issued.key, body }));
  step(`Issued an influencer API key (${issued.prefix}…, shown once)`);
  await staff('PUT', `/influencers/${influencer.id}/social-settings`, { tone: 'hype', signatureHashtags: ['madewithfans'] });
  const logChannel = await staff<ChannelDto>('POST', `/influencers/${influencer.id}/channels`, { kind: 'log', name: 'staff log' });
  step(`Set the influencer's social settings (hype tone, #madewithfans) and a log channel ${logChannel.id} for her updates`);

  let product = await staff<Product>('POST', '/products', {
    name: `Demo summer dress ${suffix}`,
    influencerId: influencer.id,
    targetKeyword: 'linen dress',
    poll: {
      question: 'Which summer dress should we make?',
      options: [
        { id: 'linen-midi', label: 'Linen midi' },
        { id: 'wrap', label: 'Wrap dress' },
        { id: 'slip', label: 'Slip dress' },
      ],
      durationMinutes: 60,
      minVotes: 3,
    },
  });
  const p = `/products/${product.id}`;
  step(`Created product ${product.id} with a fan poll`, product);

  // Fans vote through a platform connector, registered as a webhook source; it signs every delivery the
  // Standard Webhooks way (here with the reference library, as a connector would).
  const source = await staff<IssuedWebhookSourceDto>('POST', '/webhook-sources', { name: `Demo Weibo connector ${suffix}`, platform: 'weibo' });
  step(`Registered webhook source ${source.id} for weibo (its whsec_ secret is shown once)`);
  const vote = (webhookId: string, body: string) => ok(deliver<VoteReceiptDto>(api, source, sign(source.secret, body, { webhookId })));
  const votes: [string, number][] = [['linen-midi', 3], ['wrap', 1], ['slip', 1]];
  let fan = 0;
  let firstDelivery: [string, string] | undefined;
  for (const [option, count] of votes) {
    for (let i = 0; i < count; i++) {
      fan += 1;
      const body = JSON.stringify({ productId: product.id, optionId: option, voter: { platform: 'weibo', userId: `demo-fan-${suffix}-${fan}` }, occurredAt: new Date().toISOString() });
      const delivery: [string, string] = [`msg_demo_${suffix}_${fan}`, body];
      firstDelivery ??= delivery;
      await vote(...delivery);
    }
  }
  const again = await vote(...firstDelivery!);
  step(`5 fans voted (3 × linen midi, 1 × wrap, 1 × slip); a redelivery was answered "${again.result}" (${again.reason})`);
  const live = await ok(api.http<LiveResultsDto>('GET', `${p}/poll/results`, { key: null }));
  step(`Live results: ${live.options.map((o) => `${o.label} ${o.votes}`).join(', ')} (total ${live.totalVotes})`);

  product = await staff<Product>('POST', `${p}/poll/close`, {});
  step(`Closed the poll: "${product.poll.result?.winningOptionId}" won with ${product.poll.result?.totalVotes} votes`, product);
  product = await staff<Product>('POST', `${p}/designs`, { title: 'Linen midi v1', description: 'A-line midi with long sleeves' });
  step('Staff submitted design round 1', product);
  product = await influencerCall<Product>(`${p}/designs/1/review`, { decision: 'REQUEST_CHANGES', feedback: 'Shorter sleeves, please' });
  step('Influencer requested changes: "Shorter sleeves, please"', product);
  product = await staff<Product>('POST', `${p}/designs`, { title: 'Linen midi v2', description: 'A-line midi with short sleeves' });
  step('Staff submitted design round 2', product);
  product = await influencerCall<Product>(`${p}/designs/2/review`, { decision: 'APPROVE' });
  step('Influencer approved design round 2', product);
  product = await staff<Product>('POST', `${p}/samples`, { supplier: 'Hangzhou Linen Co', notes: 'Good drape, colour true' });
  step('Staff recorded sample round 1', product);
  product = await influencerCall<Product>(`${p}/samples/1/review`, { decision: 'APPROVE' });
  step('Influencer approved the sample', product);
  product = await staff<Product>('POST', `${p}/production`, { supplier: 'Hangzhou Linen Co', dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString() });
  step(`Started production of ${product.production.run?.quantity} units (suggested from poll demand)`, product);
  for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED']) {
    product = await staff<Product>('POST', `${p}/production/milestones`, { milestone });
    step(`Recorded milestone ${milestone}`, product);
  }
  const draft = await ok(api.http<LaunchAnnouncementDto>('GET', `${p}/launch-announcement`, { key: issued.key }));
  await influencerCall<LaunchAnnouncementDto>(`${p}/launch-announcement/approve`, {});
  step(`Influencer approved the launch announcement "${draft.text.title}"`);
  const launchAt = new Date(Date.now() + 20_000).toISOString();
  product = await staff<Product>('POST', `${p}/launch`, { launchAt });
  step(`Scheduled the launch for ${launchAt}`, product);
  console.log(
    `    Countdowns and the launch are timers inside the workflow (${product.launch.countdowns.length} countdown(s) ahead;` +
      ' the default 24h/1h countdowns are past for a launch 20 s away — try LAUNCH_COUNTDOWNS=10s,5s npm start).',
  );

  const deadline = Date.now() + 90_000;
  while (product.stage !== 'ON_SALE') {
    if (Date.now() > deadline) throw new Error(`the product did not launch within 90 s (stage ${product.stage})`);
    await new Promise((r) => setTimeout(r, 500));
    product = await staff<Product>('GET', p);
  }
  step('The product is live and on sale', product);
  // On sale it stays until staff end it (restocks run inside ON_SALE); the demo ends it explicitly.
  product = await staff<Product>('POST', `${p}/end`, { reason: 'Demo over' });
  step('Staff ended the sales', product);

  const { events } = await staff<Timeline>('GET', `${p}/timeline`);
  console.log(`\nTimeline of ${product.id}:`);
  for (const e of events) {
    console.log(`  ${String(e.seq).padStart(3)}  ${e.at}  ${e.type.padEnd(26)} ${e.stage.padEnd(10)} ${e.actor.kind}${e.actor.label ? ` (${e.actor.label})` : ''}`);
  }
  const { updates } = await staff<SocialUpdatesDto>('GET', `${p}/social-updates`);
  console.log(`\nSocial updates (score 0–100; share page and card at the URL):`);
  for (const u of updates) console.log(`  ${u.event.padEnd(22)} ${String(u.optimisation.score).padStart(3)}  ${u.title}  ${u.shareUrl}`);
  const { deliveries } = await staff<DeliveriesDto>('GET', `${p}/deliveries`);
  const byStatus = deliveries.reduce((acc: Record<string, number>, d: { status: string }) => ({ ...acc, [d.status]: (acc[d.status] ?? 0) + 1 }), {});
  console.log(`Deliveries to the log channel: ${JSON.stringify(byStatus)} (the engine's log shows each as "social update")`);
  console.log(`\nSee its history in the Temporal UI: ${product.links.temporalUi}`);
}

main().catch((err) => {
  console.error(err instanceof ApiError ? err.message : err);
  process.exit(1);
});
