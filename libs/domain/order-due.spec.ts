// Staff are warned once when a supplier order's due date nears (deadlines.ts: ORDER_DUE_SOON): a sample
// request, the production run and a restock, each while it is still open; products started before the
// warnings (no orderDueWarningMs) get no timer.

import { dueWarningAt, nextDeadline } from './deadlines';
import { notificationsFor } from './notifications';
import { SYSTEM_ACTOR } from './model';
import { DAY, driveTo, HOUR, influencer, iso, makeInput, MINUTE, PRODUCTION_MILESTONES_FOR_TEST, sellingInput, stockReport } from './testing/lifecycle-driver';

const LEAD = 2 * DAY;
const WARNED = makeInput({ rules: { orderDueWarningMs: LEAD } });
const NORD = { supplierId: 'sup-nord', supplier: 'Atelier Nord' };

describe('dueWarningAt', () => {
  it('is the lead before the due date, or halfway from the order to it when the order came inside the lead', () => {
    expect(dueWarningAt(iso(0), iso(10 * DAY), LEAD)).toBe(8 * DAY);
    expect(dueWarningAt(iso(0), iso(DAY), LEAD)).toBe(12 * HOUR);
    expect(dueWarningAt(iso(0), iso(2 * LEAD), LEAD)).toBe(LEAD);
  });
});

describe('ORDER_DUE_SOON', () => {
  it('warns staff once of an open sample request, and not of one received before', () => {
    const p = driveTo('SAMPLING', WARNED).advance(MINUTE);
    const placed = p.now;
    p.act({ type: 'REQUEST_SAMPLE', ...NORD, notes: 'size M', dueDate: iso(placed + 10 * DAY) });
    expect(nextDeadline(p.state)).toEqual({ kind: 'ORDER_DUE_SOON', at: placed + 8 * DAY, order: 'sample-1' });

    const { events } = p.fire();
    expect(events).toEqual([
      { seq: p.state.seq, type: 'ORDER_DUE_SOON', stage: 'SAMPLING', actor: SYSTEM_ACTOR, at: iso(placed + 8 * DAY), data: { order: 'sample-1', ...NORD, dueDate: iso(placed + 10 * DAY) } },
    ]);
    expect(p.state.sampleRequests?.[0].dueWarnedAt).toBe(iso(placed + 8 * DAY));
    expect(nextDeadline(p.state)).toBeNull();
    expect(notificationsFor(p.state, events[0])).toEqual([
      {
        productId: p.state.productId,
        seq: events[0].seq,
        at: events[0].at,
        kind: 'order.due_soon',
        audience: ['staff'],
        details: { productName: p.state.name, order: 'sample-1', supplier: 'Atelier Nord', dueDate: iso(placed + 10 * DAY) },
      },
    ]);

    // A request answered by its sample before the warning is not warned of.
    const q = driveTo('SAMPLING', WARNED).advance(MINUTE);
    q.act({ type: 'REQUEST_SAMPLE', ...NORD, notes: 'size M', dueDate: iso(q.now + 10 * DAY) });
    q.advance(DAY).act({ type: 'RECORD_SAMPLE', notes: 'arrived', photoUrls: [] });
    // Only the review's reminder is left.
    expect(nextDeadline(q.state)).toMatchObject({ kind: 'REVIEW_REMINDER' });
  });

  it('warns of a request placed after a round was sent back (no review waiting then)', () => {
    const p = driveTo('SAMPLING', WARNED).advance(MINUTE);
    p.act({ type: 'RECORD_SAMPLE', supplier: 'Mill', notes: 'first fit', photoUrls: [] });
    p.advance(MINUTE).act({ type: 'REVIEW_SAMPLE', round: 1, decision: 'REQUEST_CHANGES', feedback: 'longer' }, influencer);
    p.advance(MINUTE).act({ type: 'REQUEST_SAMPLE', ...NORD, notes: 'longer', dueDate: iso(p.now + 3 * DAY) });
    // The request's warning (1 day from now) comes first; no review waits.
    expect(nextDeadline(p.state)).toMatchObject({ kind: 'ORDER_DUE_SOON', order: 'sample-2' });
    expect(p.fire().events.map((e) => e.type)).toEqual(['ORDER_DUE_SOON']);
  });

  it('warns of the production run until it ships, once', () => {
    const p = driveTo('PRODUCTION', WARNED).advance(MINUTE);
    const started = p.now;
    p.act({ type: 'START_PRODUCTION', supplier: 'Hangzhou Mill', dueDate: iso(started + 30 * DAY) });
    expect(nextDeadline(p.state)).toEqual({ kind: 'ORDER_DUE_SOON', at: started + 28 * DAY, order: 'production' });
    const { events } = p.fire();
    expect(events.map((e) => [e.type, e.data])).toEqual([['ORDER_DUE_SOON', { order: 'production', supplier: 'Hangzhou Mill', dueDate: iso(started + 30 * DAY) }]]);
    expect(p.state.production.run?.dueWarnedAt).toBe(iso(started + 28 * DAY));
    expect(nextDeadline(p.state)).toBeNull();

    // Shipped before the warning: none.
    const q = driveTo('PRODUCTION', WARNED).advance(MINUTE);
    q.act({ type: 'START_PRODUCTION', supplier: 'Hangzhou Mill', dueDate: iso(q.now + 30 * DAY) });
    for (const milestone of PRODUCTION_MILESTONES_FOR_TEST) q.advance(MINUTE).act({ type: 'RECORD_MILESTONE', milestone });
    expect(q.state.stage).toBe('LAUNCH');
    expect(nextDeadline(q.state)).toBeNull();
  });

  it('warns of a restock in production, and of the reservation hold in its turn', () => {
    const p = driveTo('ON_SALE', sellingInput({ rules: { orderDueWarningMs: LEAD } })).advance(HOUR);
    p.advance(HOUR).report(stockReport(p.now, { s: [12, 12, 2], m: [17, 10, 1] }));
    const approved = p.advance(MINUTE).now;
    p.act({ type: 'APPROVE_RESTOCK', supplier: 'Mill', dueDate: iso(approved + 20 * DAY) });
    const holdEnds = Date.parse(p.state.sales?.holdUntil ?? '');
    expect(holdEnds).toBeLessThan(approved + 18 * DAY);
    expect(nextDeadline(p.state)).toEqual({ kind: 'RESERVATION_HOLD_ENDS', at: holdEnds });
    p.fire();
    expect(nextDeadline(p.state)).toEqual({ kind: 'ORDER_DUE_SOON', at: approved + 18 * DAY, order: 'restock-1' });
    expect(p.fire().events.map((e) => [e.type, e.data])).toEqual([['ORDER_DUE_SOON', { order: 'restock-1', supplier: 'Mill', dueDate: iso(approved + 20 * DAY) }]]);
    expect(p.state.sales?.restocks[0].dueWarnedAt).toBeDefined();
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('arms no timer in products started before the warnings', () => {
    const p = driveTo('PRODUCTION').advance(MINUTE);
    p.act({ type: 'START_PRODUCTION', supplier: 'Hangzhou Mill', dueDate: iso(p.now + 30 * DAY) });
    expect(nextDeadline(p.state)).toBeNull();
  });
});
