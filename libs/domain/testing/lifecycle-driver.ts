// Test support for the lifecycle's specs: a fixed clock and fixtures, and a product driven through the
// pure functions that checks the event invariants (seq, stage, time) on every step.

import { DomainErrorCode, LifecycleRefusal } from '../errors';
import {
  applyCommand,
  applyDeadline,
  applyPollTally,
  applyDemandTally,
  applySalesReport,
  applyVoteMilestone,
  beginDemandClose,
  beginPollClose,
  createProductState,
  nextDeadline,
  validateCommand,
  type Deadline,
  type LifecycleCommand,
} from '../lifecycle';
import {
  SYSTEM_ACTOR,
  type Actor,
  type LifecycleEvent,
  type LifecycleRules,
  type OptionCount,
  type PollSpec,
  type ProductState,
  type ProductWorkflowInput,
} from '../model';
import type { ReservationTally, SalesReport, VariantStock } from '../sales-model';
import { isFinalStage, PRODUCTION_MILESTONES, STAGES, type Stage } from '../stages';

export const ACTIVE_STAGES = STAGES.filter((s) => !isFinalStage(s));
export const PRODUCTION_MILESTONES_FOR_TEST = PRODUCTION_MILESTONES;

// ---------------------------------------------------------------------------------------------------
// Fixed clock and fixtures
// ---------------------------------------------------------------------------------------------------

export const T0 = Date.parse('2026-01-01T00:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const iso = (ms: number): string => new Date(ms).toISOString();

export const PRODUCT_ID = 'p-123';
export const staff: Actor = { kind: 'staff', id: 'key-staff-1', label: 'Ops' };
export const influencer: Actor = { kind: 'influencer', id: 'inf-7' };

export const POLL_CLOSES_AT = T0 + 7 * DAY;
export const MIN_VOTES = 10;
export const DESIGN_ROUND_LIMIT = 2;
export const SAMPLE_ROUND_LIMIT = 3;
export const REMINDER_AFTER = 2 * DAY;

export function makeInput(over: { poll?: Partial<PollSpec>; rules?: Partial<LifecycleRules> } = {}): ProductWorkflowInput {
  return {
    productId: PRODUCT_ID,
    influencerId: 'inf-7',
    name: 'Summer linen dress',
    targetKeyword: 'linen dress',
    poll: {
      question: 'Which fabric?',
      options: [
        { id: 'a', label: 'Linen' },
        { id: 'b', label: 'Denim' },
        { id: 'c', label: 'Silk' },
      ],
      closesAt: iso(POLL_CLOSES_AT),
      minVotes: MIN_VOTES,
      ...over.poll,
    },
    rules: {
      designRoundLimit: DESIGN_ROUND_LIMIT,
      sampleRoundLimit: SAMPLE_ROUND_LIMIT,
      reviewReminderAfterMs: REMINDER_AFTER,
      // Deliberately not sorted: the domain orders countdowns itself.
      launchCountdownsMs: [HOUR, DAY],
      demand: { conversionRate: 0.25, minimumOrder: 50, batchSize: 10 },
      ...over.rules,
    },
    createdBy: staff,
  };
}

/** Tally rows as the votes table returns them: a's last vote first, then b's, then c's. */
export function votes(a: number, b = 0, c = 0): OptionCount[] {
  const rows: OptionCount[] = [];
  if (a) rows.push({ optionId: 'a', votes: a, lastVoteAt: iso(T0 + 1 * HOUR) });
  if (b) rows.push({ optionId: 'b', votes: b, lastVoteAt: iso(T0 + 2 * HOUR) });
  if (c) rows.push({ optionId: 'c', votes: c, lastVoteAt: iso(T0 + 3 * HOUR) });
  return rows;
}

export type ApplicableCommand = Exclude<LifecycleCommand, { type: 'CLOSE_POLL' | 'CLOSE_DEMAND' }>;
export type ActiveStage = 'POLL' | 'DEMAND' | 'DESIGN' | 'SAMPLING' | 'PRODUCTION' | 'LAUNCH' | 'ON_SALE';

export const VARIANTS = [
  { id: 's', label: 'S', sku: 'DRESS-S' },
  { id: 'm', label: 'M', sku: 'DRESS-M' },
  { id: 'l', label: 'L' },
];
export const GOAL = { minimumUnits: 20, windowMs: 14 * DAY, safetyFactor: 0.2 };
export const SALES = { restockThreshold: 0.7, restockCoverDays: 14, restockMinimumUnits: 20, reservationHoldMs: 2 * DAY };

/** A product started with the ON_SALE lifecycle: three variants, a demand goal of 20 units and sales rules. */
export function sellingInput(over: { rules?: Partial<LifecycleRules> } = {}): ProductWorkflowInput {
  return { ...makeInput({ rules: { demandGoal: GOAL, sales: SALES, ...over.rules } }), variants: VARIANTS, shopId: 'shop-1' };
}

/** Reservations as the tally counts them: units per variant (s, m, l), one reservation per 2 units. */
export function reserved(s: number, m = 0, l = 0): ReservationTally {
  const variants = [
    { variantId: 's', units: s },
    { variantId: 'm', units: m },
    { variantId: 'l', units: l },
  ].filter((v) => v.units > 0);
  const totalUnits = s + m + l;
  return { variants, totalUnits, reservations: Math.ceil(totalUnits / 2) };
}

/** A stock report for the three variants: [produced, sold, unitsPerDay] each; available = produced − sold. */
export function stockReport(at: number, rows: Record<string, [number, number, number]>): SalesReport {
  const variants: VariantStock[] = Object.entries(rows).map(([variantId, [produced, sold, unitsPerDay]]) => ({
    variantId,
    produced,
    sold,
    returned: 0,
    available: produced - sold,
    unitsPerDay,
  }));
  return { at: iso(at), variants };
}

// ---------------------------------------------------------------------------------------------------
// A product driven through the pure functions, checking the event invariants on every step
// ---------------------------------------------------------------------------------------------------

export class Product {
  readonly events: LifecycleEvent[] = [];
  state: ProductState;

  constructor(
    input: ProductWorkflowInput = makeInput(),
    public now: number = T0,
    /** As the workflow sets it from the `on-sale` patch; the driver's default: products with sales or demand rules. */
    sellsAfterLaunch = input.rules.sales !== undefined || input.rules.demandGoal !== undefined,
  ) {
    const created = createProductState(input, now);
    this.state = created.state;
    if (sellsAfterLaunch) this.state.sellsAfterLaunch = true;
    this.record('POLL', created.events);
  }

  advance(ms: number): this {
    this.now += ms;
    return this;
  }

  /** Validates and applies an action the way the workflow's update validator and handler do. */
  act(cmd: ApplicableCommand, actor: Actor = staff): LifecycleEvent[] {
    validateCommand(this.state, cmd, this.now);
    const before = this.state.stage;
    return this.record(before, applyCommand(this.state, cmd, actor, this.now));
  }

  /** Staff close the poll early: validated, marked closing, then the tally is applied. */
  closePoll(counts: OptionCount[]): LifecycleEvent[] {
    validateCommand(this.state, { type: 'CLOSE_POLL' }, this.now);
    beginPollClose(this.state);
    return this.tally(counts);
  }

  /** The tally read after beginPollClose (by staff or the poll's deadline). */
  tally(counts: OptionCount[], actor: Actor = SYSTEM_ACTOR): LifecycleEvent[] {
    const before = this.state.stage;
    return this.record(before, applyPollTally(this.state, counts, actor, this.now));
  }

  /** Staff close the demand window early: validated, marked closing, then the reservation tally is applied. */
  closeDemand(tally: ReservationTally): LifecycleEvent[] {
    validateCommand(this.state, { type: 'CLOSE_DEMAND' }, this.now);
    beginDemandClose(this.state);
    return this.demandTally(tally);
  }

  /** The reservation tally read after beginDemandClose (by staff or the window's deadline). */
  demandTally(tally: ReservationTally, actor: Actor = SYSTEM_ACTOR): LifecycleEvent[] {
    return this.record(this.state.stage, applyDemandTally(this.state, tally, actor, this.now));
  }

  /** Order intake's stock report (a signal). */
  report(report: SalesReport): LifecycleEvent[] {
    return this.record(this.state.stage, applySalesReport(this.state, report, this.now));
  }

  /** Vote intake reports a crossed milestone (a signal). */
  milestone(milestone: number, totalVotes = milestone): LifecycleEvent[] {
    return this.record(this.state.stage, applyVoteMilestone(this.state, { milestone, totalVotes }, this.now));
  }

  /** Waits for the next timer (advancing the clock to it) and applies it. */
  fire(): { deadline: Exclude<Deadline, { kind: 'POLL_CLOSES' | 'DEMAND_CLOSES' }>; events: LifecycleEvent[] } {
    const deadline = nextDeadline(this.state);
    if (!deadline) throw new Error(`no deadline in ${this.state.stage}`);
    if (deadline.kind === 'POLL_CLOSES' || deadline.kind === 'DEMAND_CLOSES') throw new Error(`the ${deadline.kind} deadline goes through a tally`);
    this.now = Math.max(this.now, deadline.at);
    const before = this.state.stage;
    return { deadline, events: this.record(before, applyDeadline(this.state, deadline, this.now)) };
  }

  /** seq goes up by one per event; each event's stage is the stage right after it; state.seq follows. */
  private record(stageBefore: Stage, batch: LifecycleEvent[]): LifecycleEvent[] {
    let stage = stageBefore;
    let seq = this.events.length ? this.events[this.events.length - 1].seq : 0;
    for (const event of batch) {
      if (event.type === 'STAGE_CHANGED') {
        expect(event.data.from).toBe(stage);
        stage = event.data.to as Stage;
      }
      if (event.type === 'CANCELLED') stage = 'CANCELLED';
      if (event.type === 'SALES_ENDED') stage = 'ENDED';
      expect(event.stage).toBe(stage);
      seq += 1;
      expect(event.seq).toBe(seq);
      expect(event.at).toBe(iso(this.now));
    }
    expect(this.state.stage).toBe(stage);
    expect(this.state.seq).toBe(seq);
    if (batch.length) expect(this.state.updatedAt).toBe(iso(this.now));
    this.events.push(...batch);
    return batch;
  }
}

/** A product whose launch announcement needs the influencer's approval two hours before launch. */
export const APPROVING = makeInput({ rules: { launchApprovalLeadMs: 2 * HOUR } });
export const driveToStage = (stage: ActiveStage | 'LAUNCHED' | 'ENDED' | 'CANCELLED', input?: ProductWorkflowInput): Product => driveTo(stage, input);

/**
 * A product brought to `stage` through the pure functions only, one minute per step. DEMAND, ON_SALE and
 * ENDED use a selling product (sellingInput) unless given another; its demand window meets the goal
 * with 10 S and 14 M reserved.
 */
export function driveTo(stage: ActiveStage | 'LAUNCHED' | 'ENDED' | 'CANCELLED', input?: ProductWorkflowInput): Product {
  const selling = stage === 'DEMAND' || stage === 'ON_SALE' || stage === 'ENDED';
  const p = new Product(input ?? (selling ? sellingInput() : makeInput()), T0);
  if (stage === 'POLL') return p;
  if (stage === 'CANCELLED') {
    p.advance(MINUTE).act({ type: 'CANCEL', reason: 'changed our mind' });
    return p;
  }
  p.advance(MINUTE).closePoll(votes(12, 28, 5)); // b wins with 28 of 45
  if (stage === 'DEMAND') return p;
  if (p.state.stage === 'DEMAND') p.advance(MINUTE).closeDemand(reserved(10, 14));
  if (stage === 'DESIGN') return p;
  p.advance(MINUTE).act({ type: 'SUBMIT_DESIGN', title: 'Wrap dress', description: 'Midi, wrap front', imageUrls: ['https://img/1.png'] });
  p.advance(MINUTE).act({ type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' }, influencer);
  if (stage === 'SAMPLING') return p;
  p.advance(MINUTE).act({ type: 'RECORD_SAMPLE', supplier: 'Atelier Nord', notes: 'first fit', photoUrls: [] });
  p.advance(MINUTE).act({ type: 'REVIEW_SAMPLE', round: 1, decision: 'APPROVE' }, influencer);
  if (stage === 'PRODUCTION') return p;
  p.advance(MINUTE).act({ type: 'START_PRODUCTION', supplier: 'Atelier Nord', dueDate: iso(T0 + 30 * DAY) });
  for (const milestone of PRODUCTION_MILESTONES) p.advance(MINUTE).act({ type: 'RECORD_MILESTONE', milestone });
  if (stage === 'LAUNCH') return p;
  p.advance(MINUTE).act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 3 * DAY) });
  while (p.state.stage === 'LAUNCH') p.fire();
  if (stage === 'ENDED') p.advance(MINUTE).act({ type: 'END_SALES', reason: 'season over' });
  return p;
}

/** Runs the validator expecting a refusal; checks the refusal leaves the state untouched. */
export function refusalOf(state: ProductState, cmd: LifecycleCommand, nowMs: number): LifecycleRefusal {
  const before = JSON.stringify(state);
  let caught: unknown;
  try {
    validateCommand(state, cmd, nowMs);
  } catch (err) {
    caught = err;
  }
  expect(JSON.stringify(state)).toBe(before);
  if (!(caught instanceof LifecycleRefusal)) {
    throw new Error(`expected ${cmd.type} to be refused, got ${caught === undefined ? 'acceptance' : caught instanceof Error ? caught.message : JSON.stringify(caught)}`);
  }
  expect(caught.name).toBe('LifecycleRefusal');
  return caught;
}

export function expectRefused(p: Product, cmd: LifecycleCommand, code: DomainErrorCode, message?: string | RegExp): LifecycleRefusal {
  const refusal = refusalOf(p.state, cmd, p.now);
  expect(refusal.code).toBe(code);
  if (typeof message === 'string') expect(refusal.message).toBe(message);
  else if (message) expect(refusal.message).toMatch(message);
  return refusal;
}

export function expectAccepted(p: Product, cmd: LifecycleCommand): void {
  expect(() => validateCommand(p.state, cmd, p.now)).not.toThrow();
}
