// Orders placed with registered suppliers: sample requests (commands/request-sample.ts, record-sample.ts),
// the production run and restocks naming a supplier, which orders are open when the product or the restock
// is cancelled, and the supplier notices each event calls for (supplier-events.ts).

import { DomainErrorCode } from '../errors';
import type { LifecycleEvent } from '../model';
import { openSupplierOrders, supplierNoticesFor } from '../supplier-events';
import { pendingAction } from '../view';
import { DAY, driveTo, expectRefused, HOUR, influencer, iso, MINUTE, type Product, PRODUCT_ID, SAMPLE_ROUND_LIMIT, staff, stockReport } from '../testing/lifecycle-driver';

const NORD = { supplierId: 'sup-nord', supplier: 'Atelier Nord' };
const MILL = { supplierId: 'sup-mill', supplier: 'Hangzhou Mill' };

const request = (p: Product, due?: number) => p.advance(MINUTE).act({ type: 'REQUEST_SAMPLE', ...NORD, notes: 'size M', ...(due ? { dueDate: iso(due) } : {}) });
const notices = (p: Product, events: LifecycleEvent[]) => events.flatMap((e) => supplierNoticesFor(p.state, e));

describe('sample requests to registered suppliers', () => {
  it('opens a request for the next round, says so in the pending action, and notifies the supplier once', () => {
    const p = driveTo('SAMPLING');
    const due = p.now + 10 * DAY;
    const events = request(p, due);
    expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([
      ['SAMPLE_REQUESTED', 'SAMPLING', { number: 1, ...NORD, notes: 'size M', dueDate: iso(due) }],
    ]);
    expect(p.state.sampleRequests).toEqual([{ number: 1, ...NORD, notes: 'size M', dueDate: iso(due), requestedAt: iso(p.now), requestedBy: staff, status: 'OPEN' }]);
    expect(pendingAction(p.state)).toEqual({
      by: 'staff',
      action: 'RECORD_SAMPLE',
      description: `record sample round 1 when it arrives from Atelier Nord (requested ${iso(p.now)}, due ${iso(due)})`,
    });
    expect(notices(p, events)).toEqual([
      {
        productId: PRODUCT_ID,
        seq: events[0].seq,
        supplierId: 'sup-nord',
        kind: 'sample.requested',
        order: 'sample-1',
        at: iso(p.now),
        details: { productName: p.state.name, notes: 'size M', dueDate: iso(due), variants: [] },
      },
    ]);
  });

  it('closes the request with the sample recorded from it, which names its supplier', () => {
    const p = driveTo('SAMPLING');
    request(p);
    const events = p.advance(MINUTE).act({ type: 'RECORD_SAMPLE', notes: 'arrived', photoUrls: [] });
    expect(events.map((e) => e.data)).toEqual([{ round: 1, ...NORD, request: 1 }]);
    expect(p.state.samples[0]).toMatchObject({ round: 1, ...NORD, request: 1, status: 'PENDING_REVIEW' });
    expect(p.state.sampleRequests![0]).toMatchObject({ status: 'RECEIVED', closedAt: iso(p.now) });
    expect(openSupplierOrders(p.state)).toEqual([]);
    expect(notices(p, events)).toEqual([]);
  });

  it('refuses a second open request, a request while a round waits for review, and a sample from another supplier than the request', () => {
    const p = driveTo('SAMPLING');
    request(p);
    expectRefused(p, { type: 'REQUEST_SAMPLE', ...MILL, notes: '' }, DomainErrorCode.InvalidState, `sample request 1 of product ${PRODUCT_ID} (to Atelier Nord) is still open; record its sample first`);
    expectRefused(p, { type: 'RECORD_SAMPLE', supplierId: 'sup-mill', supplier: 'Hangzhou Mill', notes: '', photoUrls: [] }, DomainErrorCode.InvalidValue, /sample request 1 is open with supplier sup-nord/);
    expectRefused(p, { type: 'RECORD_SAMPLE', supplier: 'Somebody', notes: '', photoUrls: [] }, DomainErrorCode.InvalidValue, /comes from that supplier: leave supplier out/);
    p.advance(MINUTE).act({ type: 'RECORD_SAMPLE', notes: '', photoUrls: [] });
    expectRefused(p, { type: 'REQUEST_SAMPLE', ...MILL, notes: '' }, DomainErrorCode.InvalidState, /waiting for the influencer's review/);
  });

  it('refuses a sample without a supplier when no request is open, and a due date in the past', () => {
    const p = driveTo('SAMPLING');
    expectRefused(p, { type: 'RECORD_SAMPLE', notes: '', photoUrls: [] }, DomainErrorCode.InvalidValue, 'a sample needs its supplier (supplier or supplierId)');
    expectRefused(p, { type: 'REQUEST_SAMPLE', ...NORD, notes: '', dueDate: iso(p.now - HOUR) }, DomainErrorCode.InvalidValue, /is not in the future/);
  });

  it('counts requests toward the round limit', () => {
    const p = driveTo('SAMPLING');
    for (let round = 1; round <= SAMPLE_ROUND_LIMIT; round++) {
      request(p);
      p.advance(MINUTE).act({ type: 'RECORD_SAMPLE', notes: '', photoUrls: [] });
      p.advance(MINUTE).act({ type: 'REVIEW_SAMPLE', round, decision: 'REQUEST_CHANGES', feedback: 'loose seams' }, influencer);
    }
    expectRefused(p, { type: 'REQUEST_SAMPLE', ...NORD, notes: '' }, DomainErrorCode.RoundLimitReached);
  });
});

describe('cancelling tells the suppliers of open orders', () => {
  it('cancels an open sample request: its supplier is sent sample.cancelled', () => {
    const p = driveTo('SAMPLING');
    request(p);
    expect(openSupplierOrders(p.state)).toEqual([{ order: 'sample-1', supplierId: 'sup-nord' }]);
    const events = p.advance(MINUTE).act({ type: 'CANCEL', reason: 'fabric discontinued' });
    expect(events.at(-1)!.data).toEqual({ reason: 'fabric discontinued', from: 'SAMPLING', supplierOrders: [{ order: 'sample-1', supplierId: 'sup-nord' }] });
    expect(p.state.sampleRequests![0]).toMatchObject({ status: 'CANCELLED', closedAt: iso(p.now) });
    expect(notices(p, events)).toEqual([
      expect.objectContaining({ supplierId: 'sup-nord', kind: 'sample.cancelled', order: 'sample-1', details: { productName: p.state.name, reason: 'fabric discontinued' } }),
    ]);
  });

  it('cancels a production run of a registered supplier until it ships, and nothing after', () => {
    const p = driveTo('PRODUCTION');
    const started = p.advance(MINUTE).act({ type: 'START_PRODUCTION', ...MILL, quantity: 120, dueDate: iso(p.now + 30 * DAY) });
    expect(notices(p, started)).toEqual([
      expect.objectContaining({ kind: 'production.requested', order: 'production', supplierId: 'sup-mill', details: expect.objectContaining({ quantity: 120, dueDate: iso(p.now + 30 * DAY) }) as object }),
    ]);
    const cancelled = p.advance(MINUTE).act({ type: 'CANCEL', reason: 'influencer left' });
    expect(notices(p, cancelled)).toEqual([expect.objectContaining({ kind: 'production.cancelled', order: 'production', supplierId: 'sup-mill' })]);

    const shipped = driveTo('LAUNCH');
    expect(openSupplierOrders(shipped.state)).toEqual([]);
  });

  it('names no supplier order for a run or sample whose supplier was given as a name only', () => {
    const p = driveTo('PRODUCTION');
    const started = p.advance(MINUTE).act({ type: 'START_PRODUCTION', supplier: 'Somebody', dueDate: iso(p.now + 30 * DAY) });
    expect(notices(p, started)).toEqual([]);
    const cancelled = p.advance(MINUTE).act({ type: 'CANCEL', reason: 'x' });
    expect(cancelled.at(-1)!.data).toEqual({ reason: 'x', from: 'PRODUCTION' });
  });

  it('tells a restock\'s supplier when the restock is approved and when it is cancelled (also by ending sales)', () => {
    for (const cancel of [{ type: 'CANCEL_RESTOCK', reason: 'fabric gone' }, { type: 'END_SALES', reason: 'fabric gone' }] as const) {
      const p = driveTo('ON_SALE').advance(HOUR);
      p.report(stockReport(p.now, { s: [12, 12, 2], m: [17, 10, 1] }));
      const approved = p.advance(MINUTE).act({ type: 'APPROVE_RESTOCK', ...MILL, dueDate: iso(p.now + DAY) });
      expect(notices(p, approved)).toEqual([
        expect.objectContaining({ kind: 'restock.requested', order: 'restock-1', supplierId: 'sup-mill', details: expect.objectContaining({ number: 1, dueDate: iso(p.now + DAY) }) as object }),
      ]);
      const variants = notices(p, approved)[0].details.variants as { variantId: string; label: string; units: number }[];
      expect(variants.every((v) => typeof v.label === 'string' && v.units >= 0)).toBe(true);
      const events = p.advance(MINUTE).act(cancel);
      expect(notices(p, events)).toEqual([expect.objectContaining({ kind: 'restock.cancelled', order: 'restock-1', supplierId: 'sup-mill', details: expect.objectContaining({ reason: 'fabric gone' }) as object })]);
    }
  });
});
