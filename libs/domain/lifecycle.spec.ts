import { DomainErrorCode } from './errors';
import {
  applyCommand,
  applyDeadline,
  applyPollTally,
  applyVoteMilestone,
  beginPollClose,
  createProductState,
  LifecycleRefusal,
  nextDeadline,
  pendingAction,
  toView,
  validateCommand,
  type Deadline,
  type LifecycleCommand,
} from './lifecycle';
import {
  SYSTEM_ACTOR,
  type Actor,
  type LifecycleEvent,
  type LifecycleRules,
  type OptionCount,
  type PollSpec,
  type ProductState,
  type ProductWorkflowInput,
} from './model';
import { isFinalStage, PRODUCTION_MILESTONES, STAGES, type Stage } from './stages';

const ACTIVE_STAGES = STAGES.filter((s) => !isFinalStage(s));

// ---------------------------------------------------------------------------------------------------
// Fixed clock and fixtures
// ---------------------------------------------------------------------------------------------------

const T0 = Date.parse('2026-01-01T00:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (ms: number): string => new Date(ms).toISOString();

const PRODUCT_ID = 'p-123';
const staff: Actor = { kind: 'staff', id: 'key-staff-1', label: 'Ops' };
const influencer: Actor = { kind: 'influencer', id: 'inf-7' };

const POLL_CLOSES_AT = T0 + 7 * DAY;
const MIN_VOTES = 10;
const DESIGN_ROUND_LIMIT = 2;
const SAMPLE_ROUND_LIMIT = 3;
const REMINDER_AFTER = 2 * DAY;

function makeInput(over: { poll?: Partial<PollSpec>; rules?: Partial<LifecycleRules> } = {}): ProductWorkflowInput {
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
function votes(a: number, b = 0, c = 0): OptionCount[] {
  const rows: OptionCount[] = [];
  if (a) rows.push({ optionId: 'a', votes: a, lastVoteAt: iso(T0 + 1 * HOUR) });
  if (b) rows.push({ optionId: 'b', votes: b, lastVoteAt: iso(T0 + 2 * HOUR) });
  if (c) rows.push({ optionId: 'c', votes: c, lastVoteAt: iso(T0 + 3 * HOUR) });
  return rows;
}

type ApplicableCommand = Exclude<LifecycleCommand, { type: 'CLOSE_POLL' }>;
type ActiveStage = 'POLL' | 'DESIGN' | 'SAMPLING' | 'PRODUCTION' | 'LAUNCH';

// ---------------------------------------------------------------------------------------------------
// A product driven through the pure functions, checking the event invariants on every step
// ---------------------------------------------------------------------------------------------------

class Product {
  readonly events: LifecycleEvent[] = [];
  state: ProductState;

  constructor(
    input: ProductWorkflowInput = makeInput(),
    public now: number = T0,
  ) {
    const created = createProductState(input, now);
    this.state = created.state;
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

  /** Vote intake reports a crossed milestone (a signal). */
  milestone(milestone: number, totalVotes = milestone): LifecycleEvent[] {
    return this.record(this.state.stage, applyVoteMilestone(this.state, { milestone, totalVotes }, this.now));
  }

  /** Waits for the next timer (advancing the clock to it) and applies it. */
  fire(): { deadline: Exclude<Deadline, { kind: 'POLL_CLOSES' }>; events: LifecycleEvent[] } {
    const deadline = nextDeadline(this.state);
    if (!deadline) throw new Error(`no deadline in ${this.state.stage}`);
    if (deadline.kind === 'POLL_CLOSES') throw new Error('the poll deadline goes through the tally');
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

/** A product brought to `stage` through the pure functions only, one minute per step. */
/** A product whose launch announcement needs the influencer's approval two hours before launch. */
const APPROVING = makeInput({ rules: { launchApprovalLeadMs: 2 * HOUR } });
const driveToStage = (stage: ActiveStage | 'LAUNCHED' | 'CANCELLED', input?: ProductWorkflowInput): Product => driveTo(stage, input);

function driveTo(stage: ActiveStage | 'LAUNCHED' | 'CANCELLED', input: ProductWorkflowInput = makeInput()): Product {
  const p = new Product(input, T0);
  if (stage === 'POLL') return p;
  if (stage === 'CANCELLED') {
    p.advance(MINUTE).act({ type: 'CANCEL', reason: 'changed our mind' });
    return p;
  }
  p.advance(MINUTE).closePoll(votes(12, 28, 5)); // b wins with 28 of 45
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
  return p;
}

/** Runs the validator expecting a refusal; checks the refusal leaves the state untouched. */
function refusalOf(state: ProductState, cmd: LifecycleCommand, nowMs: number): LifecycleRefusal {
  const before = JSON.stringify(state);
  let caught: unknown;
  try {
    validateCommand(state, cmd, nowMs);
  } catch (err) {
    caught = err;
  }
  expect(JSON.stringify(state)).toBe(before);
  if (!(caught instanceof LifecycleRefusal)) {
    throw new Error(`expected ${cmd.type} to be refused, got ${caught === undefined ? 'acceptance' : String(caught)}`);
  }
  expect(caught.name).toBe('LifecycleRefusal');
  return caught;
}

function expectRefused(p: Product, cmd: LifecycleCommand, code: DomainErrorCode, message?: string | RegExp): LifecycleRefusal {
  const refusal = refusalOf(p.state, cmd, p.now);
  expect(refusal.code).toBe(code);
  if (typeof message === 'string') expect(refusal.message).toBe(message);
  else if (message) expect(refusal.message).toMatch(message);
  return refusal;
}

function expectAccepted(p: Product, cmd: LifecycleCommand): void {
  expect(() => validateCommand(p.state, cmd, p.now)).not.toThrow();
}

/** One well-formed example of each command (valid for its own stage on a freshly driven product). */
function sampleCommand(type: LifecycleCommand['type'], now: number): LifecycleCommand {
  switch (type) {
    case 'CLOSE_POLL':
      return { type };
    case 'EXTEND_POLL':
      return { type, closesAt: iso(POLL_CLOSES_AT + DAY) };
    case 'CANCEL':
      return { type, reason: 'supplier went bust' };
    case 'SUBMIT_DESIGN':
      return { type, title: 't', description: 'd', imageUrls: [] };
    case 'REVIEW_DESIGN':
      return { type, round: 1, decision: 'APPROVE' };
    case 'RECORD_SAMPLE':
      return { type, supplier: 's', notes: 'n', photoUrls: [] };
    case 'REVIEW_SAMPLE':
      return { type, round: 1, decision: 'APPROVE' };
    case 'START_PRODUCTION':
      return { type, supplier: 's', dueDate: iso(now + 30 * DAY) };
    case 'RECORD_MILESTONE':
      return { type, milestone: 'MATERIALS' };
    case 'SCHEDULE_LAUNCH':
      return { type, launchAt: iso(now + 3 * DAY) };
    case 'APPROVE_LAUNCH_ANNOUNCEMENT':
      return { type, title: 'Our dress is live', body: 'It is here.' };
  }
}

const STAGE_BOUND: { type: Exclude<LifecycleCommand['type'], 'CANCEL'>; name: string; stage: ActiveStage }[] = [
  { type: 'CLOSE_POLL', name: 'closing the poll', stage: 'POLL' },
  { type: 'EXTEND_POLL', name: 'extending the poll', stage: 'POLL' },
  { type: 'SUBMIT_DESIGN', name: 'design submission', stage: 'DESIGN' },
  { type: 'REVIEW_DESIGN', name: 'design review', stage: 'DESIGN' },
  { type: 'RECORD_SAMPLE', name: 'sample submission', stage: 'SAMPLING' },
  { type: 'REVIEW_SAMPLE', name: 'sample review', stage: 'SAMPLING' },
  { type: 'START_PRODUCTION', name: 'starting production', stage: 'PRODUCTION' },
  { type: 'RECORD_MILESTONE', name: 'a production milestone', stage: 'PRODUCTION' },
  { type: 'SCHEDULE_LAUNCH', name: 'scheduling the launch', stage: 'LAUNCH' },
  { type: 'APPROVE_LAUNCH_ANNOUNCEMENT', name: 'approving the launch announcement', stage: 'LAUNCH' },
];

const ALL_COMMAND_TYPES: LifecycleCommand['type'][] = [...STAGE_BOUND.map((c) => c.type), 'CANCEL'];

// ---------------------------------------------------------------------------------------------------

describe('createProductState', () => {
  it('starts the product in POLL with an open poll and seq 2', () => {
    const input = makeInput();
    const { state } = createProductState(input, T0);
    expect(state).toMatchObject({
      productId: PRODUCT_ID,
      influencerId: 'inf-7',
      name: 'Summer linen dress',
      targetKeyword: 'linen dress',
      stage: 'POLL',
      seq: 2,
      createdAt: iso(T0),
      updatedAt: iso(T0),
      rules: input.rules,
      poll: { ...input.poll, status: 'OPEN' },
      designs: [],
      samples: [],
      production: { milestones: [] },
      launch: { countdowns: [] },
    });
    expect(state.suggestedQuantity).toBeUndefined();
    expect(state.cancellation).toBeUndefined();
    expect(state.poll.result).toBeUndefined();
  });

  it('emits PRODUCT_CREATED (seq 1) then POLL_OPENED (seq 2), both in POLL, by the creator at the start time', () => {
    const input = makeInput();
    const { events } = createProductState(input, T0);
    expect(events).toEqual([
      { seq: 1, type: 'PRODUCT_CREATED', stage: 'POLL', actor: staff, at: iso(T0), data: { name: 'Summer linen dress', targetKeyword: 'linen dress' } },
      {
        seq: 2,
        type: 'POLL_OPENED',
        stage: 'POLL',
        actor: staff,
        at: iso(T0),
        data: { question: 'Which fabric?', options: input.poll.options, closesAt: iso(POLL_CLOSES_AT), minVotes: MIN_VOTES },
      },
    ]);
  });
});

describe('validateCommand: wrong stage', () => {
  it('refuses a design review while the product is in SAMPLING, naming the product and both stages', () => {
    const p = driveTo('SAMPLING');
    expectRefused(
      p,
      { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' },
      DomainErrorCode.WrongStage,
      'product p-123 is in SAMPLING; design review is accepted only in DESIGN',
    );
  });

  const wrongStageCases = STAGE_BOUND.flatMap((c) =>
    ACTIVE_STAGES.filter((s) => s !== c.stage).map((stage) => [c.name, stage as ActiveStage, c.type, c.stage] as const),
  );

  it.each(wrongStageCases)('refuses %s while the product is in %s, naming both stages (WRONG_STAGE)', (name, stage, type, allowed) => {
    const p = driveTo(stage);
    expectRefused(
      p,
      sampleCommand(type, p.now),
      DomainErrorCode.WrongStage,
      `product ${PRODUCT_ID} is in ${stage}; ${name} is accepted only in ${allowed}`,
    );
  });

  it.each(STAGE_BOUND.map((c) => [c.name, c.stage, c.type] as const))('accepts %s in %s', (_name, stage, type) => {
    const p = driveTo(stage, type === 'APPROVE_LAUNCH_ANNOUNCEMENT' ? APPROVING : undefined);
    if (type === 'RECORD_MILESTONE') p.act({ type: 'START_PRODUCTION', supplier: 's', dueDate: iso(p.now + DAY) });
    if (type === 'REVIEW_DESIGN') p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    if (type === 'REVIEW_SAMPLE') p.act({ type: 'RECORD_SAMPLE', supplier: 's', notes: '', photoUrls: [] });
    expectAccepted(p, sampleCommand(type, p.now));
  });

  const finalCases = (['LAUNCHED', 'CANCELLED'] as const).flatMap((stage) => ALL_COMMAND_TYPES.map((type) => [type, stage] as const));

  it.each(finalCases)('refuses %s once the product is %s: final stages accept nothing (WRONG_STAGE)', (type, stage) => {
    const p = driveTo(stage);
    expect(p.state.stage).toBe(stage);
    expectRefused(p, sampleCommand(type, p.now), DomainErrorCode.WrongStage, `product ${PRODUCT_ID} is ${stage}; no further actions are accepted`);
  });
});

describe('poll', () => {
  describe('closing', () => {
    it('accepts closing an open poll early', () => {
      expectAccepted(driveTo('POLL'), { type: 'CLOSE_POLL' });
    });

    it('refuses a second close while the tally is running (INVALID_STATE)', () => {
      const p = driveTo('POLL');
      beginPollClose(p.state);
      expectRefused(p, { type: 'CLOSE_POLL' }, DomainErrorCode.InvalidState, `the poll of product ${PRODUCT_ID} is already closing`);
    });

    it('refuses closing a poll that is awaiting a staff decision, saying how many votes it got (INVALID_STATE)', () => {
      const p = driveTo('POLL');
      p.closePoll(votes(3, 4));
      expect(p.state.poll.status).toBe('AWAITING_DECISION');
      expectRefused(
        p,
        { type: 'CLOSE_POLL' },
        DomainErrorCode.InvalidState,
        `the poll of product ${PRODUCT_ID} closed with 7 of ${MIN_VOTES} required votes; extend it or cancel the product`,
      );
    });
  });

  describe('extending', () => {
    it('refuses a closing time in the past (INVALID_VALUE)', () => {
      const p = driveTo('POLL').advance(DAY);
      expectRefused(p, { type: 'EXTEND_POLL', closesAt: iso(p.now - MINUTE) }, DomainErrorCode.InvalidValue, /is not in the future/);
    });

    it('refuses a closing time equal to now (INVALID_VALUE)', () => {
      const p = driveTo('POLL');
      expectRefused(p, { type: 'EXTEND_POLL', closesAt: iso(p.now) }, DomainErrorCode.InvalidValue, /is not in the future/);
    });

    it('refuses a future closing time earlier than the current one, pointing to closing early instead (INVALID_VALUE)', () => {
      const p = driveTo('POLL');
      const earlier = iso(POLL_CLOSES_AT - DAY);
      expectRefused(
        p,
        { type: 'EXTEND_POLL', closesAt: earlier },
        DomainErrorCode.InvalidValue,
        `closesAt ${earlier} is not later than the current closing time ${iso(POLL_CLOSES_AT)}; close the poll to end it early`,
      );
    });

    it('refuses a closing time equal to the current one (INVALID_VALUE)', () => {
      const p = driveTo('POLL');
      expectRefused(p, { type: 'EXTEND_POLL', closesAt: iso(POLL_CLOSES_AT) }, DomainErrorCode.InvalidValue, /is not later than the current closing time/);
    });

    it('refuses a closing time that is not a time at all (INVALID_VALUE)', () => {
      const p = driveTo('POLL');
      expectRefused(p, { type: 'EXTEND_POLL', closesAt: 'next friday' }, DomainErrorCode.InvalidValue, 'closesAt "next friday" is not a valid time');
    });

    it('refuses extending while the tally is running (INVALID_STATE)', () => {
      const p = driveTo('POLL');
      beginPollClose(p.state);
      expectRefused(p, { type: 'EXTEND_POLL', closesAt: iso(POLL_CLOSES_AT + DAY) }, DomainErrorCode.InvalidState, `the poll of product ${PRODUCT_ID} is closing`);
    });

    it('moves the closing time of an open poll later, records the old one and re-arms the poll timer', () => {
      const p = driveTo('POLL').advance(HOUR);
      const events = p.act({ type: 'EXTEND_POLL', closesAt: iso(POLL_CLOSES_AT + 2 * DAY) });
      expect(events).toEqual([
        { seq: 3, type: 'POLL_EXTENDED', stage: 'POLL', actor: staff, at: iso(p.now), data: { from: iso(POLL_CLOSES_AT), closesAt: iso(POLL_CLOSES_AT + 2 * DAY) } },
      ]);
      expect(p.state.poll).toMatchObject({ status: 'OPEN', closesAt: iso(POLL_CLOSES_AT + 2 * DAY) });
      expect(nextDeadline(p.state)).toEqual({ kind: 'POLL_CLOSES', at: POLL_CLOSES_AT + 2 * DAY });
    });

    it('stores the new closing time as a UTC ISO instant whatever offset it was given with', () => {
      const p = driveTo('POLL');
      p.act({ type: 'EXTEND_POLL', closesAt: '2026-01-10T02:00:00+02:00' });
      expect(p.state.poll.closesAt).toBe('2026-01-10T00:00:00.000Z');
    });

    it('reopens a poll awaiting a decision, even with a closing time before the original one as long as it is in the future', () => {
      const p = driveTo('POLL').advance(3 * DAY);
      p.closePoll(votes(2, 1));
      expect(p.state.poll.status).toBe('AWAITING_DECISION');
      const reopenUntil = iso(p.now + DAY); // earlier than the original POLL_CLOSES_AT (T0 + 7 days)
      expect(Date.parse(reopenUntil)).toBeLessThan(POLL_CLOSES_AT);
      p.act({ type: 'EXTEND_POLL', closesAt: reopenUntil });
      expect(p.state.poll.status).toBe('OPEN');
      expect(p.state.stage).toBe('POLL');
      expect(nextDeadline(p.state)).toEqual({ kind: 'POLL_CLOSES', at: Date.parse(reopenUntil) });
    });

    it('still refuses a past closing time when reopening a poll awaiting a decision (INVALID_VALUE)', () => {
      const p = driveTo('POLL').advance(8 * DAY);
      p.tally(votes(1));
      expectRefused(p, { type: 'EXTEND_POLL', closesAt: iso(p.now - HOUR) }, DomainErrorCode.InvalidValue);
    });
  });

  describe('applyPollTally', () => {
    it('below the minimum, waits for staff: AWAITING_DECISION with a POLL_BELOW_MINIMUM event and the tally kept', () => {
      const p = driveTo('POLL').advance(7 * DAY);
      beginPollClose(p.state);
      const events = p.tally(votes(4, 5));
      expect(events).toEqual([
        {
          seq: 3,
          type: 'POLL_BELOW_MINIMUM',
          stage: 'POLL',
          actor: SYSTEM_ACTOR,
          at: iso(p.now),
          data: {
            totalVotes: 9,
            minVotes: MIN_VOTES,
            counts: [votes(4)[0], votes(0, 5)[0], { optionId: 'c', votes: 0, lastVoteAt: null }],
          },
        },
      ]);
      expect(p.state.stage).toBe('POLL');
      expect(p.state.poll.status).toBe('AWAITING_DECISION');
      expect(p.state.poll.lastTally).toEqual({ counts: events[0].data.counts, totalVotes: 9, at: iso(p.now) });
      expect(p.state.poll.result).toBeUndefined();
      expect(p.state.suggestedQuantity).toBeUndefined();
    });

    it('at exactly the minimum, closes the poll, picks the winner and moves to DESIGN (POLL_CLOSED then STAGE_CHANGED)', () => {
      const p = driveTo('POLL').advance(HOUR);
      const events = p.closePoll(votes(3, 7));
      expect(events.map((e) => [e.seq, e.type, e.stage])).toEqual([
        [3, 'POLL_CLOSED', 'POLL'],
        [4, 'STAGE_CHANGED', 'DESIGN'],
      ]);
      expect(events[1].data).toEqual({ from: 'POLL', to: 'DESIGN' });
      expect(p.state.stage).toBe('DESIGN');
      expect(p.state.poll.status).toBe('CLOSED');
      expect(p.state.poll.result).toEqual({
        counts: [votes(3)[0], votes(0, 7)[0], { optionId: 'c', votes: 0, lastVoteAt: null }],
        totalVotes: 10,
        winningOptionId: 'b',
        tieBroken: false,
        closedAt: iso(p.now),
      });
      // 7 × 0.25 = 1.75 is below the minimum order of 50.
      expect(p.state.suggestedQuantity).toBe(50);
      expect(events[0].data).toMatchObject({ winningOptionId: 'b', totalVotes: 10, tieBroken: false, suggestedQuantity: 50 });
    });

    it('above the minimum, derives the suggested quantity from the winner votes (conversion rate, batches)', () => {
      const p = driveTo('POLL');
      p.closePoll(votes(100, 402, 7)); // 402 × 0.25 = 100.5 → 101 → 11 batches of 10
      expect(p.state.poll.result?.winningOptionId).toBe('b');
      expect(p.state.poll.result?.totalVotes).toBe(509);
      expect(p.state.suggestedQuantity).toBe(110);
    });

    it('records a broken tie in the result (earliest last vote wins)', () => {
      const p = driveTo('POLL');
      p.closePoll([
        { optionId: 'a', votes: 6, lastVoteAt: iso(T0 + 5 * HOUR) },
        { optionId: 'c', votes: 6, lastVoteAt: iso(T0 + 4 * HOUR) },
      ]);
      expect(p.state.poll.result).toMatchObject({ winningOptionId: 'c', tieBroken: true, totalVotes: 12 });
    });

    it('closes a reopened poll once it reaches the minimum', () => {
      const p = driveTo('POLL').advance(7 * DAY);
      beginPollClose(p.state);
      p.tally(votes(2));
      p.act({ type: 'EXTEND_POLL', closesAt: iso(p.now + 2 * DAY) });
      p.advance(2 * DAY);
      beginPollClose(p.state);
      p.tally(votes(2, 9));
      expect(p.state.stage).toBe('DESIGN');
      expect(p.state.poll.result?.winningOptionId).toBe('b');
      expect(p.events.map((e) => e.type)).toEqual([
        'PRODUCT_CREATED',
        'POLL_OPENED',
        'POLL_BELOW_MINIMUM',
        'POLL_EXTENDED',
        'POLL_CLOSED',
        'STAGE_CHANGED',
      ]);
    });

    it('does nothing when the product was cancelled while the tally ran', () => {
      const p = driveTo('POLL');
      beginPollClose(p.state);
      p.act({ type: 'CANCEL', reason: 'brand deal fell through' });
      const before = JSON.stringify(p.state);
      expect(applyPollTally(p.state, votes(50, 10), SYSTEM_ACTOR, p.now + MINUTE)).toEqual([]);
      expect(JSON.stringify(p.state)).toBe(before);
      expect(p.state.stage).toBe('CANCELLED');
    });

    it('does nothing once the poll has already moved the product on to DESIGN', () => {
      const p = driveTo('DESIGN');
      const before = JSON.stringify(p.state);
      expect(applyPollTally(p.state, votes(500), SYSTEM_ACTOR, p.now)).toEqual([]);
      expect(JSON.stringify(p.state)).toBe(before);
    });
  });
});

describe('cancelling', () => {
  it.each(ACTIVE_STAGES.map((s) => [s as ActiveStage]))('cancels from %s: records the stage it left and moves to CANCELLED', (stage) => {
    const p = driveTo(stage).advance(MINUTE);
    const events = p.act({ type: 'CANCEL', reason: '  fabric shortage  ' });
    expect(events).toEqual([
      { seq: p.state.seq, type: 'CANCELLED', stage: 'CANCELLED', actor: staff, at: iso(p.now), data: { reason: 'fabric shortage', from: stage } },
    ]);
    expect(p.state.stage).toBe('CANCELLED');
    expect(p.state.cancellation).toEqual({ reason: 'fabric shortage', at: iso(p.now), by: staff, fromStage: stage });
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('stops vote intake: a poll that had not closed is CANCELLED, a closed one keeps its result', () => {
    const polling = new Product().advance(MINUTE);
    polling.act({ type: 'CANCEL', reason: 'brand paused' });
    expect(polling.state.poll.status).toBe('CANCELLED');

    const closing = new Product();
    beginPollClose(closing.state);
    closing.act({ type: 'CANCEL', reason: 'brand paused' });
    expect(closing.state.poll.status).toBe('CANCELLED');
    expect(closing.tally(votes(20))).toEqual([]);
    expect(closing.state.poll.status).toBe('CANCELLED');

    const designed = driveTo('DESIGN');
    designed.act({ type: 'CANCEL', reason: 'brand paused' });
    expect(designed.state.poll.status).toBe('CLOSED');
    expect(designed.state.poll.result).toBeDefined();
  });

  it('cancels in DESIGN while a design waits for review', () => {
    const p = driveTo('DESIGN');
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    p.act({ type: 'CANCEL', reason: 'influencer left' });
    expect(p.state.cancellation?.fromStage).toBe('DESIGN');
  });

  it.each(['', '   '])('refuses a cancellation without a reason (%j → INVALID_VALUE)', (reason) => {
    expectRefused(driveTo('SAMPLING'), { type: 'CANCEL', reason }, DomainErrorCode.InvalidValue, 'a cancellation needs a reason');
  });
});

describe('vote milestones', () => {
  it('records each milestone once, as POLL_MILESTONE by the engine, in order of size', () => {
    const p = new Product().advance(MINUTE);
    expect(p.milestone(1000, 1003)).toEqual([
      { seq: 3, type: 'POLL_MILESTONE', stage: 'POLL', actor: SYSTEM_ACTOR, at: iso(p.now), data: { milestone: 1000, totalVotes: 1003 } },
    ]);
    expect(p.milestone(1000, 1500)).toEqual([]);
    p.advance(MINUTE);
    expect(p.milestone(100)).toHaveLength(1);
    expect(p.state.poll.milestones?.map((m) => m.milestone)).toEqual([100, 1000]);
  });

  it('reports at least the milestone as the total, even from a confused sender', () => {
    const p = new Product();
    expect(p.milestone(100, 3)[0].data).toEqual({ milestone: 100, totalVotes: 100 });
  });

  it('ignores milestones after the poll stage, and nonsense ones', () => {
    const p = driveTo('DESIGN');
    expect(p.milestone(100)).toEqual([]);
    const fresh = new Product();
    expect(fresh.milestone(0)).toEqual([]);
    expect(fresh.milestone(-5)).toEqual([]);
    expect(fresh.milestone(1.5)).toEqual([]);
  });

  it('keeps a CLOSING poll taking milestones until the tally moves the product on', () => {
    const p = new Product();
    beginPollClose(p.state);
    expect(p.milestone(10)).toHaveLength(1);
  });
});

describe('design rounds', () => {
  const design: LifecycleCommand = { type: 'SUBMIT_DESIGN', title: 'Wrap dress', description: 'Midi', imageUrls: ['https://img/1.png'] };
  const submitDesign = (p: Product) => p.act({ type: 'SUBMIT_DESIGN', title: 'Wrap dress', description: 'Midi', imageUrls: ['https://img/1.png'] });

  it('records a submission as round 1 waiting for review', () => {
    const p = driveTo('DESIGN').advance(MINUTE);
    const events = submitDesign(p);
    expect(events).toEqual([{ seq: p.state.seq, type: 'DESIGN_SUBMITTED', stage: 'DESIGN', actor: staff, at: iso(p.now), data: { round: 1, title: 'Wrap dress' } }]);
    expect(p.state.designs).toEqual([
      { round: 1, status: 'PENDING_REVIEW', submittedAt: iso(p.now), submittedBy: staff, title: 'Wrap dress', description: 'Midi', imageUrls: ['https://img/1.png'] },
    ]);
  });

  it('refuses a new submission while the previous design waits for review (INVALID_STATE)', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    expectRefused(p, design, DomainErrorCode.InvalidState, `design round 1 of product ${PRODUCT_ID} is waiting for the influencer's review`);
  });

  it('requesting changes keeps the product in DESIGN, stores the trimmed feedback and allows round 2', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    const events = p.advance(HOUR).act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: '  shorter sleeves ' }, influencer);
    expect(events).toEqual([
      { seq: p.state.seq, type: 'DESIGN_CHANGES_REQUESTED', stage: 'DESIGN', actor: influencer, at: iso(p.now), data: { round: 1, feedback: 'shorter sleeves' } },
    ]);
    expect(p.state.designs[0]).toMatchObject({ status: 'CHANGES_REQUESTED', feedback: 'shorter sleeves', reviewedAt: iso(p.now), reviewedBy: influencer });
    expect(p.state.stage).toBe('DESIGN');
    expect(submitDesign(p)[0].data).toEqual({ round: 2, title: 'Wrap dress' });
  });

  it(`refuses a submission once all ${DESIGN_ROUND_LIMIT} rounds had changes requested (ROUND_LIMIT_REACHED)`, () => {
    const p = driveTo('DESIGN');
    for (let round = 1; round <= DESIGN_ROUND_LIMIT; round++) {
      submitDesign(p);
      p.act({ type: 'REVIEW_DESIGN', round, decision: 'REQUEST_CHANGES', feedback: 'again' }, influencer);
    }
    expectRefused(
      p,
      design,
      DomainErrorCode.RoundLimitReached,
      `product ${PRODUCT_ID} has used all ${DESIGN_ROUND_LIMIT} design rounds; the only action left in DESIGN is cancelling`,
    );
    expectAccepted(p, { type: 'CANCEL', reason: 'no design agreed' });
  });

  it('honours a per-product design round limit of 1', () => {
    const p = driveTo('DESIGN', makeInput({ rules: { designRoundLimit: 1 } }));
    submitDesign(p);
    p.act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'no' }, influencer);
    expectRefused(p, design, DomainErrorCode.RoundLimitReached);
  });

  it('refuses reviewing when no design was submitted yet (INVALID_VALUE)', () => {
    expectRefused(
      driveTo('DESIGN'),
      { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' },
      DomainErrorCode.InvalidValue,
      `product ${PRODUCT_ID} has no design round to review yet`,
    );
  });

  it('refuses reviewing a round that does not exist, naming the rounds there are (INVALID_VALUE)', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    expectRefused(
      p,
      { type: 'REVIEW_DESIGN', round: 2, decision: 'APPROVE' },
      DomainErrorCode.InvalidValue,
      `product ${PRODUCT_ID} has no design round 2; rounds are 1 to 1`,
    );
    expectRefused(p, { type: 'REVIEW_DESIGN', round: 0, decision: 'APPROVE' }, DomainErrorCode.InvalidValue);
  });

  it('refuses reviewing the same round twice (INVALID_STATE)', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    p.act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'bolder' }, influencer);
    expectRefused(
      p,
      { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' },
      DomainErrorCode.InvalidState,
      `design round 1 of product ${PRODUCT_ID} was already reviewed`,
    );
  });

  it('refuses reviewing an earlier round while a later one waits (INVALID_STATE)', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    p.act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'bolder' }, influencer);
    submitDesign(p);
    expectRefused(p, { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' }, DomainErrorCode.InvalidState);
    expectAccepted(p, { type: 'REVIEW_DESIGN', round: 2, decision: 'APPROVE' });
  });

  it.each([undefined, '', '  \n '])('refuses requesting changes without feedback (%j → INVALID_VALUE)', (feedback) => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    expectRefused(
      p,
      { type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback },
      DomainErrorCode.InvalidValue,
      'requesting changes needs feedback saying what to change',
    );
  });

  it('approving a design moves the product to SAMPLING (DESIGN_APPROVED then STAGE_CHANGED)', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    const events = p.advance(HOUR).act({ type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' }, influencer);
    expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([
      ['DESIGN_APPROVED', 'DESIGN', { round: 1, feedback: null }],
      ['STAGE_CHANGED', 'SAMPLING', { from: 'DESIGN', to: 'SAMPLING' }],
    ]);
    expect(p.state.stage).toBe('SAMPLING');
    expect(p.state.designs[0]).toMatchObject({ status: 'APPROVED', reviewedBy: influencer, reviewedAt: iso(p.now) });
    expect(p.state.designs[0].feedback).toBeUndefined();
  });

  it('approves the last allowed round after earlier rounds had changes requested', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    p.act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'x' }, influencer);
    submitDesign(p);
    p.act({ type: 'REVIEW_DESIGN', round: 2, decision: 'APPROVE', feedback: 'love it' }, influencer);
    expect(p.state.stage).toBe('SAMPLING');
    expect(p.state.designs[1]).toMatchObject({ status: 'APPROVED', feedback: 'love it' });
  });
});

describe('sample rounds', () => {
  const sample: LifecycleCommand = { type: 'RECORD_SAMPLE', supplier: 'Atelier Nord', notes: 'seams ok', photoUrls: ['https://img/s1.jpg'] };
  const recordSample = (p: Product) => p.act({ type: 'RECORD_SAMPLE', supplier: 'Atelier Nord', notes: 'seams ok', photoUrls: ['https://img/s1.jpg'] });

  it('records a sample as round 1 waiting for review', () => {
    const p = driveTo('SAMPLING').advance(MINUTE);
    const events = recordSample(p);
    expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([['SAMPLE_RECORDED', 'SAMPLING', { round: 1, supplier: 'Atelier Nord' }]]);
    expect(p.state.samples[0]).toEqual({
      round: 1,
      status: 'PENDING_REVIEW',
      submittedAt: iso(p.now),
      submittedBy: staff,
      supplier: 'Atelier Nord',
      notes: 'seams ok',
      photoUrls: ['https://img/s1.jpg'],
    });
  });

  it('refuses a new sample while the previous one waits for review (INVALID_STATE)', () => {
    const p = driveTo('SAMPLING');
    recordSample(p);
    expectRefused(p, sample, DomainErrorCode.InvalidState, `sample round 1 of product ${PRODUCT_ID} is waiting for the influencer's review`);
  });

  it(`refuses a sample once all ${SAMPLE_ROUND_LIMIT} rounds had changes requested (ROUND_LIMIT_REACHED)`, () => {
    const p = driveTo('SAMPLING');
    for (let round = 1; round <= SAMPLE_ROUND_LIMIT; round++) {
      expectAccepted(p, sample);
      recordSample(p);
      p.act({ type: 'REVIEW_SAMPLE', round, decision: 'REQUEST_CHANGES', feedback: 'loose seams' }, influencer);
    }
    expectRefused(
      p,
      sample,
      DomainErrorCode.RoundLimitReached,
      `product ${PRODUCT_ID} has used all ${SAMPLE_ROUND_LIMIT} sample rounds; the only action left in SAMPLING is cancelling`,
    );
  });

  it('refuses reviewing a sample round that does not exist (INVALID_VALUE)', () => {
    const p = driveTo('SAMPLING');
    expectRefused(p, { type: 'REVIEW_SAMPLE', round: 1, decision: 'APPROVE' }, DomainErrorCode.InvalidValue, `product ${PRODUCT_ID} has no sample round to review yet`);
    recordSample(p);
    expectRefused(
      p,
      { type: 'REVIEW_SAMPLE', round: 4, decision: 'APPROVE' },
      DomainErrorCode.InvalidValue,
      `product ${PRODUCT_ID} has no sample round 4; rounds are 1 to 1`,
    );
  });

  it('refuses reviewing the same sample round twice (INVALID_STATE)', () => {
    const p = driveTo('SAMPLING');
    recordSample(p);
    p.act({ type: 'REVIEW_SAMPLE', round: 1, decision: 'REQUEST_CHANGES', feedback: 'tighter hem' }, influencer);
    expectRefused(
      p,
      { type: 'REVIEW_SAMPLE', round: 1, decision: 'REQUEST_CHANGES', feedback: 'again' },
      DomainErrorCode.InvalidState,
      `sample round 1 of product ${PRODUCT_ID} was already reviewed`,
    );
  });

  it('refuses rejecting a sample without feedback (INVALID_VALUE)', () => {
    const p = driveTo('SAMPLING');
    recordSample(p);
    expectRefused(p, { type: 'REVIEW_SAMPLE', round: 1, decision: 'REQUEST_CHANGES', feedback: ' ' }, DomainErrorCode.InvalidValue);
  });

  it('requesting changes on a sample keeps SAMPLING and records the feedback', () => {
    const p = driveTo('SAMPLING');
    recordSample(p);
    const events = p.act({ type: 'REVIEW_SAMPLE', round: 1, decision: 'REQUEST_CHANGES', feedback: 'tighter hem' }, influencer);
    expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([['SAMPLE_CHANGES_REQUESTED', 'SAMPLING', { round: 1, feedback: 'tighter hem' }]]);
    expect(p.state.samples[0]).toMatchObject({ status: 'CHANGES_REQUESTED', feedback: 'tighter hem', reviewedBy: influencer });
  });

  it('approving a sample moves the product to PRODUCTION (SAMPLE_APPROVED then STAGE_CHANGED)', () => {
    const p = driveTo('SAMPLING');
    recordSample(p);
    const events = p.act({ type: 'REVIEW_SAMPLE', round: 1, decision: 'APPROVE' }, influencer);
    expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([
      ['SAMPLE_APPROVED', 'SAMPLING', { round: 1, feedback: null }],
      ['STAGE_CHANGED', 'PRODUCTION', { from: 'SAMPLING', to: 'PRODUCTION' }],
    ]);
    expect(p.state.stage).toBe('PRODUCTION');
    expect(p.state.samples[0].status).toBe('APPROVED');
  });
});

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

describe('launch', () => {
  it('refuses scheduling the launch in the past or right now (INVALID_VALUE)', () => {
    const p = driveTo('LAUNCH');
    expectRefused(p, { type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now - HOUR) }, DomainErrorCode.InvalidValue, `launchAt ${iso(p.now - HOUR)} is not in the future`);
    expectRefused(p, { type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now) }, DomainErrorCode.InvalidValue, /is not in the future/);
  });

  it('refuses a launch time that is not a time (INVALID_VALUE)', () => {
    expectRefused(driveTo('LAUNCH'), { type: 'SCHEDULE_LAUNCH', launchAt: 'tbd' }, DomainErrorCode.InvalidValue, 'launchAt "tbd" is not a valid time');
  });

  it('schedules the launch with every countdown, largest offset first, none sent', () => {
    const p = driveTo('LAUNCH');
    const launchAt = p.now + 3 * DAY;
    const events = p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(launchAt) });
    expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([['LAUNCH_SCHEDULED', 'LAUNCH', { launchAt: iso(launchAt), previous: null }]]);
    expect(p.state.launch).toEqual({
      launchAt: iso(launchAt),
      countdowns: [
        { offsetMs: DAY, at: iso(launchAt - DAY), sent: false },
        { offsetMs: HOUR, at: iso(launchAt - HOUR), sent: false },
      ],
    });
  });

  it('keeps only the countdowns still ahead: a launch two hours out gets the one-hour countdown only', () => {
    const p = driveTo('LAUNCH');
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 2 * HOUR) });
    expect(p.state.launch.countdowns.map((c) => c.offsetMs)).toEqual([HOUR]);
  });

  it('keeps no countdown for a launch 30 minutes out and waits for the launch itself', () => {
    const p = driveTo('LAUNCH');
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 30 * MINUTE) });
    expect(p.state.launch.countdowns).toEqual([]);
    expect(nextDeadline(p.state)).toEqual({ kind: 'LAUNCH', at: p.now + 30 * MINUTE });
  });

  it('drops a countdown that would fire exactly now', () => {
    const p = driveTo('LAUNCH');
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + HOUR) });
    expect(p.state.launch.countdowns).toEqual([]);
  });

  it('rescheduling replaces the launch time, reports the previous one and recomputes fresh countdowns', () => {
    const p = driveTo('LAUNCH');
    const first = p.now + 3 * DAY;
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(first) });
    p.fire(); // the 24 h countdown
    expect(p.state.launch.countdowns[0].sent).toBe(true);
    const second = first + 2 * DAY;
    const events = p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(second) });
    expect(events[0].data).toEqual({ launchAt: iso(second), previous: iso(first) });
    expect(p.state.launch.countdowns).toEqual([
      { offsetMs: DAY, at: iso(second - DAY), sent: false },
      { offsetMs: HOUR, at: iso(second - HOUR), sent: false },
    ]);
  });

  it('sends the countdowns in time order and then launches: LAUNCHED then STAGE_CHANGED to LAUNCHED', () => {
    const p = driveTo('LAUNCH');
    const launchAt = p.now + 3 * DAY;
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(launchAt) });

    const first = p.fire();
    expect(first.deadline).toEqual({ kind: 'LAUNCH_COUNTDOWN', at: launchAt - DAY, offsetMs: DAY });
    expect(first.events).toEqual([
      { seq: p.state.seq, type: 'LAUNCH_COUNTDOWN', stage: 'LAUNCH', actor: SYSTEM_ACTOR, at: iso(launchAt - DAY), data: { launchAt: iso(launchAt), remainingMs: DAY } },
    ]);

    const second = p.fire();
    expect(second.deadline).toEqual({ kind: 'LAUNCH_COUNTDOWN', at: launchAt - HOUR, offsetMs: HOUR });
    expect(p.state.launch.countdowns.every((c) => c.sent)).toBe(true);

    const launch = p.fire();
    expect(launch.deadline).toEqual({ kind: 'LAUNCH', at: launchAt });
    expect(launch.events.map((e) => [e.type, e.stage, e.actor, e.data])).toEqual([
      ['LAUNCHED', 'LAUNCH', SYSTEM_ACTOR, { launchAt: iso(launchAt) }],
      ['STAGE_CHANGED', 'LAUNCHED', SYSTEM_ACTOR, { from: 'LAUNCH', to: 'LAUNCHED' }],
    ]);
    expect(p.state.stage).toBe('LAUNCHED');
    expect(p.state.launch.launchedAt).toBe(iso(launchAt));
    expect(nextDeadline(p.state)).toBeNull();
  });
});

describe('nextDeadline', () => {
  it('in an open poll, is the poll closing time', () => {
    expect(nextDeadline(driveTo('POLL').state)).toEqual({ kind: 'POLL_CLOSES', at: POLL_CLOSES_AT });
  });

  it('is null while the poll is being tallied', () => {
    const p = driveTo('POLL');
    beginPollClose(p.state);
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('is null while the poll awaits a staff decision', () => {
    const p = driveTo('POLL');
    p.closePoll(votes(1));
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('in DESIGN without a submission, is null (waiting for staff only)', () => {
    expect(nextDeadline(driveTo('DESIGN').state)).toBeNull();
  });

  it('in DESIGN with a pending design, is a review reminder after the configured wait; it fires only once', () => {
    const p = driveTo('DESIGN').advance(MINUTE);
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    const submittedAt = p.now;
    expect(nextDeadline(p.state)).toEqual({ kind: 'REVIEW_REMINDER', at: submittedAt + REMINDER_AFTER, what: 'design', round: 1 });

    const fired = p.fire();
    expect(fired.events).toEqual([
      {
        seq: p.state.seq,
        type: 'DESIGN_REVIEW_REMINDER',
        stage: 'DESIGN',
        actor: SYSTEM_ACTOR,
        at: iso(submittedAt + REMINDER_AFTER),
        data: { round: 1, waitingSince: iso(submittedAt) },
      },
    ]);
    expect(p.state.designs[0].remindedAt).toBe(iso(submittedAt + REMINDER_AFTER));
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('in DESIGN, arms a fresh reminder for the next round after changes were requested', () => {
    const p = driveTo('DESIGN');
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    p.fire();
    p.advance(HOUR).act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'x' }, influencer);
    expect(nextDeadline(p.state)).toBeNull();
    p.advance(HOUR).act({ type: 'SUBMIT_DESIGN', title: 't2', description: 'd', imageUrls: [] });
    expect(nextDeadline(p.state)).toEqual({ kind: 'REVIEW_REMINDER', at: p.now + REMINDER_AFTER, what: 'design', round: 2 });
  });

  it('in SAMPLING with a pending sample, is a sample review reminder; it fires only once', () => {
    const p = driveTo('SAMPLING');
    expect(nextDeadline(p.state)).toBeNull();
    p.act({ type: 'RECORD_SAMPLE', supplier: 's', notes: '', photoUrls: [] });
    const submittedAt = p.now;
    expect(nextDeadline(p.state)).toEqual({ kind: 'REVIEW_REMINDER', at: submittedAt + REMINDER_AFTER, what: 'sample', round: 1 });
    const fired = p.fire();
    expect(fired.events.map((e) => [e.type, e.stage, e.data])).toEqual([['SAMPLE_REVIEW_REMINDER', 'SAMPLING', { round: 1, waitingSince: iso(submittedAt) }]]);
    expect(p.state.samples[0].remindedAt).toBe(iso(submittedAt + REMINDER_AFTER));
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('in PRODUCTION, is null before and after production starts (staff drive it)', () => {
    const p = driveTo('PRODUCTION');
    expect(nextDeadline(p.state)).toBeNull();
    p.act({ type: 'START_PRODUCTION', supplier: 's', dueDate: iso(p.now + DAY) });
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('in LAUNCH without a schedule, is null', () => {
    expect(nextDeadline(driveTo('LAUNCH').state)).toBeNull();
  });

  it('in LAUNCH, walks the countdowns in descending offset order, then the launch', () => {
    const p = driveTo('LAUNCH', makeInput({ rules: { launchCountdownsMs: [10 * MINUTE, DAY, HOUR] } }));
    const launchAt = p.now + 2 * DAY;
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(launchAt) });
    const seen: Deadline[] = [];
    while (p.state.stage === 'LAUNCH') seen.push(p.fire().deadline);
    expect(seen).toEqual([
      { kind: 'LAUNCH_COUNTDOWN', at: launchAt - DAY, offsetMs: DAY },
      { kind: 'LAUNCH_COUNTDOWN', at: launchAt - HOUR, offsetMs: HOUR },
      { kind: 'LAUNCH_COUNTDOWN', at: launchAt - 10 * MINUTE, offsetMs: 10 * MINUTE },
      { kind: 'LAUNCH', at: launchAt },
    ]);
  });

  it.each(['LAUNCHED', 'CANCELLED'] as const)('is null once the product is %s', (stage) => {
    expect(nextDeadline(driveTo(stage).state)).toBeNull();
  });
});

describe('launch announcement approval', () => {
  const driveTo = (stage: 'LAUNCH', input = APPROVING) => driveToStage(stage, input);
  const announce = { type: 'APPROVE_LAUNCH_ANNOUNCEMENT', title: '  Our linen dress is live  ', body: 'Go get it.' } as const;

  it('alerts once, the lead time before launch, when the influencer has not approved, and launches anyway', () => {
    const p = driveTo('LAUNCH', makeInput({ rules: { launchCountdownsMs: [DAY, HOUR], launchApprovalLeadMs: 2 * HOUR } }));
    const launchAt = p.now + 2 * DAY;
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(launchAt) });
    expect(pendingAction(p.state).action).toBe('APPROVE_LAUNCH_ANNOUNCEMENT');
    const fired: { kind: string; events: string[] }[] = [];
    while (p.state.stage === 'LAUNCH') {
      const { deadline, events } = p.fire();
      fired.push({ kind: deadline.kind, events: events.map((e) => e.type) });
    }
    expect(fired).toEqual([
      { kind: 'LAUNCH_COUNTDOWN', events: ['LAUNCH_COUNTDOWN'] },
      { kind: 'LAUNCH_APPROVAL_DUE', events: ['LAUNCH_APPROVAL_OVERDUE'] },
      { kind: 'LAUNCH_COUNTDOWN', events: ['LAUNCH_COUNTDOWN'] },
      { kind: 'LAUNCH', events: ['LAUNCHED', 'STAGE_CHANGED'] },
    ]);
    const launched = p.events.find((e) => e.type === 'LAUNCHED')!;
    expect(launched.data).toEqual({ launchAt: iso(launchAt), announcementApproved: false });
  });

  it('keeps the approved text word for word (trimmed) and needs no alert then', () => {
    const p = driveTo('LAUNCH');
    const launchAt = p.now + 2 * DAY;
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(launchAt) });
    const [approved] = p.act(announce, influencer);
    expect(approved).toMatchObject({ type: 'LAUNCH_ANNOUNCEMENT_APPROVED', data: { title: 'Our linen dress is live', body: 'Go get it.', previous: null } });
    expect(p.state.launch.announcement).toMatchObject({ title: 'Our linen dress is live', body: 'Go get it.', approvedBy: influencer });
    const kinds: string[] = [];
    while (p.state.stage === 'LAUNCH') kinds.push(p.fire().deadline.kind);
    expect(kinds).not.toContain('LAUNCH_APPROVAL_DUE');
    expect(p.events.find((e) => e.type === 'LAUNCHED')!.data).toMatchObject({ announcementApproved: true });
  });

  it('alerts at once when the launch is scheduled closer than the lead time', () => {
    const p = driveTo('LAUNCH', makeInput({ rules: { launchCountdownsMs: [], launchApprovalLeadMs: 2 * HOUR } }));
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + HOUR) });
    expect(nextDeadline(p.state)).toEqual({ kind: 'LAUNCH_APPROVAL_DUE', at: p.now + HOUR - 2 * HOUR });
  });

  it('re-arms the alert when the launch is moved', () => {
    const p = driveTo('LAUNCH', makeInput({ rules: { launchCountdownsMs: [], launchApprovalLeadMs: 2 * HOUR } }));
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + HOUR) });
    p.fire();
    expect(p.state.launch.approvalOverdueAt).toBeDefined();
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 3 * DAY) });
    expect(nextDeadline(p.state)).toMatchObject({ kind: 'LAUNCH_APPROVAL_DUE' });
  });

  it('refuses an empty or oversized text, and approval for products started before approvals existed', () => {
    const p = driveTo('LAUNCH');
    expectRefused(p, { ...announce, title: ' ' }, DomainErrorCode.InvalidValue, 'the announcement needs a title and a body');
    expectRefused(p, { ...announce, body: 'x'.repeat(5001) }, DomainErrorCode.InvalidValue, /limited to 200 and its body to 5000/);
    const old = driveTo('LAUNCH', makeInput());
    expectRefused(old, announce, DomainErrorCode.InvalidState, /started before launch announcements needed approval/);
    old.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(old.now + DAY) });
    expect(pendingAction(old.state).action).toBe('LAUNCH');
  });
});

describe('pendingAction', () => {
  it('in an open poll, waits for fans to vote until the closing time', () => {
    expect(pendingAction(driveTo('POLL').state)).toEqual({
      by: 'fans',
      action: 'VOTE',
      description: `fans vote until ${iso(POLL_CLOSES_AT)}; staff may close the poll early`,
    });
  });

  it('while the poll is being tallied, waits for the engine', () => {
    const p = driveTo('POLL');
    beginPollClose(p.state);
    expect(pendingAction(p.state)).toEqual({ by: 'engine', action: 'TALLY', description: 'the poll is being tallied' });
  });

  it('below the minimum, asks staff to extend or cancel, with the vote count', () => {
    const p = driveTo('POLL');
    p.closePoll(votes(2, 1));
    expect(pendingAction(p.state)).toEqual({
      by: 'staff',
      action: 'EXTEND_OR_CANCEL',
      description: `the poll got 3 of ${MIN_VOTES} required votes; extend it or cancel the product`,
    });
  });

  it('in DESIGN, asks staff for design round 1, then the influencer for a review, then staff for round 2', () => {
    const p = driveTo('DESIGN');
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'SUBMIT_DESIGN', description: `submit design round 1 of ${DESIGN_ROUND_LIMIT}` });
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    expect(pendingAction(p.state)).toEqual({ by: 'influencer', action: 'REVIEW_DESIGN', description: 'review design round 1' });
    p.act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'x' }, influencer);
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'SUBMIT_DESIGN', description: `submit design round 2 of ${DESIGN_ROUND_LIMIT}` });
  });

  it('in DESIGN with every round used, tells staff the product can only be cancelled', () => {
    const p = driveTo('DESIGN');
    for (let round = 1; round <= DESIGN_ROUND_LIMIT; round++) {
      p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
      p.act({ type: 'REVIEW_DESIGN', round, decision: 'REQUEST_CHANGES', feedback: 'x' }, influencer);
    }
    expect(pendingAction(p.state)).toEqual({
      by: 'staff',
      action: 'CANCEL',
      description: `all ${DESIGN_ROUND_LIMIT} design rounds are used; the product can only be cancelled`,
    });
  });

  it('in SAMPLING, asks staff for a sample, then the influencer for its review, and says when rounds are used up', () => {
    const p = driveTo('SAMPLING');
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'RECORD_SAMPLE', description: `submit sample round 1 of ${SAMPLE_ROUND_LIMIT}` });
    for (let round = 1; round <= SAMPLE_ROUND_LIMIT; round++) {
      p.act({ type: 'RECORD_SAMPLE', supplier: 's', notes: '', photoUrls: [] });
      expect(pendingAction(p.state)).toEqual({ by: 'influencer', action: 'REVIEW_SAMPLE', description: `review sample round ${round}` });
      p.act({ type: 'REVIEW_SAMPLE', round, decision: 'REQUEST_CHANGES', feedback: 'x' }, influencer);
    }
    expect(pendingAction(p.state)).toEqual({
      by: 'staff',
      action: 'CANCEL',
      description: `all ${SAMPLE_ROUND_LIMIT} sample rounds are used; the product can only be cancelled`,
    });
  });

  it('in PRODUCTION, asks staff to start with the suggested quantity, then for each next milestone', () => {
    const p = driveTo('PRODUCTION');
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'START_PRODUCTION', description: 'start production (suggested quantity 50)' });
    p.act({ type: 'START_PRODUCTION', supplier: 's', dueDate: iso(p.now + DAY) });
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'RECORD_MILESTONE', description: 'record the MATERIALS milestone' });
    p.act({ type: 'RECORD_MILESTONE', milestone: 'MATERIALS' });
    p.act({ type: 'RECORD_MILESTONE', milestone: 'CUTTING' });
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'RECORD_MILESTONE', description: 'record the SEWING milestone' });
  });

  it('in LAUNCH, asks staff to schedule, then waits for the engine to launch at the set time', () => {
    const p = driveTo('LAUNCH');
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'SCHEDULE_LAUNCH', description: 'schedule the launch' });
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + DAY * 2) });
    expect(pendingAction(p.state)).toEqual({ by: 'engine', action: 'LAUNCH', description: `the product launches at ${iso(p.now + 2 * DAY)}` });
  });

  it.each(['LAUNCHED', 'CANCELLED'] as const)('once %s, waits for nobody', (stage) => {
    expect(pendingAction(driveTo(stage).state)).toEqual({ by: null, action: 'NONE', description: `the product is ${stage}` });
  });
});

describe('toView', () => {
  it('is a detached copy of the state with the pending action attached', () => {
    const p = driveTo('DESIGN');
    const view = toView(p.state);
    expect(view).toEqual({ ...JSON.parse(JSON.stringify(p.state)), pendingAction: pendingAction(p.state) });
    view.designs.push({} as never);
    view.poll.options[0].label = 'changed';
    expect(p.state.designs).toEqual([]);
    expect(p.state.poll.options[0].label).toBe('Linen');
  });
});

describe('event invariants', () => {
  it('over a full lifecycle, numbers events 1, 2, 3… and gives each the stage right after it', () => {
    const p = driveTo('LAUNCHED');
    // Product.record checks each batch; here the whole timeline at once.
    expect(p.events.map((e) => e.seq)).toEqual(p.events.map((_, i) => i + 1));
    expect(p.state.seq).toBe(p.events.length);
    expect(p.events.map((e) => `${e.type}@${e.stage}`)).toEqual([
      'PRODUCT_CREATED@POLL',
      'POLL_OPENED@POLL',
      'POLL_CLOSED@POLL',
      'STAGE_CHANGED@DESIGN',
      'DESIGN_SUBMITTED@DESIGN',
      'DESIGN_APPROVED@DESIGN',
      'STAGE_CHANGED@SAMPLING',
      'SAMPLE_RECORDED@SAMPLING',
      'SAMPLE_APPROVED@SAMPLING',
      'STAGE_CHANGED@PRODUCTION',
      'PRODUCTION_STARTED@PRODUCTION',
      'PRODUCTION_MILESTONE@PRODUCTION',
      'PRODUCTION_MILESTONE@PRODUCTION',
      'PRODUCTION_MILESTONE@PRODUCTION',
      'PRODUCTION_MILESTONE@PRODUCTION',
      'PRODUCTION_MILESTONE@PRODUCTION',
      'STAGE_CHANGED@LAUNCH',
      'LAUNCH_SCHEDULED@LAUNCH',
      'LAUNCH_COUNTDOWN@LAUNCH',
      'LAUNCH_COUNTDOWN@LAUNCH',
      'LAUNCHED@LAUNCH',
      'STAGE_CHANGED@LAUNCHED',
    ]);
    expect(p.events.filter((e) => e.type === 'STAGE_CHANGED').map((e) => e.data.to)).toEqual(['DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH', 'LAUNCHED']);
  });

  it('over a bumpy lifecycle (short poll, extension, rejected rounds, reminders, rescheduling, cancellation), keeps seq contiguous', () => {
    const p = new Product(makeInput(), T0);
    p.advance(7 * DAY);
    beginPollClose(p.state);
    p.tally(votes(1, 2));
    p.advance(HOUR).act({ type: 'EXTEND_POLL', closesAt: iso(p.now + DAY) });
    p.advance(DAY);
    beginPollClose(p.state);
    p.tally(votes(6, 6), SYSTEM_ACTOR);
    expect(p.state.poll.result).toMatchObject({ winningOptionId: 'a', tieBroken: true });
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    p.fire();
    p.advance(HOUR).act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'x' }, influencer);
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    p.advance(HOUR).act({ type: 'REVIEW_DESIGN', round: 2, decision: 'APPROVE' }, influencer);
    p.act({ type: 'RECORD_SAMPLE', supplier: 's', notes: '', photoUrls: [] });
    p.fire();
    p.advance(HOUR).act({ type: 'REVIEW_SAMPLE', round: 1, decision: 'APPROVE' }, influencer);
    p.act({ type: 'START_PRODUCTION', quantity: 80, supplier: 's', dueDate: iso(p.now + 20 * DAY) });
    for (const milestone of PRODUCTION_MILESTONES) p.advance(DAY).act({ type: 'RECORD_MILESTONE', milestone });
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 2 * DAY) });
    p.fire();
    p.advance(HOUR).act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 5 * DAY) });
    p.advance(HOUR).act({ type: 'CANCEL', reason: 'recall' });
    expect(p.events.map((e) => e.seq)).toEqual(p.events.map((_, i) => i + 1));
    expect(p.events[p.events.length - 1]).toMatchObject({ type: 'CANCELLED', stage: 'CANCELLED', data: { from: 'LAUNCH' } });
    expect(p.state.updatedAt).toBe(iso(p.now));
  });

  it('a refused action changes nothing: same seq, same state', () => {
    const p = driveTo('SAMPLING');
    const before = JSON.stringify(p.state);
    expect(() => validateCommand(p.state, { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' }, p.now)).toThrow(LifecycleRefusal);
    expect(JSON.stringify(p.state)).toBe(before);
  });

  it('applyCommand leaves the clock fields in ISO form (updatedAt moves with each event)', () => {
    const p = driveTo('DESIGN').advance(5 * MINUTE);
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    expect(p.state.updatedAt).toBe(iso(p.now));
    expect(p.state.createdAt).toBe(iso(T0));
  });
});

// Keep applyCommand/applyDeadline importable without the harness for a direct smoke check.
describe('direct use without the harness', () => {
  it('applyCommand and applyDeadline return the events they produced and mutate the given state', () => {
    const { state } = createProductState(makeInput(), T0);
    expect(applyCommand(state, { type: 'EXTEND_POLL', closesAt: iso(POLL_CLOSES_AT + DAY) }, staff, T0).map((e) => e.seq)).toEqual([3]);
    beginPollClose(state);
    applyPollTally(state, votes(20), staff, T0 + HOUR);
    applyCommand(state, { type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] }, staff, T0 + HOUR);
    const events = applyDeadline(state, { kind: 'REVIEW_REMINDER', at: T0 + HOUR + REMINDER_AFTER, what: 'design', round: 1 }, T0 + HOUR + REMINDER_AFTER);
    expect(events.map((e) => [e.seq, e.type])).toEqual([[7, 'DESIGN_REVIEW_REMINDER']]);
    expect(state.seq).toBe(7);
  });
});
