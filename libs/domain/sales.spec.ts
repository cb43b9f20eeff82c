// The demand gate and the sales after launch through the pure functions: formulas, the tally's decision,
// goal reached, extension and override, the launch to ON_SALE, sell-outs, restocks and END_SALES.

import { DomainErrorCode } from './errors';
import { nextDeadline, pendingAction } from './lifecycle';
import { demandSuggestion, restockSuggestion, sellThrough, splitAcrossVariants } from './rules';
import { applyDemandGoalReached } from './demand';
import { DAY, driveTo, expectRefused, HOUR, iso, makeInput, MINUTE, PRODUCTION_MILESTONES_FOR_TEST, reserved, SALES, stockReport } from './testing/lifecycle-driver';

describe('formulas', () => {
  it('suggests ceil(reserved × (1 + safety)) per variant, 0 for variants nobody reserved, in the product order', () => {
    expect(demandSuggestion(['s', 'm', 'l'], [{ variantId: 'm', units: 14 }, { variantId: 's', units: 10 }], 0.2)).toEqual([
      { variantId: 's', units: 12 },
      { variantId: 'm', units: 17 },
      { variantId: 'l', units: 0 },
    ]);
    expect(demandSuggestion(['x'], [{ variantId: 'x', units: 10 }], 0.1)).toEqual([{ variantId: 'x', units: 11 }]);
  });

  it('splits a total across variants evenly, the remainder to the first', () => {
    expect(splitAcrossVariants(['a'], 7)).toEqual([{ variantId: 'a', units: 7 }]);
    expect(splitAcrossVariants(['a', 'b', 'c'], 10)).toEqual([
      { variantId: 'a', units: 4 },
      { variantId: 'b', units: 3 },
      { variantId: 'c', units: 3 },
    ]);
  });

  it('measures sell-through as net sold over produced', () => {
    expect(sellThrough(stockReport(0, { s: [10, 5, 1], m: [10, 9, 1] }).variants)).toBe(0.7);
    expect(sellThrough([])).toBe(0);
  });

  it('sizes a restock from the sales rate, at least the minimum, 0 for variants that sold nothing', () => {
    const stock = stockReport(0, { s: [10, 10, 3], m: [10, 1, 0.5], l: [10, 0, 0] }).variants;
    expect(restockSuggestion(['s', 'm', 'l'], stock, SALES)).toEqual([
      { variantId: 's', units: 42 },
      { variantId: 'm', units: 20 },
      { variantId: 'l', units: 0 },
    ]);
  });
});

describe('the demand gate', () => {
  it('opens after the poll for a product with a demand goal, with its deadline', () => {
    const p = driveTo('DEMAND');
    const types = p.events.map((e) => e.type).slice(-3);
    expect(types).toEqual(['POLL_CLOSED', 'STAGE_CHANGED', 'DEMAND_OPENED']);
    expect(p.state.demand).toMatchObject({ status: 'OPEN', closesAt: iso(p.now + 14 * DAY) });
    expect(p.events[p.events.length - 1].data).toMatchObject({ closesAt: iso(p.now + 14 * DAY), minimumUnits: 20 });
    expect(nextDeadline(p.state)).toEqual({ kind: 'DEMAND_CLOSES', at: p.now + 14 * DAY });
    expect(pendingAction(p.state)).toMatchObject({ by: 'fans', action: 'RESERVE' });
  });

  it('goes straight to DESIGN without a demand goal, as before', () => {
    expect(driveTo('DESIGN', makeInput()).state.demand).toBeUndefined();
  });

  it('takes the first goal-reached report only, and only while open', () => {
    const p = driveTo('DEMAND').advance(MINUTE);
    expect(applyDemandGoalReached(p.state, { totalUnits: 5 }, p.now)).toEqual([]);
    expect(applyDemandGoalReached(p.state, { totalUnits: 21 }, p.now).map((e) => [e.type, e.data])).toEqual([['DEMAND_GOAL_REACHED', { totalUnits: 21, minimumUnits: 20 }]]);
    expect(applyDemandGoalReached(p.state, { totalUnits: 30 }, p.now)).toEqual([]);
    expect(p.state.demand?.status).toBe('OPEN');
  });

  it('meets the goal: DEMAND_MET with the suggestion, then DESIGN; production defaults to it', () => {
    const p = driveTo('DEMAND').advance(MINUTE);
    const events = p.closeDemand(reserved(10, 14));
    expect(events.map((e) => e.type)).toEqual(['DEMAND_MET', 'STAGE_CHANGED']);
    expect(events[0].data).toMatchObject({ totalUnits: 24, minimumUnits: 20, reservations: 12, suggested: [{ variantId: 's', units: 12 }, { variantId: 'm', units: 17 }, { variantId: 'l', units: 0 }] });
    expect(p.state.suggestedQuantity).toBe(29);
    const launched = driveTo('ON_SALE');
    expect(launched.state.production.run).toMatchObject({ quantity: 29, quantities: [{ variantId: 's', units: 12 }, { variantId: 'm', units: 17 }, { variantId: 'l', units: 0 }] });
  });

  it('parks the product below the goal; staff extend (reopens) or override with a reason (→ DESIGN)', () => {
    const p = driveTo('DEMAND').advance(MINUTE);
    expectRefused(p, { type: 'OVERRIDE_DEMAND', reason: 'x' }, DomainErrorCode.InvalidState, /only a window that closed below its goal/);
    expect(p.closeDemand(reserved(3)).map((e) => e.type)).toEqual(['DEMAND_BELOW_GOAL']);
    expectRefused(p, { type: 'OVERRIDE_DEMAND', reason: '  ' }, DomainErrorCode.InvalidValue, 'an override needs a reason');
    expect(pendingAction(p.state)).toMatchObject({ by: 'staff', action: 'EXTEND_OVERRIDE_OR_CANCEL' });
    expectRefused(p, { type: 'CLOSE_DEMAND' }, DomainErrorCode.InvalidState, /extend it, override it or cancel/);
    expectRefused(p, { type: 'EXTEND_DEMAND', closesAt: iso(p.now - 1) }, DomainErrorCode.InvalidValue, /not in the future/);
    p.advance(MINUTE).act({ type: 'EXTEND_DEMAND', closesAt: iso(p.now + DAY) });
    expect(p.state.demand).toMatchObject({ status: 'OPEN', closesAt: iso(p.now + DAY) });
    expect(p.state.actionCounts?.demandExtensions).toBe(1);
    p.advance(MINUTE).closeDemand(reserved(3, 1));
    const events = p.advance(MINUTE).act({ type: 'OVERRIDE_DEMAND', reason: 'the influencer backs it' });
    expect(events.map((e) => e.type)).toEqual(['DEMAND_OVERRIDDEN', 'STAGE_CHANGED']);
    expect(events[0].data).toMatchObject({ reason: 'the influencer backs it', totalUnits: 4, minimumUnits: 20, suggested: [{ variantId: 's', units: 4 }, { variantId: 'm', units: 2 }, { variantId: 'l', units: 0 }] });
    expect(p.state.stage).toBe('DESIGN');
  });

  it('caps demand extensions', () => {
    const p = driveTo('DEMAND', { ...makeInput({ rules: { demandGoal: { minimumUnits: 5, windowMs: DAY, safetyFactor: 0 }, sales: SALES, actionLimits: { launchReschedules: 1, pollExtensions: 1, announcementReapprovals: 1, demandExtensions: 1 } } }) });
    p.advance(MINUTE).act({ type: 'EXTEND_DEMAND', closesAt: iso(p.now + 2 * DAY) });
    expectRefused(p, { type: 'EXTEND_DEMAND', closesAt: iso(p.now + 3 * DAY) }, DomainErrorCode.ActionLimitReached, /all 1 demand window extensions/);
  });

  it('refuses per-variant quantities for a product started before variants', () => {
    const p = driveTo('PRODUCTION', undefined);
    expectRefused(p, { type: 'START_PRODUCTION', supplier: 's', dueDate: iso(p.now + DAY), quantities: [{ variantId: 'one-size', units: 3 }] }, DomainErrorCode.InvalidValue, /started before variants/);
  });
});

describe('on sale', () => {
  it('goes ON_SALE at launch with the first run as stock and a reservation hold; the hold ends on its timer', () => {
    const p = driveTo('ON_SALE');
    const [launched, moved] = p.events.slice(-2);
    expect(launched).toMatchObject({ type: 'LAUNCHED', data: { reservations: 12, reservationHoldUntil: iso(p.now + 2 * DAY) } });
    expect(moved.data).toEqual({ from: 'LAUNCH', to: 'ON_SALE' });
    expect(p.state.sales).toMatchObject({ produced: [{ variantId: 's', units: 12 }, { variantId: 'm', units: 17 }, { variantId: 'l', units: 0 }], soldOut: [], restocks: [] });
    expect(pendingAction(p.state)).toMatchObject({ by: 'staff', action: 'END_SALES' });
    const { events } = p.fire();
    expect(events.map((e) => [e.type, e.data])).toEqual([['RESERVATION_HOLD_ENDED', { holdUntil: iso(p.now) }]]);
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('reports sell-outs once, proposes one restock at the threshold, and loops after a shipped restock', () => {
    const p = driveTo('ON_SALE').advance(HOUR);
    expect(p.report(stockReport(p.now, { s: [12, 6, 1], m: [17, 2, 1] }))).toEqual([]);
    const events = p.advance(HOUR).report(stockReport(p.now, { s: [12, 12, 2], m: [17, 10, 1] }));
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['SOLD_OUT', { variants: [{ variantId: 's', label: 'S' }] }],
      ['RESTOCK_PROPOSED', { number: 1, sellThrough: 0.7586, suggested: [{ variantId: 's', units: 28 }, { variantId: 'm', units: 20 }, { variantId: 'l', units: 0 }] }],
    ]);
    // A repeat changes nothing; an older report is ignored.
    expect(p.advance(MINUTE).report(stockReport(p.now, { s: [12, 12, 2], m: [17, 10, 1] }))).toEqual([]);
    expect(p.report(stockReport(p.now - DAY, { s: [12, 0, 0] }))).toEqual([]);
    expect(pendingAction(p.state)).toMatchObject({ by: 'staff', action: 'APPROVE_RESTOCK' });

    expectRefused(p, { type: 'APPROVE_RESTOCK', supplier: 'Mill', dueDate: iso(p.now + DAY), quantities: [{ variantId: 'xl', units: 1 }] }, DomainErrorCode.InvalidValue, /no variant "xl"/);
    const approved = p.advance(MINUTE).act({ type: 'APPROVE_RESTOCK', supplier: 'Mill', dueDate: iso(p.now + DAY), quantities: [{ variantId: 's', units: 30 }, { variantId: 'm', units: 0 }, { variantId: 'l', units: 5 }] });
    expect(approved[0].data).toMatchObject({ number: 1, quantity: 35, supplier: 'Mill' });
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'RECORD_RESTOCK_MILESTONE', description: 'record the MATERIALS milestone of restock 1' });
    expectRefused(p, { type: 'APPROVE_RESTOCK', supplier: 'Mill', dueDate: iso(p.now + DAY) }, DomainErrorCode.InvalidState, /no proposed restock/);
    expectRefused(p, { type: 'DECLINE_RESTOCK', reason: 'x' }, DomainErrorCode.InvalidState, /no proposed restock/);
    expectRefused(p, { type: 'RECORD_RESTOCK_MILESTONE', milestone: 'SEWING' }, DomainErrorCode.InvalidState, /next one is MATERIALS/);
    let last: string[] = [];
    for (const milestone of PRODUCTION_MILESTONES_FOR_TEST) last = p.advance(MINUTE).act({ type: 'RECORD_RESTOCK_MILESTONE', milestone }).map((e) => e.type);
    expect(last).toEqual(['RESTOCK_MILESTONE', 'BACK_IN_STOCK']);
    expect(p.events[p.events.length - 1].data).toEqual({ number: 1, variants: [{ variantId: 's', label: 'S', units: 30 }, { variantId: 'l', label: 'L', units: 5 }] });
    expect(p.state.sales).toMatchObject({ soldOut: [], produced: [{ variantId: 's', units: 42 }, { variantId: 'm', units: 17 }, { variantId: 'l', units: 5 }] });
    // Sell-through against the new stock: 50 of 64 → the next restock.
    expect(p.advance(DAY).report(stockReport(p.now, { s: [42, 40, 3], m: [17, 10, 1], l: [5, 0, 0] })).map((e) => e.type)).toEqual(['RESTOCK_PROPOSED']);
    expect(p.state.sales?.restocks.map((r) => [r.number, r.status])).toEqual([[1, 'SHIPPED'], [2, 'PROPOSED']]);
  });

  it('does not propose again at the same stock level after a decline', () => {
    const p = driveTo('ON_SALE').advance(HOUR);
    p.report(stockReport(p.now, { s: [12, 12, 2], m: [17, 10, 1] }));
    p.advance(MINUTE).act({ type: 'DECLINE_RESTOCK', reason: 'end of season' });
    expect(p.advance(MINUTE).report(stockReport(p.now, { s: [12, 12, 2], m: [17, 15, 1] }))).toEqual([]);
  });

  it('cancels a restock in production, and END_SALES cancels an open one first, then ENDED', () => {
    const p = driveTo('ON_SALE').advance(HOUR);
    p.report(stockReport(p.now, { s: [12, 12, 2], m: [17, 10, 1] }));
    expectRefused(p, { type: 'CANCEL_RESTOCK', reason: 'x' }, DomainErrorCode.InvalidState, /decline it instead/);
    p.advance(MINUTE).act({ type: 'APPROVE_RESTOCK', supplier: 'Mill', dueDate: iso(p.now + DAY) });
    const events = p.advance(MINUTE).act({ type: 'END_SALES', reason: 'collection retired' });
    expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([
      ['RESTOCK_CANCELLED', 'ON_SALE', { number: 1, reason: 'collection retired' }],
      ['SALES_ENDED', 'ENDED', { reason: 'collection retired' }],
    ]);
    expect(p.state.stage).toBe('ENDED');
    expect(pendingAction(p.state).by).toBeNull();
  });

  it('ignores reports outside ON_SALE', () => {
    const p = driveTo('LAUNCH', undefined);
    expect(p.report(stockReport(p.now, { 'one-size': [10, 10, 1] }))).toEqual([]);
  });
});
