// Production: starting it and recording its milestones (commands/start-production.ts, record-milestone.ts).

import { DomainErrorCode } from '../errors';
import { type LifecycleCommand } from '../lifecycle';
import { PRODUCTION_MILESTONES } from '../stages';
import { DAY, driveTo, expectRefused, iso, MINUTE, Product, PRODUCT_ID } from '../testing/lifecycle-driver';

describe('production', () => {
  const start = (p: Product, over: Partial<Extract<LifecycleCommand, { type: 'START_PRODUCTION' }>> = {}) =>
    p.act({ type: 'START_PRODUCTION', supplier: 'Atelier Nord', dueDate: iso(p.now + 30 * DAY), ...over });

  it('starts with the suggested quantity when staff give none', () => {
    const p = driveTo('PRODUCTION').advance(MINUTE);
    // driveTo's poll: b won with 28 votes → 7 demanded → minimum order 50.
    expect(p.state.suggestedQuantity).toBe(50);
    const events = start(p);
    const run = { quantity: 50, suggestedQuantity: 50, supplier: 'Atelier Nord', dueDate: iso(p.now + 30 * DAY), startedAt: iso(p.now) };
    expect(p.state.production.run).toEqual(run);
    expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([['PRODUCTION_STARTED', 'PRODUCTION', run]]);
  });

  it('starts with the quantity staff give and still records the suggestion beside it', () => {
    const p = driveTo('PRODUCTION');
    start(p, { quantity: 120 });
    expect(p.state.production.run).toMatchObject({ quantity: 120, suggestedQuantity: 50 });
  });

  it('falls back to the minimum order when no suggestion exists', () => {
    const p = driveTo('PRODUCTION');
    delete p.state.suggestedQuantity;
    start(p);
    expect(p.state.production.run).toMatchObject({ quantity: 50, suggestedQuantity: 50 });
  });

  it('stores the due date as a UTC ISO instant', () => {
    const p = driveTo('PRODUCTION');
    start(p, { dueDate: '2026-03-01T09:00:00+01:00' });
    expect(p.state.production.run?.dueDate).toBe('2026-03-01T08:00:00.000Z');
  });

  it.each([0, -5, 2.5, Number.NaN])('refuses a quantity that is not a positive whole number (%p → INVALID_VALUE)', (quantity) => {
    const p = driveTo('PRODUCTION');
    expectRefused(
      p,
      { type: 'START_PRODUCTION', quantity, supplier: 's', dueDate: iso(p.now + DAY) },
      DomainErrorCode.InvalidValue,
      'quantity must be a positive whole number',
    );
  });

  it('refuses a due date that is now or in the past, or not a time (INVALID_VALUE)', () => {
    const p = driveTo('PRODUCTION');
    expectRefused(p, { type: 'START_PRODUCTION', supplier: 's', dueDate: iso(p.now) }, DomainErrorCode.InvalidValue, /is not in the future/);
    expectRefused(p, { type: 'START_PRODUCTION', supplier: 's', dueDate: iso(p.now - DAY) }, DomainErrorCode.InvalidValue, /is not in the future/);
    expectRefused(p, { type: 'START_PRODUCTION', supplier: 's', dueDate: 'soon' }, DomainErrorCode.InvalidValue, 'dueDate "soon" is not a valid time');
  });

  it('refuses starting production twice (INVALID_STATE)', () => {
    const p = driveTo('PRODUCTION');
    start(p);
    expectRefused(
      p,
      { type: 'START_PRODUCTION', supplier: 's', dueDate: iso(p.now + DAY) },
      DomainErrorCode.InvalidState,
      `production of product ${PRODUCT_ID} has already started`,
    );
  });

  it('refuses a milestone before production has started (INVALID_STATE)', () => {
    expectRefused(
      driveTo('PRODUCTION'),
      { type: 'RECORD_MILESTONE', milestone: 'MATERIALS' },
      DomainErrorCode.InvalidState,
      `production of product ${PRODUCT_ID} has not started; start it first`,
    );
  });

  it('refuses a milestone out of order, naming the one expected next (INVALID_STATE)', () => {
    const p = driveTo('PRODUCTION');
    start(p);
    expectRefused(
      p,
      { type: 'RECORD_MILESTONE', milestone: 'CUTTING' },
      DomainErrorCode.InvalidState,
      `milestones of product ${PRODUCT_ID} are recorded in order; the next one is MATERIALS, not CUTTING`,
    );
    p.act({ type: 'RECORD_MILESTONE', milestone: 'MATERIALS' });
    expectRefused(p, { type: 'RECORD_MILESTONE', milestone: 'MATERIALS' }, DomainErrorCode.InvalidState, /the next one is CUTTING, not MATERIALS/);
    expectRefused(p, { type: 'RECORD_MILESTONE', milestone: 'SHIPPED' }, DomainErrorCode.InvalidState, /the next one is CUTTING, not SHIPPED/);
  });

  it('records milestones in order and stays in PRODUCTION until SHIPPED, which moves the product to LAUNCH', () => {
    const p = driveTo('PRODUCTION');
    start(p);
    for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK'] as const) {
      const events = p.advance(DAY).act({ type: 'RECORD_MILESTONE', milestone, note: `${milestone} done` });
      expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([['PRODUCTION_MILESTONE', 'PRODUCTION', { milestone, note: `${milestone} done` }]]);
    }
    const shipped = p.advance(DAY).act({ type: 'RECORD_MILESTONE', milestone: 'SHIPPED' });
    expect(shipped.map((e) => [e.type, e.stage, e.data])).toEqual([
      ['PRODUCTION_MILESTONE', 'PRODUCTION', { milestone: 'SHIPPED', note: null }],
      ['STAGE_CHANGED', 'LAUNCH', { from: 'PRODUCTION', to: 'LAUNCH' }],
    ]);
    expect(p.state.production.milestones.map((m) => m.milestone)).toEqual([...PRODUCTION_MILESTONES]);
    expect(p.state.production.milestones[4].at).toBe(iso(p.now));
  });

  it('refuses another milestone after SHIPPED because the product is in LAUNCH (WRONG_STAGE)', () => {
    expectRefused(driveTo('LAUNCH'), { type: 'RECORD_MILESTONE', milestone: 'SHIPPED' }, DomainErrorCode.WrongStage);
  });
});
