// `npm run demo`: with the engine running (`npm start`), walks one product through the whole loop over the
// HTTP API, printing each step: its own influencer, keys, social settings and a log channel; a shop and a fan
// connector; a fan poll whose posts carry tracked links (a fan clicks one), signed votes; reservations of
// the winner until the demand goal is met; design and sample rounds with the influencer; production sized
// from the reservations; the approved launch; signed orders from the shop (reservation holders checking
// out with their codes) until a size sells out and a restock is proposed; the restock's run and "back in
// stock"; the funnel; staff ending the product. Then the timeline, the social updates, the Temporal UI link,
// and one JSON line: {"stage":…,"reservations":N,"orders":N,"restocks":N,"funnel":{…}}.
// Needs STAFF_API_KEY (printed by the first `npm start`). It calls the API with the tests' harness client
// and signs deliveries the way connectors do (test/support, plain Node).

import { randomBytes } from 'node:crypto';
import type { Actor, ProductView } from '@app/domain';
import type { FunnelDto } from '../apps/api/src/funnel/dto/funnel.dto';
import { ApiError, apiClient, ok } from '../test/support/api-client';
import type {
  ChannelDto,
  DeliveriesDto,
  InfluencerDto,
  IssuedApiKeyDto,
  IssuedWebhookSourceDto,
  LaunchAnnouncementDto,
  LiveDemandDto,
  LiveResultsDto,
  ProductDto,
  ReservationReceiptDto,
  SocialUpdatesDto,
  TimelineDto,
  TimelineEventDto,
  VoteReceiptDto,
} from '../test/support/api-types';
import { deliverReservation, deliverShopEvent, registerShop, signShopEvent, variantsWithSkus } from '../test/support/intake';
import { deliver, sign } from '../test/support/votes';

/** A product as the API answers it; the DTO declares these as objects, they are the domain's view. */
type Product = ProductDto & Pick<ProductView, 'poll' | 'production' | 'launch' | 'demand' | 'sales'>;
/** The timeline; the DTO declares an event's actor as an object, it is the domain's Actor. */
type Timeline = TimelineDto & { events: (TimelineEventDto & { actor: Actor })[] };

const API = (process.env.API_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const STAFF_KEY = process.env.STAFF_API_KEY;
/** What a fan's phone sends: tracked-link clicks and share-page views from bots are not counted. */
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 demo';

let stepNo = 0;
function step(what: string, product?: { stage: string; pendingAction?: { by: string | null; description: string } }): void {
  stepNo += 1;
  const state = product ? `  → ${product.stage}${product.pendingAction?.by ? ` (next: ${product.pendingAction.description})` : ''}` : '';
  console.log(`${String(stepNo).padStart(2)}. ${what}${state}`);
}

/** Polls `check` every half second until it returns a value (the engine works asynchronously: timers, signals). */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
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
  const shop = await registerShop(api, { name: `Demo shop ${suffix}` });
  step(`Registered shop ${shop.id} (standard connector; its whsec_ secrets are shown once; without an outbound URL its reservation events are recorded, not sent)`);

  const variants = variantsWithSkus(['s', 'm']);
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
    variants,
    demandGoal: { minimumUnits: 6, windowHours: 24 },
    shopId: shop.id,
    sales: { restockThreshold: 0.75, restockCoverDays: 7, restockMinimumUnits: 5 },
  });
  const p = `/products/${product.id}`;
  step(`Created product ${product.id}: a fan poll (screened; a draft until the influencer approves it), sizes ${variants.map((v) => `${v.label} (${v.sku})`).join(' and ')}, a goal of 6 reserved units`, product);
  product = await influencerCall<Product>(`${p}/poll/approve`, {});
  step(`The influencer approved the poll's options: it is open until ${product.poll.closesAt}, an hour from her approval`, product);

  // Every post links through a tracked link of its own (one per update and channel): GET /r/<code>.
  const linkOf = (event: string) =>
    until(`the ${event} post`, async () => (await staff<DeliveriesDto>('GET', `${p}/deliveries`)).deliveries.find((d) => d.event === event && d.trackedLink)?.trackedLink ?? undefined);
  const pollLink = await linkOf('POLL_OPENED');
  const clicked = await fetch(`${API}${pollLink}`, { redirect: 'manual', headers: { 'user-agent': PHONE } });
  await fetch(new URL(clicked.headers.get('location') ?? '/', API), { headers: { 'user-agent': PHONE } });
  step(`A fan followed the poll post's tracked link ${pollLink} (${clicked.status} to its share page): one click, one view`);

  // Fans vote through a platform connector, registered as a webhook source; it signs every delivery the
  // Standard Webhooks way (here with the reference library, as a connector would).
  const source = await staff<IssuedWebhookSourceDto>('POST', '/webhook-sources', { name: `Demo Weibo connector ${suffix}`, platform: 'weibo' });
  step(`Registered webhook source ${source.id} for weibo (its whsec_ secret is shown once)`);
  const fanId = (n: number) => `demo-fan-${suffix}-${n}`;
  const vote = (webhookId: string, body: string) => ok(deliver<VoteReceiptDto>(api, source, sign(source.secret, body, { webhookId })));
  const votes: [string, number][] = [['linen-midi', 3], ['wrap', 1], ['slip', 1]];
  let fan = 0;
  let firstDelivery: [string, string] | undefined;
  for (const [option, count] of votes) {
    for (let i = 0; i < count; i++) {
      fan += 1;
      const attribution = fan <= 3 ? { attributionCode: pollLink.slice(3) } : {};
      const body = JSON.stringify({ productId: product.id, optionId: option, voter: { platform: 'weibo', userId: fanId(fan) }, occurredAt: new Date().toISOString(), ...attribution });
      const delivery: [string, string] = [`msg_demo_${suffix}_${fan}`, body];
      firstDelivery ??= delivery;
      await vote(...delivery);
    }
  }
  const again = await vote(...firstDelivery!);
  step(`5 fans voted (3 × linen midi through the tracked link, 1 × wrap, 1 × slip); a redelivery was answered "${again.result}" (${again.reason})`);
  const live = await ok(api.http<LiveResultsDto>('GET', `${p}/poll/results`, { key: null }));
  step(`Live results: ${live.options.map((o) => `${o.label} ${o.votes}`).join(', ')} (total ${live.totalVotes})`);

  product = await staff<Product>('POST', `${p}/poll/close`, {});
  step(`Closed the poll: "${product.poll.result?.winningOptionId}" won with ${product.poll.result?.totalVotes} votes; reservations open until ${product.demand?.closesAt}`, product);

  // Fans reserve the winner ("I'd buy it") through the same connector, most of them from the demand post.
  const demandLink = (await linkOf('DEMAND_OPENED')).slice(3);
  const reservations: ReservationReceiptDto[] = [];
  for (const [n, variantId, quantity] of [[1, 's', 2], [2, 'm', 2], [3, 's', 1], [6, 'm', 1]] as const) {
    const body = { productId: product.id, variantId, quantity, fan: { platform: 'weibo', userId: fanId(n) }, occurredAt: new Date().toISOString(), ...(n < 6 ? { attributionCode: demandLink } : {}) };
    reservations.push(await ok(deliverReservation<ReservationReceiptDto>(api, source.id, sign(source.secret, body)), 202));
  }
  const demand = await ok(api.http<LiveDemandDto>('GET', `${p}/demand`, { key: null }));
  step(`4 fans reserved ${demand.reservedUnits} units (${demand.variants.map((v) => `${v.label} ${v.units}`).join(', ')}): ${Math.round(demand.shareOfGoal * 100)}% of the goal; codes ${reservations.map((r) => r.code).join(', ')}`);
  product = await staff<Product>('POST', `${p}/demand/close`, {});
  step(`Closed the reservations: goal met; production suggested per size ${(product.demand?.suggested ?? []).map((s) => `${s.variantId} ${s.units}`).join(', ')}`, product);

  product = await staff<Product>('POST', `${p}/designs`, { title: 'Linen midi v1', description: 'A-line midi with long sleeves' });
  step('Staff submitted design round 1', product);
  product = await influencerCall<Product>(`${p}/designs/1/review`, { decision: 'REQUEST_CHANGES', feedback: 'Shorter sleeves, please' });
  step('Influencer requested changes: "Shorter sleeves, please"', product);
  product = await staff<Product>('POST', `${p}/designs`, { title: 'Linen midi v2', description: 'A-line midi with short sleeves' });
  product = await influencerCall<Product>(`${p}/designs/2/review`, { decision: 'APPROVE' });
  step('Staff submitted design round 2; the influencer approved it', product);
  product = await staff<Product>('POST', `${p}/samples`, { supplier: 'Hangzhou Linen Co', notes: 'Good drape, colour true' });
  product = await influencerCall<Product>(`${p}/samples/1/review`, { decision: 'APPROVE' });
  step('Staff recorded sample round 1; the influencer approved it', product);
  product = await staff<Product>('POST', `${p}/production`, { supplier: 'Hangzhou Linen Co', dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString() });
  const run = product.production.run;
  step(`Started production of ${run?.quantity} units (${(run?.quantities ?? []).map((q) => `${q.variantId} ${q.units}`).join(', ')}: sized from the reservations)`, product);
  for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED']) product = await staff<Product>('POST', `${p}/production/milestones`, { milestone });
  step('Recorded the milestones MATERIALS … SHIPPED', product);
  const draft = await ok(api.http<LaunchAnnouncementDto>('GET', `${p}/launch-announcement`, { key: issued.key }));
  await influencerCall<LaunchAnnouncementDto>(`${p}/launch-announcement/approve`, {});
  step(`Influencer approved the launch announcement "${draft.text.title}"`);
  const launchAt = new Date(Date.now() + 15_000).toISOString();
  product = await staff<Product>('POST', `${p}/launch`, { launchAt });
  step(`Scheduled the launch for ${launchAt} (a timer inside the workflow)`, product);
  product = await until('the launch', async () => {
    const current = await staff<Product>('GET', p);
    return current.stage === 'ON_SALE' ? current : undefined;
  });
  step(`The product is on sale; ${product.demand?.lastTally?.reservations ?? 0} reservation holders were told their codes (held until ${product.sales?.holdUntil})`, product);

  // The shop posts its orders, signed: holders check out with their reservation codes, and a buyer comes
  // through the launch post; S sells out and sell-through passes 75 %, so the workflow proposes a restock.
  const launchLink = (await linkOf('LAUNCHED')).slice(3);
  let orders = 0;
  const order = async (lines: { variantId: string; quantity: number; reservationCode?: string; attributionCode?: string }[]) => {
    orders += 1;
    const data = { orderId: `demo-${suffix}-${orders}`, createdAt: new Date().toISOString(), currency: 'EUR', lines: lines.map((l, i) => ({ lineId: String(i + 1), productId: product.id, unitPriceMinor: 6900, ...l })) };
    await ok(deliverShopEvent(api, shop.id, signShopEvent(shop, 'order.created', data)), 202);
  };
  await order([{ variantId: 's', quantity: 2, reservationCode: reservations[0].code }]);
  await order([{ variantId: 'm', quantity: 2, reservationCode: reservations[1].code }]);
  await order([{ variantId: 's', quantity: 1, reservationCode: reservations[2].code }]);
  await order([{ variantId: 'm', quantity: 1, reservationCode: reservations[3].code }]);
  await order([{ variantId: 's', quantity: 1, attributionCode: launchLink }]);
  step(`The shop posted ${orders} signed orders (4 reservation holders with their codes, 1 buyer through the launch post)`);
  product = await until('the restock proposal', async () => {
    const current = await staff<Product>('GET', p);
    return current.sales?.restocks.some((r) => r.status === 'PROPOSED') ? current : undefined;
  });
  const proposal = product.sales!.restocks.find((r) => r.status === 'PROPOSED')!;
  step(`Sold out: ${product.sales?.soldOut.join(', ') || 'none'}; sell-through ${Math.round(proposal.sellThrough * 100)}%: restock ${proposal.number} proposed (${proposal.suggested.map((s) => `${s.variantId} ${s.units}`).join(', ')})`, product);
  product = await staff<Product>('POST', `${p}/restocks/approve`, { supplier: 'Hangzhou Linen Co', dueDate: new Date(Date.now() + 14 * 86_400_000).toISOString() });
  step('Staff approved the restock', product);
  for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED']) product = await staff<Product>('POST', `${p}/restocks/milestones`, { milestone });
  step(`The restock's run shipped: back in stock (${product.sales?.produced.map((s) => `${s.variantId} ${s.units} produced`).join(', ')})`, product);
  await order([{ variantId: 's', quantity: 1, attributionCode: launchLink }]);
  step('One more order after the restock');

  const funnel = await staff<FunnelDto>('GET', `${p}/funnel`);
  console.log(`\nFunnel of ${product.id} (GET ${p}/funnel, ?format=csv, /funnel.svg):`);
  for (const r of funnel.rows) {
    const revenue = r.revenue.map((x) => `${(x.amountMinor / 100).toFixed(2)} ${x.currency}`).join(' + ') || '-';
    console.log(`  ${r.source.padEnd(12)} ${String(r.stage ?? '').padEnd(8)} ${r.channel.padEnd(12)} views ${r.views}  clicks ${r.clicks}  votes ${r.votes}  reservations ${r.reservations}  orders ${r.orders}  revenue ${revenue}`);
  }
  const { voterToReserver, reserverToBuyer } = funnel.conversions;
  console.log(`  voter → reserver ${voterToReserver.numerator}/${voterToReserver.denominator}, reserver → buyer ${reserverToBuyer.numerator}/${reserverToBuyer.denominator}`);

  product = await staff<Product>('POST', `${p}/end`, { reason: 'Demo over' });
  step('Staff ended the sales: the workflow completes', product);

  const { events } = await staff<Timeline>('GET', `${p}/timeline`);
  console.log(`\nTimeline of ${product.id}:`);
  for (const e of events) {
    console.log(`  ${String(e.seq).padStart(3)}  ${e.at}  ${e.type.padEnd(26)} ${e.stage.padEnd(10)} ${e.actor.kind}${e.actor.label ? ` (${e.actor.label})` : ''}`);
  }
  const { updates } = await staff<SocialUpdatesDto>('GET', `${p}/social-updates`);
  console.log(`\nSocial updates (score 0–100; share page and card at the URL):`);
  for (const u of updates) console.log(`  ${u.event.padEnd(22)} ${String(u.optimisation.score).padStart(3)}  ${u.title}  ${u.shareUrl}`);
  console.log(`\nSee its history in the Temporal UI: ${product.links.temporalUi}`);
  const t = funnel.totals;
  console.log(
    JSON.stringify({
      stage: product.stage,
      reservations: reservations.length,
      orders,
      restocks: product.sales?.restocks.length ?? 0,
      funnel: { views: t.views, clicks: t.clicks, votes: t.votes, reservations: t.reservations, orders: t.orders, revenue: t.revenue, conversions: funnel.conversions },
    }),
  );
}

main().catch((err) => {
  console.error(err instanceof ApiError ? err.message : err);
  process.exit(1);
});
