// Fan reservations through signed webhooks, end to end over HTTP against the real stack: every answer a
// connector can get, one reservation per fan and variant (normalised identity), durability under a
// concurrent flood with redeliveries, the demand goal signal reaching the workflow, and the live demand.
import type { Client } from '@temporalio/client';
import { demandGoalReached, productWorkflowId } from '../../libs/domain';
import type { LiveDemandDto, ReservationReceiptDto } from '../support/api-types';
import { deliverReservation, openDemandWindow, reservationBody, type ReservationBody } from '../support/intake';
import { castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { eventually, startTestEngine, temporalClient, type TestEngine } from '../support/stack';
import { inParallel, registerSource, sign, type Source } from '../support/votes';
import { expectError, expectOk, recordAttacks } from './e2e-helpers';

const VARIANTS = [
  { id: 's-black', label: 'S / black' },
  { id: 'm-black', label: 'M / black' },
];
const CODE = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{10}$/;

describe('fan reservations through signed webhooks', () => {
  let t: TestEngine;
  let mia: Cast;
  let weibo: Source;
  let temporal: Client;
  const signatures = recordAttacks('reservation webhook: forged, stale or replayed signature');

  beforeAll(async () => {
    t = await startTestEngine({ LIVE_RESULTS_TTL: '1ms' });
    mia = await castInfluencer(t, 'mia');
    weibo = await registerSource(t);
    temporal = await temporalClient();
  });
  afterAll(async () => {
    await temporal?.connection.close();
    await t?.stop();
  });

  /** A product in DEMAND with an open window of `minimumUnits`. */
  async function demandProduct(minimumUnits = 100, closesInMs = 3_600_000): Promise<string> {
    const productId = await createProduct(t, mia.influencerId, { variants: VARIANTS });
    await openDemandWindow(t, productId, { minimumUnits, closesAt: new Date(Date.now() + closesInMs) });
    return productId;
  }
  const reserve = (body: ReservationBody | Record<string, unknown>, opts: { webhookId?: string; at?: Date } = {}) =>
    deliverReservation<ReservationReceiptDto>(t, weibo.id, sign(weibo.secret, body, opts));
  const stored = (productId: string) =>
    t.db.dataSource.query<{ variant_id: string; platform_user_id: string; quantity: number; code: string; via: string; status: string }[]>(
      `SELECT variant_id, platform_user_id, quantity, code, via, status FROM reservations WHERE product_id = $1 ORDER BY created_at, id`,
      [productId],
    );
  const windowOf = async (productId: string) =>
    (
      await t.db.dataSource.query<{ reserved_units: number; reservations: number; goal_reached_at: Date | null }[]>(
        `SELECT coalesce(t.reserved_units, 0) AS reserved_units, coalesce(t.reservations, 0) AS reservations, t.goal_reached_at
         FROM demand_windows w LEFT JOIN demand_window_totals t ON t.product_id = w.product_id WHERE w.product_id = $1`,
        [productId],
      )
    )[0];

  describe('answers', () => {
    let productId: string;
    beforeAll(async () => {
      productId = await demandProduct();
    });

    it('answers 202 with an unguessable reservation code once the reservation is committed, and counts its units', async () => {
      const delivery = sign(weibo.secret, reservationBody(productId, 'm-black', 'fan-1', 2));
      const body = expectOk(await deliverReservation<ReservationReceiptDto>(t, weibo.id, delivery), 202);
      expect(body).toEqual({ result: 'reserved', code: expect.stringMatching(CODE) as string, productId, variantId: 'm-black', webhookId: delivery.webhookId });
      expect(await stored(productId)).toEqual([{ variant_id: 'm-black', platform_user_id: 'fan-1', quantity: 2, code: body.code, via: 'fan', status: 'held' }]);
      expect(await windowOf(productId)).toMatchObject({ reserved_units: 2, reservations: 1, goal_reached_at: null });
    });

    it('takes one reservation per fan and variant: a redelivery and the same fan spelt differently are duplicates with the stored code', async () => {
      const first = sign(weibo.secret, reservationBody(productId, 's-black', 'Fan_Two', 1));
      const reserved = expectOk(await deliverReservation<ReservationReceiptDto>(t, weibo.id, first), 202);
      expect(expectOk(await deliverReservation<ReservationReceiptDto>(t, weibo.id, first))).toMatchObject({ result: 'duplicate', reason: 'redelivery', code: reserved.code });
      // Case, surrounding space, full-width letters and a zero-width space: the same weibo fan.
      for (const spelling of ['fan_two', ' FAN_TWO ', 'ｆａｎ＿ｔｗｏ', 'fan\u200b_two']) {
        const again = expectOk(await reserve(reservationBody(productId, 's-black', spelling, 3)));
        expect(again).toMatchObject({ result: 'duplicate', reason: 'already-reserved', code: reserved.code });
      }
      // Another variant is another reservation.
      expectOk(await reserve(reservationBody(productId, 'm-black', 'fan_two', 1)), 202);
      const rows = (await stored(productId)).filter((r) => r.platform_user_id === 'fan_two');
      expect(rows.map((r) => [r.variant_id, r.quantity])).toEqual([
        ['s-black', 1],
        ['m-black', 1],
      ]);
      expect(await windowOf(productId)).toMatchObject({ reserved_units: 4, reservations: 3 });
    });

    it('answers 401 for a missing, forged or stale signature and 200 duplicate for a replayed one, storing nothing new', async () => {
      const body = reservationBody(productId, 'm-black', 'fan-401');
      const good = sign(weibo.secret, body);
      signatures.refused(await deliverReservation(t, weibo.id, { ...good, headers: {} }), [401], { message: 'headers are required' });
      signatures.refused(await deliverReservation(t, weibo.id, { ...good, payload: good.payload.replace('"quantity":1', '"quantity":9') }), [401], { message: 'no signature' });
      const other = await registerSource(t);
      signatures.refused(await deliverReservation(t, weibo.id, sign(other.secret, body)), [401], { message: 'no signature' });
      signatures.refused(await reserve(body, { at: new Date(Date.now() - 6 * 60_000) }), [401], { message: 'more than five minutes old' });
      signatures.refused(await reserve(body, { at: new Date(Date.now() + 6 * 60_000) }), [401], { message: 'in the future' });
      expect((await stored(productId)).some((r) => r.platform_user_id === 'fan-401')).toBe(false);

      const replayed = sign(weibo.secret, reservationBody(productId, 'm-black', 'fan-replay'));
      expectOk(await deliverReservation(t, weibo.id, replayed), 202);
      const again = await deliverReservation<ReservationReceiptDto>(t, weibo.id, replayed);
      signatures.checked(again.status === 200 && again.body.result === 'duplicate', 'a replayed delivery is not counted again');
      expect((await stored(productId)).filter((r) => r.platform_user_id === 'fan-replay')).toHaveLength(1);
    });

    it('answers 404 for an unknown product, 422 naming the variants for an unknown variant, 400 for a quantity below 1', async () => {
      expectError(await reserve(reservationBody('p-doesnotexist', 'm-black', 'fan-x')), 404, { message: 'product p-doesnotexist does not exist' });
      expectError(await reserve(reservationBody(productId, 'xl-pink', 'fan-x')), 422, { fields: ['variantId'], message: 's-black, m-black' });
      expectError(await reserve(reservationBody(productId, 'm-black', 'fan-x', 0)), 400, { message: 'quantity must be at least 1' });
      expectError(await reserve(reservationBody(productId, 'm-black', 'fan-x', -2)), 400, { message: 'quantity must be at least 1' });
      expectError(await reserve(reservationBody(productId, 'm-black', 'fan-x', 11)), 422, { fields: ['quantity'] });
      expectError(await reserve({ ...reservationBody(productId, 'm-black', 'fan-x'), quantity: 1.5 }), 422, { fields: ['quantity'] });
      expectError(await reserve(reservationBody(productId, 'm-black', 'fan-x', 1, 'tiktok')), 422, { fields: ['fan.platform'] });
      expectError(await reserve({ ...reservationBody(productId, 'm-black', 'fan-x'), attributionCode: 'x'.repeat(17) }), 422, { fields: ['attributionCode'] });
      expect((await stored(productId)).some((r) => r.platform_user_id === 'fan-x')).toBe(false);
    });

    it('answers 409 saying why when the window is past its closing time, not open, or the product has none', async () => {
      const closesAt = Date.now() + 1_500;
      const late = await demandProduct(10, closesAt - Date.now());
      const early = sign(weibo.secret, reservationBody(late, 'm-black', 'early-fan'));
      expectOk(await deliverReservation(t, weibo.id, early), 202);
      await eventually('the window\'s closing time to pass', () => Date.now() > closesAt + 100);
      expectError(await reserve(reservationBody(late, 'm-black', 'late-fan')), 409, { message: /does not take reservations now: reservations closed at \d{4}-/ });
      // A redelivery of one acknowledged before the close keeps its answer.
      expect(expectOk(await deliverReservation<ReservationReceiptDto>(t, weibo.id, early))).toMatchObject({ result: 'duplicate', reason: 'redelivery' });
      expect((await stored(late)).map((r) => r.platform_user_id)).toEqual(['early-fan']);

      const closing = await demandProduct();
      await t.db.dataSource.query(`UPDATE demand_windows SET status = 'CLOSING' WHERE product_id = $1`, [closing]);
      expectError(await reserve(reservationBody(closing, 'm-black', 'fan-c')), 409, { message: 'its reservation window is CLOSING' });

      const noGate = await createProduct(t, mia.influencerId);
      expectError(await reserve(reservationBody(noGate, 'one-size', 'fan-n')), 409, { message: 'it has no reservation window' });
      expectError(await reserve(reservationBody(noGate, 'm-black', 'fan-n')), 422, { fields: ['variantId'], message: 'one-size' });
    });
  });

  it('keeps every acknowledged reservation exactly once under a concurrent flood with redeliveries', async () => {
    const productId = await demandProduct(1_000_000);
    const fans = Array.from({ length: 150 }, (_, i) => ({ fan: `flood-${i}`, variant: VARIANTS[i % 2].id, quantity: (i % 3) + 1 }));
    const deliveries = fans.map((f) => sign(weibo.secret, reservationBody(productId, f.variant, f.fan, f.quantity)));
    // Every tenth delivery is sent twice, at the same time as the rest.
    const sends = [...deliveries, ...deliveries.filter((_, i) => i % 10 === 0)];
    const answers = await inParallel(40, sends.map((d) => () => deliverReservation<ReservationReceiptDto>(t, weibo.id, d)));
    expect(answers.every((a) => a.status === 202 || a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.status === 202)).toHaveLength(fans.length);

    const rows = await stored(productId);
    expect(rows).toHaveLength(fans.length);
    expect(new Set(rows.map((r) => r.code)).size).toBe(fans.length);
    const acknowledged = new Map(answers.filter((a) => a.status === 202).map((a) => [a.body.code, a.body]));
    for (const r of rows) expect(acknowledged.has(r.code)).toBe(true);
    const units = fans.reduce((sum, f) => sum + f.quantity, 0);
    expect(await windowOf(productId)).toMatchObject({ reserved_units: units, reservations: fans.length });
  });

  it('records the moment the goal is first reached and signals the workflow once', async () => {
    const productId = await demandProduct(5);
    expectOk(await reserve(reservationBody(productId, 's-black', 'goal-1', 3)), 202);
    expect((await windowOf(productId)).goal_reached_at).toBeNull();
    expectOk(await reserve(reservationBody(productId, 'm-black', 'goal-2', 2)), 202);
    const reachedAt = (await windowOf(productId)).goal_reached_at;
    expect(reachedAt).not.toBeNull();
    expectOk(await reserve(reservationBody(productId, 'm-black', 'goal-3', 4)), 202);
    expect(await windowOf(productId)).toMatchObject({ reserved_units: 9, goal_reached_at: reachedAt });

    const signals = await eventually('the demandGoalReached signal in the workflow history', async () => {
      const history = await temporal.workflow.getHandle(productWorkflowId(productId)).fetchHistory();
      const found = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === demandGoalReached.name);
      return found.length > 0 ? found : undefined;
    });
    expect(signals).toHaveLength(1);
  });

  describe('live demand', () => {
    it('shows units per variant, the share of the goal and time left to anyone, for any origin', async () => {
      const productId = await demandProduct(10);
      expectOk(await reserve(reservationBody(productId, 's-black', 'live-1', 3)), 202);
      expectOk(await reserve(reservationBody(productId, 'm-black', 'live-2', 1)), 202);
      const res = await t.http<LiveDemandDto>('GET', `/products/${productId}/demand`, { key: null });
      const body = expectOk(res);
      expect(body).toMatchObject({
        productId,
        status: 'OPEN',
        minimumUnits: 10,
        reservedUnits: 4,
        reservations: 2,
        shareOfGoal: 0.4,
        variants: [
          { variantId: 's-black', label: 'S / black', units: 3 },
          { variantId: 'm-black', label: 'M / black', units: 1 },
        ],
      });
      expect(body.timeLeftMs).toBeGreaterThan(3_000_000);
      expect(body.timeLeftMs).toBeLessThanOrEqual(3_600_000);
      const headers = await fetch(`${t.engine.apiUrl}/products/${productId}/demand`);
      expect(headers.headers.get('cache-control')).toBe('public, max-age=1');
      expect(headers.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('answers 404 for an unknown product and for a product without a demand gate, saying which', async () => {
      expectError(await t.http('GET', '/products/p-doesnotexist/demand', { key: null }), 404, { message: 'does not exist' });
      const noGate = await createProduct(t, mia.influencerId);
      expectError(await t.http('GET', `/products/${noGate}/demand`, { key: null }), 404, { message: 'has no demand gate' });
    });
  });
});
